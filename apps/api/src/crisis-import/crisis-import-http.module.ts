import { Module } from '@nestjs/common';
import { CrisisImportModule } from '@amparo/crisis';
import { CrisisImportsController } from './crisis-imports.controller';

/** HTTP adapter of the crisis bulk import. */
@Module({
  imports: [CrisisImportModule],
  controllers: [CrisisImportsController],
})
export class CrisisImportHttpModule {}
