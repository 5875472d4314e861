import { Module } from '@nestjs/common';
import { SystemPingModule } from '@amparo/jobs';
import { SystemPingsController } from './system-pings.controller';

@Module({
  imports: [SystemPingModule],
  controllers: [SystemPingsController],
})
export class SystemModule {}
