import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, safeErrorForLog } from '@amparo/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobHandlerRegistry } from '../handlers/job-handler.registry';
import { JobName, JobPayloads } from '../job-names';
import { JOB_RETRY } from './job-retry';
import { EnqueueOptions, JobQueue } from './job-queue';

/**
 * Runs jobs inside the API process when no Redis is configured (the embedded default), through the
 * same handlers and retry policy as the worker. Work is lost if the process dies: never in production.
 */
@Injectable()
export class InProcessJobQueue extends JobQueue implements BeforeApplicationShutdown {
  readonly mode = 'in-process';
  private readonly logger = new Logger('InProcessJobs');
  private readonly running = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;
  private closing = false;

  constructor(
    private readonly registry: JobHandlerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    { jobId }: EnqueueOptions,
  ): Promise<void> {
    if (this.closing) throw new Error('Job queue is shutting down');
    if (this.running.has(jobId)) return;
    const run = this.runWithRetries(name, payload, jobId).finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
  }

  /** Running jobs finish before the database closes (next shutdown phase). */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.allSettled(this.running.values());
  }

  private async runWithRetries<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    jobId: string,
  ): Promise<void> {
    await this.acquireSlot();
    try {
      for (let attempt = 1; attempt <= JOB_RETRY.attempts; attempt++) {
        try {
          await this.registry.run(name, payload, { jobId, attempt });
          return;
        } catch (error) {
          this.logger.warn(
            { error: safeErrorForLog(error), job: name, jobId, attempt },
            'Job attempt failed',
          );
          if (attempt === JOB_RETRY.attempts || this.closing) return;
          await sleep(JOB_RETRY.backoffMs * 2 ** (attempt - 1));
        }
      }
    } finally {
      this.releaseSlot();
    }
  }

  private async acquireSlot(): Promise<void> {
    if (this.active < this.config.jobs.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
