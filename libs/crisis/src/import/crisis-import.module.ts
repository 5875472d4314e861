import { Module } from '@nestjs/common';
import { AuditModule } from '@amparo/audit';
import { CasesModule } from '@amparo/cases';
import { DirectoryModule } from '@amparo/directory';
import { ScopeModule } from '@amparo/identity';
import { CrisisEventAccess } from '../events/crisis-event-access';
import { CrisisImportHandler } from './crisis-import.handler';
import { CrisisImportsService } from './crisis-imports.service';

/** Bulk import: the preview and commit (API) and the job that imports (worker, or in-process). */
@Module({
  imports: [AuditModule, CasesModule, DirectoryModule, ScopeModule],
  providers: [CrisisEventAccess, CrisisImportsService, CrisisImportHandler],
  exports: [CrisisImportsService],
})
export class CrisisImportModule {}
