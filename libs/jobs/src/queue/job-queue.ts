import { JobName, JobPayloads } from '../job-names';

export interface EnqueueOptions {
  /** Deduplicates: a job whose id is already queued is not added again. Use the row's id. */
  jobId: string;
}

/**
 * Where the API sends work. Redis (BullMQ) when configured, otherwise in-process through the same
 * handlers. Call it after the transaction that wrote the job's row has committed.
 */
export abstract class JobQueue {
  abstract readonly mode: 'redis' | 'in-process';
  abstract enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions,
  ): Promise<void>;
}
