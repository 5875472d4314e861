import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { HandlesJob, JobHandler, JobName, JobPayloads } from '@amparo/jobs';
import { DataSource } from 'typeorm';
import { MEASURE_IDS } from '../model/measures';
import { periodCode } from '../model/periods';
import { EXPORT_COLUMNS, ExportSpec, toExportRecord } from './export-record';
import { ExportRequestsService } from './export-requests.service';

/** What the network's semester meetings compare, country by country. */
const SEMESTER_REPORT_DIMENSIONS: ExportSpec['dimensions'] = ['category', 'sex', 'age_group'];

/**
 * Scheduled: the regional export of the semester that ended before the schedule fired, for every
 * sending country of the deployment, in the JSON form that `npm run consolidate` merges. One per
 * semester (the schedule key is unique), so a schedule firing twice makes one report.
 */
@Injectable()
@HandlesJob(JobName.SemesterReport)
export class SemesterReportHandler implements JobHandler<typeof JobName.SemesterReport> {
  private readonly logger = new Logger(SemesterReportHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly requests: ExportRequestsService,
  ) {}

  async handle({ firedAt }: JobPayloads[typeof JobName.SemesterReport]): Promise<void> {
    const semester = lastEndedSemester(firedAt ? new Date(firedAt) : new Date());
    const countries: { code: string }[] = await this.dataSource.query(
      'SELECT DISTINCT sending_country_code::text AS code FROM consulates_for_statistics ORDER BY 1',
    );
    if (!countries.length) return;
    const spec: ExportSpec = {
      measures: [...MEASURE_IDS],
      dimensions: SEMESTER_REPORT_DIMENSIONS,
      period: 'semester',
      from: semester.from,
      to: semester.to,
      filters: {},
    };
    const key = `semester-report:${semester.code}`;
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query(
        `INSERT INTO statistics_exports (kind, format, language, request, scope, schedule_key)
         VALUES ('regional', 'json', 'es', $1, $2, $3)
         ON CONFLICT (schedule_key) DO NOTHING RETURNING ${EXPORT_COLUMNS}`,
        [
          JSON.stringify(spec),
          JSON.stringify({ countries: countries.map((c) => c.code), consulateIds: [] }),
          key,
        ],
      );
      if (!created) {
        const [existing] = await manager.query(
          `SELECT ${EXPORT_COLUMNS} FROM statistics_exports WHERE schedule_key = $1`,
          [key],
        );
        return toExportRecord(existing).status === 'queued' ? (existing.id as string) : null;
      }
      await this.audit.record(
        {
          action: 'export.request',
          outcome: 'success',
          resourceType: 'statistics_export',
          resourceId: created.id,
          details: { kind: 'regional', scheduled: key },
        },
        manager,
      );
      return created.id as string;
    });
    if (id) {
      await this.requests.enqueue(id);
      this.logger.log({ exportId: id, semester: semester.code }, 'Semester report requested');
    }
  }
}

/** The semester that ended last before `at` (UTC): January–June or July–December. */
export function lastEndedSemester(at: Date): { code: string; from: string; to: string } {
  const year = at.getUTCFullYear();
  const first = at.getUTCMonth() < 6;
  const reportYear = first ? year - 1 : year;
  const start = new Date(Date.UTC(reportYear, first ? 6 : 0, 1));
  return {
    code: periodCode('semester', start),
    from: `${reportYear}-${first ? '07-01' : '01-01'}`,
    to: `${reportYear}-${first ? '12-31' : '06-30'}`,
  };
}
