/** Queues, and which queue each job runs on. Payloads carry ids only; the database row is the truth. */
export const QueueName = {
  System: 'system',
  Exports: 'exports',
  Imports: 'imports',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  SystemPing: 'system.ping',
  StatisticsExport: 'statistics.export',
  ExportsCleanup: 'statistics.exports-cleanup',
  SemesterReport: 'statistics.semester-report',
  RegionalReport: 'statistics.regional-report',
  AuditSeal: 'audit.seal',
  CrisisImport: 'crisis.import',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  [JobName.SystemPing]: { pingId: string };
  [JobName.StatisticsExport]: { exportId: string };
  [JobName.ExportsCleanup]: Record<string, never>;
  /** `firedAt`: when the schedule fired (ISO); the report covers the semester that ended before. */
  [JobName.SemesterReport]: { firedAt?: string };
  /** The secretariat's regional semester report (PDFs and annex) of a `regional_reports` row. */
  [JobName.RegionalReport]: { reportId: string };
  [JobName.AuditSeal]: Record<string, never>;
  [JobName.CrisisImport]: { importId: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SystemPing]: QueueName.System,
  [JobName.StatisticsExport]: QueueName.Exports,
  [JobName.ExportsCleanup]: QueueName.Exports,
  [JobName.SemesterReport]: QueueName.Exports,
  [JobName.RegionalReport]: QueueName.Exports,
  [JobName.AuditSeal]: QueueName.System,
  // Its own queue: a 50,000-row import never waits behind an export, nor delays one.
  [JobName.CrisisImport]: QueueName.Imports,
};

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);
export const ALL_JOBS: JobName[] = Object.values(JobName);
