import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { safeErrorForLog } from '@amparo/core';

/**
 * Finds work whose job the queue lost (Redis was down when it was requested, or lost its data; in
 * embedded mode, an API process died) and queues it again, every `intervalSeconds` where jobs run.
 * Re-adding is harmless: the job id is the work's id, so a job still waiting or running is not added
 * twice. A job whose worker died is BullMQ's to recover (stalled-job check). Subclasses say what is
 * overdue and how to queue it; one sweep runs at a time.
 */
export abstract class RecoverySweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  protected constructor(
    private readonly logger: Logger,
    private readonly runsJobs: boolean,
    private readonly intervalSeconds: number,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.runsJobs) return;
    this.timer = setInterval(() => void this.sweep(), this.intervalSeconds * 1000);
    this.timer.unref();
    void this.sweep();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  /** Queues again what is overdue; returns how many it queued. */
  sweep(): Promise<number> {
    this.sweeping ??= this.requeueOverdue()
      .then((queued) => {
        if (queued) this.logger.log({ queued }, 'Recovery sweep queued work again');
        return queued;
      })
      .catch((error: unknown) => {
        this.logger.warn({ error: safeErrorForLog(error) }, 'Recovery sweep failed');
        return 0;
      })
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /** Gives up what was tried too often, queues again what is overdue; how many it queued. */
  protected abstract requeueOverdue(): Promise<number>;
}
