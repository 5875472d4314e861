import { Module } from '@nestjs/common';
import { StatisticsModule } from '@amparo/statistics';
import { ExportsController } from './exports.controller';
import { StatisticsController } from './statistics.controller';

@Module({
  imports: [StatisticsModule],
  controllers: [StatisticsController, ExportsController],
})
export class StatisticsHttpModule {}
