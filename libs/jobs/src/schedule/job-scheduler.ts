import { JobName, JobPayloads } from '../job-names';

/** A cron pattern (UTC) or a fixed interval. */
export type Repeat = { pattern: string } | { everyMs: number };

/**
 * Runs a job on a schedule. With Redis: a BullMQ job scheduler, so one worker of the fleet runs
 * each occurrence. Without: timers in this process. Schedules are declared at start-up by the
 * processes that run jobs, and the set declared replaces whatever was scheduled before.
 */
export abstract class JobScheduler {
  /** Makes `schedulerId` run `name` on `repeat`, replacing an older schedule of that id. */
  abstract schedule<N extends JobName>(
    schedulerId: string,
    name: N,
    payload: JobPayloads[N],
    repeat: Repeat,
  ): Promise<void>;

  /** Removes the schedules whose id starts with `prefix` but is not in `keep` (dates changed). */
  abstract removeOthers(prefix: string, keep: readonly string[]): Promise<void>;
}

/** Whether this process runs jobs (a worker, or the API without Redis), hence keeps schedules. */
export const RUNS_JOBS = Symbol('RunsJobs');
