import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { APP_CONFIG, AppConfig, safeErrorForLog } from '@amparo/core';
import { withinRowScope } from '@amparo/database';
import { JOB_RETRY, JobName, JobQueue, RUNS_JOBS, RecoverySweep } from '@amparo/jobs';
import { DataSource } from 'typeorm';
import { failImport } from './import-outcome';

/** An import tried this many times without finishing is given up (and its entries removed). */
export const MAX_IMPORT_ATTEMPTS = JOB_RETRY.attempts * 3;

const logger = new Logger('ImportRecoverySweep');

/**
 * Queues again the committed imports whose job was lost (see RecoverySweep): queued or running for
 * longer than the exports' re-queue delay (EXPORTS_REQUEUE_AFTER_SECONDS; a 50,000-row import takes
 * well under a minute). An import still running in a worker is not added twice (same job id).
 */
@Injectable()
export class ImportRecoverySweep extends RecoverySweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNS_JOBS) runsJobs: boolean,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {
    super(logger, runsJobs, config.exports.sweepIntervalSeconds);
  }

  protected async requeueOverdue(): Promise<number> {
    const after = this.config.exports.requeueAfterSeconds;
    const { exhausted, overdue } = await withinRowScope(this.dataSource, 'system', async (m) => ({
      exhausted: await m.query<{ id: string }[]>(
        `SELECT id FROM crisis_imports WHERE status IN ('queued', 'running') AND attempts >= $1`,
        [MAX_IMPORT_ATTEMPTS],
      ),
      overdue: await m.query<{ id: string }[]>(
        `SELECT id FROM crisis_imports
          WHERE attempts < $2
            AND ((status = 'queued' AND queued_at < now() - make_interval(secs => $1))
              OR (status = 'running' AND started_at < now() - make_interval(secs => $1)))
          ORDER BY queued_at LIMIT 500`,
        [after, MAX_IMPORT_ATTEMPTS],
      ),
    }));
    for (const { id } of exhausted)
      await withinRowScope(this.dataSource, 'system', (m) =>
        failImport(this.audit, m, id, 'CRISIS_IMPORT_FAILED', {
          unfinished: ['queued', 'running'],
          minAttempts: MAX_IMPORT_ATTEMPTS,
        }),
      );
    let queued = 0;
    for (const { id } of overdue) {
      try {
        await this.jobs.enqueue(
          JobName.CrisisImport,
          { importId: id },
          { jobId: id, replaceFinished: true },
        );
        queued++;
      } catch (error) {
        // Redis still down: the next sweep tries again.
        logger.warn({ error: safeErrorForLog(error), importId: id }, 'Import not queued again');
      }
    }
    if (overdue.length)
      await withinRowScope(this.dataSource, 'system', (m) =>
        m.query(
          `UPDATE crisis_imports SET queued_at = now() WHERE id = ANY($1::uuid[]) AND status = 'queued'`,
          [overdue.map((o) => o.id)],
        ),
      );
    return queued;
  }
}
