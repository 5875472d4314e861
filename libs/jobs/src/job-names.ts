/** Queues, and which queue each job runs on. Payloads carry ids only; the database row is the truth. */
export const QueueName = {
  System: 'system',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  SystemPing: 'system.ping',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.SystemPing]: { pingId: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SystemPing]: QueueName.System,
};

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
export const ALL_JOBS: JobName[] = Object.values(JobName);
