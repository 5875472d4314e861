import { Module } from '@nestjs/common';
import { ScopeModule } from '@amparo/identity';
import { PublishedPracticesModule } from '@amparo/practices';
import { CodeLabelResolver } from './aggregate/code-label-resolver';
import { FilterScopeCheck } from './aggregate/filter-scope';
import { StatisticsQueriesService } from './aggregate/statistics-queries.service';
import { StatisticsTables } from './aggregate/statistics-tables';
import { ExportFiles } from './exports/export-files';
import { ExportRecoverySweep } from './exports/export-recovery-sweep';
import { ExportRequestsService } from './exports/export-requests.service';
import { ExportsCleanupHandler } from './exports/exports-cleanup.handler';
import { SemesterReportHandler } from './exports/semester-report.handler';
import { StatisticsExportHandler } from './exports/statistics-export.handler';
import { StatisticsSchedules } from './exports/statistics-schedules';
import { ExportSigningKey } from './signing/export-signing-key';
import { PublishedExportKeys } from './signing/published-export-keys';
import { RegionalConsolidationsService } from './regional/regional-consolidations.service';
import { RegionalExportsService } from './regional/regional-exports.service';
import { RegionalKeysService } from './regional/regional-keys.service';
import { RegionalReportHandler } from './regional/reports/regional-report.handler';
import { RegionalReportRecoverySweep } from './regional/reports/regional-report-recovery-sweep';
import { RegionalReportsService } from './regional/reports/regional-reports.service';

/**
 * Aggregates, exports and their jobs. Imported by the API and by the worker: the job handlers,
 * the recovery sweep and the schedules act only where jobs run.
 */
@Module({
  imports: [ScopeModule, PublishedPracticesModule],
  providers: [
    CodeLabelResolver,
    FilterScopeCheck,
    StatisticsTables,
    StatisticsQueriesService,
    ExportFiles,
    ExportRequestsService,
    StatisticsExportHandler,
    ExportsCleanupHandler,
    SemesterReportHandler,
    ExportRecoverySweep,
    StatisticsSchedules,
    ExportSigningKey,
    PublishedExportKeys,
    RegionalKeysService,
    RegionalExportsService,
    RegionalConsolidationsService,
    RegionalReportsService,
    RegionalReportHandler,
    RegionalReportRecoverySweep,
  ],
  exports: [
    StatisticsQueriesService,
    StatisticsTables,
    ExportRequestsService,
    ExportRecoverySweep,
    ExportSigningKey,
    PublishedExportKeys,
    RegionalKeysService,
    RegionalExportsService,
    RegionalConsolidationsService,
    RegionalReportsService,
    RegionalReportRecoverySweep,
  ],
})
export class StatisticsModule {}
