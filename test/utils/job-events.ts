import { AppConfig } from '@amparo/core';
import { QueueEvents } from 'bullmq';

const EVENTS = ['waiting', 'active', 'progress', 'stalled', 'completed', 'failed'] as const;
export type JobEventName = (typeof EVENTS)[number];

interface Waiter {
  readonly event: JobEventName;
  readonly jobId: string;
  readonly resolve: () => void;
}

/**
 * The events of one BullMQ queue, for tests to wait on instead of sleeping. The queue's event
 * stream is read from its start, so an event that happened before the test began to wait is not
 * missed. Waits have no deadline of their own: the running test's jest timeout bounds them.
 */
export class JobEvents {
  private readonly seen = new Set<string>();
  private readonly waiters = new Set<Waiter>();

  private constructor(private readonly events: QueueEvents) {
    for (const event of EVENTS) {
      events.on(event, (args: { jobId?: string }) => this.record(event, args.jobId));
    }
    // Connection errors are retried by ioredis; without a listener they would crash the test.
    events.on('error', () => undefined);
  }

  static async open(config: AppConfig, queue: string): Promise<JobEvents> {
    if (config.jobs.mode !== 'redis') throw new Error('JobEvents needs a Redis job queue');
    const events = new QueueEvents(queue, {
      connection: { url: config.jobs.redisUrl, maxRetriesPerRequest: null },
      prefix: config.jobs.prefix,
      lastEventId: '0',
      autorun: false, // listening before the first read, so that no replayed event is missed
    });
    const jobEvents = new JobEvents(events);
    void events.run().catch(() => undefined); // reads until closed
    await events.waitUntilReady();
    return jobEvents;
  }

  /** Resolves once the job has had this event (at once if it already has). */
  reached(jobId: string, event: JobEventName): Promise<void> {
    if (this.seen.has(`${event}:${jobId}`)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ event, jobId, resolve }));
  }

  close(): Promise<void> {
    return this.events.close();
  }

  private record(event: JobEventName, jobId: string | undefined): void {
    if (!jobId) return;
    this.seen.add(`${event}:${jobId}`);
    for (const waiter of this.waiters) {
      if (waiter.event !== event || waiter.jobId !== jobId) continue;
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }
}
