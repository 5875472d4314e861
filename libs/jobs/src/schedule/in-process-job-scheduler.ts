import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { safeErrorForLog } from '@amparo/core';
import { CronExpressionParser } from 'cron-parser';
import { JobName, JobPayloads } from '../job-names';
import { JobQueue } from '../queue/job-queue';
import { JobScheduler, Repeat } from './job-scheduler';

/** Node timers cannot wait longer than about 24.8 days; longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Schedules for the embedded mode: timers in this process that enqueue through the job queue. */
@Injectable()
export class InProcessJobScheduler extends JobScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger('JobScheduler');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly declared = new Map<string, string>();

  constructor(private readonly jobs: JobQueue) {
    super();
  }

  schedule<N extends JobName>(
    schedulerId: string,
    name: N,
    payload: JobPayloads[N],
    repeat: Repeat,
  ): Promise<void> {
    // Declaring the same schedule again keeps its timer (an interval would otherwise restart).
    const declared = JSON.stringify({ name, payload, repeat });
    if (this.declared.get(schedulerId) === declared) return Promise.resolve();
    this.cancel(schedulerId);
    this.declared.set(schedulerId, declared);
    const arm = () => {
      const at = nextRun(repeat, Date.now());
      this.wait(schedulerId, at, () => {
        this.jobs
          .enqueue(name, payload, { jobId: `${schedulerId}:${at}` })
          .catch((error: unknown) =>
            this.logger.error(
              { error: safeErrorForLog(error), schedulerId },
              'Scheduled job not enqueued',
            ),
          );
        arm();
      });
    };
    arm();
    return Promise.resolve();
  }

  removeOthers(prefix: string, keep: readonly string[]): Promise<void> {
    for (const id of this.timers.keys()) {
      if (id.startsWith(prefix) && !keep.includes(id)) this.cancel(id);
    }
    return Promise.resolve();
  }

  beforeApplicationShutdown(): void {
    for (const id of [...this.timers.keys()]) this.cancel(id);
  }

  private wait(schedulerId: string, at: number, run: () => void): void {
    const delay = at - Date.now();
    const timer =
      delay > MAX_TIMER_MS
        ? setTimeout(() => this.wait(schedulerId, at, run), MAX_TIMER_MS)
        : setTimeout(run, Math.max(0, delay));
    timer.unref();
    this.timers.set(schedulerId, timer);
  }

  private cancel(schedulerId: string): void {
    clearTimeout(this.timers.get(schedulerId));
    this.timers.delete(schedulerId);
    this.declared.delete(schedulerId);
  }
}

export function nextRun(repeat: Repeat, now: number): number {
  if ('everyMs' in repeat) return now + repeat.everyMs;
  return CronExpressionParser.parse(repeat.pattern, { currentDate: new Date(now), tz: 'UTC' })
    .next()
    .getTime();
}
