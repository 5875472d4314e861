import { Module } from '@nestjs/common';
import { StatisticsModule } from '@amparo/statistics';
import { ExportKeysController } from './export-keys.controller';
import { RegionalController } from './regional.controller';
import { RegionalReportsController } from './regional-reports.controller';

@Module({
  imports: [StatisticsModule],
  controllers: [RegionalController, RegionalReportsController, ExportKeysController],
})
export class RegionalHttpModule {}
