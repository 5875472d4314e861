import { JobsOptions } from 'bullmq';

/** One retry policy for both queue modes: 5 attempts, exponential backoff from 2 s. */
export const JOB_RETRY = { attempts: 5, backoffMs: 2000 } as const;

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: JOB_RETRY.attempts,
  backoff: { type: 'exponential', delay: JOB_RETRY.backoffMs },
  // Retention: enough to inspect recent work, bounded so Redis (noeviction) never fills up.
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};
