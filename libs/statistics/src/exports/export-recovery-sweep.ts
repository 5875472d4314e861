import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { JOB_RETRY, RUNS_JOBS, RecoverySweep } from '@amparo/jobs';
import { DataSource } from 'typeorm';
import { ExportRequestsService } from './export-requests.service';

/** An export that has been tried this many times without finishing is given up. */
const MAX_ATTEMPTS = JOB_RETRY.attempts * 3;

/** Queues again the exports whose job was lost (see RecoverySweep). */
@Injectable()
export class ExportRecoverySweep extends RecoverySweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNS_JOBS) runsJobs: boolean,
    private readonly requests: ExportRequestsService,
  ) {
    super(new Logger(ExportRecoverySweep.name), runsJobs, config.exports.sweepIntervalSeconds);
  }

  protected async requeueOverdue(): Promise<number> {
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
    return queued;
  }
}
