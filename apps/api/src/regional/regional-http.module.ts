import { Module } from '@nestjs/common';
import { StatisticsModule } from '@amparo/statistics';
import { ExportKeysController } from './export-keys.controller';
import { RegionalController } from './regional.controller';

@Module({
  imports: [StatisticsModule],
  controllers: [RegionalController, ExportKeysController],
})
export class RegionalHttpModule {}
