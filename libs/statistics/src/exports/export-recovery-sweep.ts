import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, safeErrorForLog } from '@amparo/core';
import { JOB_RETRY, RUNS_JOBS } from '@amparo/jobs';
import { DataSource } from 'typeorm';
import { RegionalReportsService } from '../regional/reports/regional-reports.service';
import { ExportRequestsService } from './export-requests.service';

/** An export that has been tried this many times without finishing is given up. */
const MAX_ATTEMPTS = JOB_RETRY.attempts * 3;

/**
 * Finds exports that the queue lost (Redis was down when they were requested, or lost its data)
 * and queues them again; in embedded mode, also those of an API process that died. Runs where
 * jobs run. Re-adding is harmless: the job id is the export id, so a job still waiting or running
 * in Redis is not added twice. A job whose worker died is BullMQ's to recover (stalled-job check).
 */
@Injectable()
export class ExportRecoverySweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ExportRecoverySweep.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNS_JOBS) private readonly runsJobs: boolean,
    private readonly requests: ExportRequestsService,
    private readonly reports: RegionalReportsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.runsJobs) return;
    this.timer = setInterval(
      () => void this.sweep(),
      this.config.exports.sweepIntervalSeconds * 1000,
    );
    this.timer.unref();
    void this.sweep();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  /** Queues again what is overdue; returns how many exports it queued. One sweep at a time. */
  sweep(): Promise<number> {
    this.sweeping ??= this.requeueOverdue()
      .catch((error: unknown) => {
        this.logger.warn({ error: safeErrorForLog(error) }, 'Export recovery sweep failed');
        return 0;
      })
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async requeueOverdue(): Promise<number> {
    const after = this.config.exports.requeueAfterSeconds;
    await this.dataSource.query(
      `UPDATE statistics_exports SET status = 'failed', failure_code = 'EXPORT_FAILED', updated_at = now()
        WHERE status IN ('queued', 'running') AND attempts >= $1`,
      [MAX_ATTEMPTS],
    );
    const overdue: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM statistics_exports
        WHERE (status = 'queued' AND COALESCE(enqueued_at, requested_at) < now() - make_interval(secs => $1))
           OR (status = 'running' AND updated_at < now() - make_interval(secs => $1))
        ORDER BY requested_at LIMIT 500`,
      [after],
    );
    let queued = 0;
    for (const { id } of overdue) {
      if (await this.requests.enqueue(id, { replaceFinished: true })) queued++;
    }
    queued += await this.requeueOverdueReports(after);
    if (queued) this.logger.log({ queued }, 'Recovery sweep queued exports again');
    return queued;
  }

  /** The same for the regional semester reports, which run on the same queue. */
  private async requeueOverdueReports(after: number): Promise<number> {
    await this.dataSource.query(
      `UPDATE regional_reports SET status = 'failed', error_code = 'REGIONAL_REPORT_FAILED',
              finished_at = now(), updated_at = now()
        WHERE status IN ('queued', 'running') AND attempts >= $1`,
      [MAX_ATTEMPTS],
    );
    const overdue: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM regional_reports
        WHERE status IN ('queued', 'running') AND updated_at < now() - make_interval(secs => $1)
        ORDER BY requested_at LIMIT 100`,
      [after],
    );
    let queued = 0;
    for (const { id } of overdue)
      if (await this.reports.enqueue(id, { replaceFinished: true })) queued++;
    return queued;
  }
}
