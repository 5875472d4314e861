import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SystemPing } from './system-ping.entity';
import { SystemPingHandler } from './system-ping.handler';
import { SystemPingService } from './system-ping.service';

@Module({
  imports: [TypeOrmModule.forFeature([SystemPing])],
  providers: [SystemPingService, SystemPingHandler],
  exports: [SystemPingService],
})
export class SystemPingModule {}
