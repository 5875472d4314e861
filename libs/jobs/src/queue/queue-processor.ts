import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig, safeErrorForLog } from '@amparo/core';
import { Job } from 'bullmq';
import { JobHandlerRegistry } from '../handlers/job-handler.registry';
import { JobName } from '../job-names';

/** Hands every job of one BullMQ queue to its registered handler. One subclass per queue. */
export abstract class QueueProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected readonly logger = new Logger(this.constructor.name);

  constructor(
    private readonly registry: JobHandlerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.jobs.concurrency;
  }

  /** Active jobs finish while the database is still open; it closes in the next shutdown phase. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job): Promise<void> {
    await this.registry.run(job.name as JobName, job.data, {
      jobId: job.id ?? 'unknown',
      attempt: job.attemptsMade + 1,
    });
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(
      { error: safeErrorForLog(error), job: job?.name, jobId: job?.id, attempt: job?.attemptsMade },
      'Job attempt failed',
    );
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error({ error: safeErrorForLog(error) }, 'Worker connection error');
  }
}
