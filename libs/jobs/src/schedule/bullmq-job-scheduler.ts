import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { ALL_QUEUES, JOB_QUEUE, JobName, JobPayloads } from '../job-names';
import { DEFAULT_JOB_OPTIONS } from '../queue/job-retry';
import { JobScheduler, Repeat } from './job-scheduler';

@Injectable()
export class BullmqJobScheduler extends JobScheduler {
  constructor(private readonly moduleRef: ModuleRef) {
    super();
  }

  async schedule<N extends JobName>(
    schedulerId: string,
    name: N,
    payload: JobPayloads[N],
    repeat: Repeat,
  ): Promise<void> {
    await this.queue(JOB_QUEUE[name]).upsertJobScheduler(
      schedulerId,
      'pattern' in repeat ? { pattern: repeat.pattern, tz: 'UTC' } : { every: repeat.everyMs },
      // Scheduled jobs get the retry and retention policy of every other job.
      { name, data: payload, opts: DEFAULT_JOB_OPTIONS },
    );
  }

  async removeOthers(prefix: string, keep: readonly string[]): Promise<void> {
    for (const name of ALL_QUEUES) {
      const queue = this.queue(name);
      for (const scheduler of await queue.getJobSchedulers()) {
        if (scheduler.key.startsWith(prefix) && !keep.includes(scheduler.key)) {
          await queue.removeJobScheduler(scheduler.key);
        }
      }
    }
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
