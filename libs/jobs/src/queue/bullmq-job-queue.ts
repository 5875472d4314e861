import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads } from '../job-names';
import { EnqueueOptions, JobQueue } from './job-queue';

/** Sends jobs to Redis through BullMQ; fails fast (no offline queue) when Redis is unreachable. */
@Injectable()
export class BullmqJobQueue extends JobQueue {
  readonly mode = 'redis';

  constructor(private readonly moduleRef: ModuleRef) {
    super();
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    { jobId, replaceFinished }: EnqueueOptions,
  ): Promise<void> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(JOB_QUEUE[name]), { strict: false });
    if (replaceFinished) {
      const state = await queue.getJobState(jobId);
      if (state === 'completed' || state === 'failed') await queue.remove(jobId);
    }
    await queue.add(name, payload, { jobId });
  }
}
