import { Level } from 'pino';

export type RunMode = 'development' | 'test' | 'production';

/** The validated configuration, shaped for the code that uses it. */
export interface AppConfig {
  env: RunMode;
  http: {
    host: string;
    port: number;
    bodyLimit: string;
    corsOrigins: string[];
    trustProxy: boolean;
    /** The built web application, served at `/` beside the API. */
    webDir: string;
    shutdownGraceMs: number;
  };
  database:
    { mode: 'external'; url: string; poolSize: number } | { mode: 'embedded'; dataDir: string };
  jobs:
    | {
        mode: 'redis';
        redisUrl: string;
        prefix: string;
        concurrency: number;
        /** How long a crashed worker's job stays locked, and how often workers look for such jobs. */
        lockDurationMs: number;
        stalledIntervalMs: number;
      }
    | { mode: 'in-process'; concurrency: number };
  auth: {
    /** PEM keys; absent outside production, where the identity module provides generated ones. */
    jwtKeys?: { privateKey: string; publicKey: string };
    issuer: string;
    audience: string;
    accessTokenTtlSeconds: number;
    sessionLifetimeSeconds: number;
    activationTtlSeconds: number;
    mfaEncryptionKey?: Buffer;
    maxFailuresPerAccount: number;
    maxFailuresPerIp: number;
    lockoutSeconds: number;
    bootstrapAdmin?: { email: string; password?: string };
  };
  statistics: {
    disclosureK: number;
    maxTableCells: number;
    /** MM-DD dates (UTC) of the semester reports. */
    semesterReportDates: string[];
  };
  /** The deployment's rule for overdue detentions (VCCR art. 36): see docs/detention.md. */
  detention: {
    notificationOverdueHours: number;
    firstContactOverdueHours: number;
    visitOverdueDays: number;
  };
  practices: {
    /** The largest PDF document of a good practice; larger uploads get 413. */
    documentMaxBytes: number;
  };
  exports: {
    dir: string;
    ttlDays: number;
    dailyQuota: number;
    requeueAfterSeconds: number;
    sweepIntervalSeconds: number;
    maxRowsPerSecond: number;
    /** Ed25519 private key (PEM) signing exports; absent: the one in `signingKeyFile`. */
    signingKey?: string;
    /**
     * Where the export signing key is read from, or generated into (never the database); absent
     * (an in-memory deployment): a key generated for the life of the process.
     */
    signingKeyFile?: string;
  };
  audit: {
    /** Ed25519 private key (PEM) signing checkpoints; absent outside production (generated). */
    signingKey?: string;
    /** Where signed checkpoints go; absent: the log is sealed but no checkpoint is written. */
    checkpointDir?: string;
    /** Where a generated signing key is kept (never in the database). */
    generatedKeyDir: string;
    sealIntervalMs: number;
  };
  log: { level: Level | 'silent' };
}

export const APP_CONFIG = Symbol('AppConfig');
