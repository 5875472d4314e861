import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { HandlesJob, JobHandler, JobName, JobPayloads } from '@amparo/jobs';
import { DataSource } from 'typeorm';
import { MEASURE_IDS, MeasureId } from '../model/measures';
import { PeriodGranularity, periodCode } from '../model/periods';
import { EXPORT_COLUMNS, ExportSpec, toExportRecord } from './export-record';
import { ExportRequestsService } from './export-requests.service';

/**
 * The exports of a semester that the network's semester report reads, each a regional export of its
 * own: an export's dimensions must describe every one of its measures and it has at most three, so
 * returns by mode cannot travel with cases by category. The secretariat consolidates each table
 * from each country's latest export that has it.
 */
export const SEMESTER_REPORT_EXPORTS: readonly {
  readonly name: string;
  readonly measures: readonly MeasureId[];
  readonly dimensions: ExportSpec['dimensions'];
  readonly period: PeriodGranularity;
}[] = [
  // Every measure over the semester's months, by category and host country (cases by category
  // over time, flows by host country, detention notification delays).
  {
    name: 'overview',
    measures: MEASURE_IDS,
    dimensions: ['period', 'category', 'host_country'],
    period: 'month',
  },
  // Who was assisted: sex, age group and gender.
  {
    name: 'persons',
    measures: ['cases_opened', 'persons_assisted', 'returns'],
    dimensions: ['sex', 'age_group', 'gender'],
    period: 'semester',
  },
  // Where the flows pass: the host country's role, temporary work, where the persons come from.
  {
    name: 'flows',
    measures: ['cases_opened', 'persons_assisted'],
    dimensions: ['host_country_role', 'temporary_worker', 'origin_subdivision'],
    period: 'semester',
  },
  {
    name: 'returns',
    measures: ['returns'],
    dimensions: ['return_mode', 'origin_subdivision'],
    period: 'semester',
  },
];

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
    for (const set of SEMESTER_REPORT_EXPORTS) {
      const spec: ExportSpec = {
        measures: set.measures,
        dimensions: set.dimensions,
        period: set.period,
        from: semester.from,
        to: semester.to,
        filters: {},
      };
      await this.request(`semester-report:${semester.code}:${set.name}`, spec, countries);
    }
    this.logger.log({ semester: semester.code }, 'Semester report exports requested');
  }

  /** One export, once per schedule key: a schedule firing twice queues nothing new. */
  private async request(key: string, spec: ExportSpec, countries: { code: string }[]) {
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
    if (id) await this.requests.enqueue(id);
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
