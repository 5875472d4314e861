import { Module } from '@nestjs/common';
import { AuditModule } from '@amparo/audit';
import { CasesModule } from '@amparo/cases';
import { DirectoryModule } from '@amparo/directory';
import { CrisisModule } from '../crisis.module';
import { CrisisImportHandler } from './crisis-import.handler';
import { CrisisImportsService } from './crisis-imports.service';
import { ImportRecoverySweep } from './import-recovery-sweep';

/** Bulk import: the preview and commit (API) and the job that imports (worker, or in-process). */
@Module({
  imports: [AuditModule, CasesModule, DirectoryModule, CrisisModule],
  providers: [CrisisImportsService, CrisisImportHandler, ImportRecoverySweep],
  exports: [CrisisImportsService, ImportRecoverySweep],
})
export class CrisisImportModule {}
