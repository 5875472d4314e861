import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError, safeErrorForLog } from '@amparo/core';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { JobName, JobQueue } from '@amparo/jobs';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { RegionalExportsService } from '../regional-exports.service';
import {
  REGIONAL_REPORT_FILES,
  REPORT_COLUMNS,
  RegionalReport,
  toRegionalReport,
} from './regional-report-record';
import './regional-report-errors';

/**
 * The secretariat's semester reports: requested here, written by `RegionalReportHandler` in the
 * worker, read and downloaded here. Every request and download is audited.
 */
@Injectable()
export class RegionalReportsService {
  private readonly logger = new Logger(RegionalReportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly exports: RegionalExportsService,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  /** Queues the report of the semester; 422 when no verified export of it has been received. */
  async request(caller: Caller, semester: string): Promise<RegionalReport> {
    if ((await this.exports.semesterDocuments(semester)).length === 0)
      throw new DomainError('REGIONAL_REPORT_NO_EXPORTS', 'unprocessable', {
        params: { semester },
      });
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query<{ id: string }[]>(
        'INSERT INTO regional_reports (semester, requested_by) VALUES ($1, $2) RETURNING id',
        [semester, caller.userId],
      );
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'regional_report.request',
          resourceType: 'regional_report',
          resourceId: created.id,
          details: { semester },
        },
        manager,
      );
      return created.id;
    });
    await this.enqueue(id);
    return this.find(id);
  }

  /** Sends the report to the queue; a failure leaves it queued for the recovery sweep. */
  async enqueue(id: string, options: { replaceFinished?: boolean } = {}): Promise<boolean> {
    try {
      await this.jobs.enqueue(JobName.RegionalReport, { reportId: id }, { jobId: id, ...options });
      return true;
    } catch (error) {
      this.logger.warn(
        { error: safeErrorForLog(error), reportId: id },
        'Regional report not queued; the recovery sweep will queue it',
      );
      return false;
    }
  }

  async list(semester?: string): Promise<RegionalReport[]> {
    const rows = await this.dataSource.query(
      `SELECT ${REPORT_COLUMNS} FROM regional_reports r
        WHERE $1::text IS NULL OR r.semester = $1
        ORDER BY r.requested_at DESC, r.id DESC LIMIT 200`,
      [semester ?? null],
    );
    return rows.map(toRegionalReport);
  }

  async find(id: string): Promise<RegionalReport> {
    const [row] = isUUID(id)
      ? await this.dataSource.query(
          `SELECT ${REPORT_COLUMNS} FROM regional_reports r WHERE r.id = $1`,
          [id],
        )
      : [];
    if (!row) throw new DomainError('REGIONAL_REPORT_NOT_FOUND', 'not_found');
    return toRegionalReport(row);
  }

  /** The bytes of one file of a finished report; 404 for an unknown report, name or a report not done. */
  async file(
    caller: Caller,
    id: string,
    name: string,
  ): Promise<{ name: string; mediaType: string; content: Buffer }> {
    const known = REGIONAL_REPORT_FILES.find((f) => f.name === name);
    const [row] =
      known && isUUID(id)
        ? await this.dataSource.query<{ content: Buffer; media_type: string; sha256: string }[]>(
            `SELECT f.content, f.media_type, f.sha256 FROM regional_report_files f
               JOIN regional_reports r ON r.id = f.report_id
              WHERE f.report_id = $1 AND f.name = $2 AND r.status = 'done'`,
            [id, name],
          )
        : [];
    if (!row)
      throw new DomainError('REGIONAL_REPORT_FILE_NOT_FOUND', 'not_found', {
        params: { name: name.slice(0, 40) },
      });
    await recordCallerEvent(this.audit, caller, {
      action: 'regional_report.download',
      resourceType: 'regional_report',
      resourceId: id,
      details: { name, sha256: row.sha256 },
    });
    return { name, mediaType: row.media_type, content: row.content };
  }
}
