import { JobName, JobPayloads } from '../job-names';

export interface EnqueueOptions {
  /** Deduplicates: a job whose id is already queued is not added again. Use the row's id. */
  jobId: string;
  /**
   * Adds the job again even if a finished job with this id is still retained (BullMQ refuses a
   * retained id). For the recovery sweep, which only re-adds work its row says is unfinished.
   */
  replaceFinished?: boolean;
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
