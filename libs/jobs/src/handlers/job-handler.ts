import { SetMetadata } from '@nestjs/common';
import { JobName, JobPayloads } from '../job-names';

export const JOB_HANDLER_METADATA = 'amparo:job-handler';

export interface JobContext {
  jobId: string;
  attempt: number;
}

/** Runs one kind of job. Delivery is at least once: handlers must be idempotent. */
export interface JobHandler<N extends JobName> {
  handle(payload: JobPayloads[N], context: JobContext): Promise<void>;
}

export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER_METADATA, name);
