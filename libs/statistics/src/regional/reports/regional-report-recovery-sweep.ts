import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { JOB_RETRY, RUNS_JOBS, RecoverySweep } from '@amparo/jobs';
import { DataSource } from 'typeorm';
import { RegionalReportsService } from './regional-reports.service';

/** A report tried this many times without finishing is given up. */
const MAX_ATTEMPTS = JOB_RETRY.attempts * 3;

/**
 * Queues again the semester reports whose job was lost (see RecoverySweep), with the exports'
 * settings (they run on the same queue); gives up one tried too often, with no file kept.
 */
@Injectable()
export class RegionalReportRecoverySweep extends RecoverySweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNS_JOBS) runsJobs: boolean,
    private readonly reports: RegionalReportsService,
  ) {
    super(
      new Logger(RegionalReportRecoverySweep.name),
      runsJobs,
      config.exports.sweepIntervalSeconds,
    );
  }

  protected async requeueOverdue(): Promise<number> {
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
      [this.config.exports.requeueAfterSeconds],
    );
    let queued = 0;
    for (const { id } of overdue)
      if (await this.reports.enqueue(id, { replaceFinished: true })) queued++;
    return queued;
  }
}
