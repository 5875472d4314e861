import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { join } from 'node:path';
import { AppConfig } from './app-config';
import { ConfigurationError } from './configuration-error';
import { envVarDocs } from './env-var.decorator';
import { EnvironmentVariables } from './environment-variables';

type Env = Record<string, string | undefined>;

/** Validates the environment and shapes it; throws ConfigurationError naming every bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const vars = validateEnvironment(env);
  const problems: string[] = [];
  if (vars.NODE_ENV === 'production') {
    for (const name of ['DATABASE_URL', 'REDIS_URL'] as const) {
      if (!vars[name]) {
        problems.push(
          `${name} is required when NODE_ENV=production (embedded mode is for trying Amparo out)`,
        );
      }
    }
  }
  if (vars.NODE_ENV === 'production') {
    for (const name of [
      'AUTH_JWT_PRIVATE_KEY',
      'AUTH_JWT_PUBLIC_KEY',
      'AUTH_MFA_ENCRYPTION_KEY',
      'AUDIT_SIGNING_KEY',
      'AUDIT_CHECKPOINT_DIR',
    ] as const) {
      if (!vars[name]) problems.push(`${name} is required when NODE_ENV=production`);
    }
  }
  if (Boolean(vars.AUTH_JWT_PRIVATE_KEY) !== Boolean(vars.AUTH_JWT_PUBLIC_KEY)) {
    problems.push('AUTH_JWT_PRIVATE_KEY and AUTH_JWT_PUBLIC_KEY must be set together');
  }
  if (vars.AMPARO_BOOTSTRAP_ADMIN_PASSWORD && !vars.AMPARO_BOOTSTRAP_ADMIN_EMAIL) {
    problems.push('AMPARO_BOOTSTRAP_ADMIN_PASSWORD needs AMPARO_BOOTSTRAP_ADMIN_EMAIL');
  }
  if (problems.length) throw new ConfigurationError(problems);
  return toAppConfig(vars);
}

function validateEnvironment(env: Env): EnvironmentVariables {
  const docs = envVarDocs(EnvironmentVariables.prototype);
  const input: Record<string, string> = {};
  for (const name of docs.keys()) {
    const value = env[name];
    if (value !== undefined && value !== '') input[name] = value;
  }
  const vars = plainToInstance(EnvironmentVariables, input);
  const errors = validateSync(vars, { forbidUnknownValues: true });
  if (errors.length) {
    throw new ConfigurationError(
      errors.map(
        (e) =>
          `${e.property} is invalid: expected ${docs.get(e.property)?.expected ?? 'a valid value'}`,
      ),
    );
  }
  return vars;
}

function toAppConfig(vars: EnvironmentVariables): AppConfig {
  return {
    env: vars.NODE_ENV,
    http: {
      host: vars.HTTP_HOST,
      port: vars.HTTP_PORT,
      bodyLimit: vars.HTTP_BODY_LIMIT,
      corsOrigins: vars.HTTP_CORS_ORIGINS ? vars.HTTP_CORS_ORIGINS.split(',') : [],
      trustProxy: vars.HTTP_TRUST_PROXY,
      webDir: vars.HTTP_WEB_DIR,
      shutdownGraceMs: vars.SHUTDOWN_GRACE_MS,
    },
    database: vars.DATABASE_URL
      ? { mode: 'external', url: vars.DATABASE_URL, poolSize: vars.DATABASE_POOL_SIZE }
      : { mode: 'embedded', dataDir: vars.EMBEDDED_DATA_DIR },
    jobs: vars.REDIS_URL
      ? {
          mode: 'redis',
          redisUrl: vars.REDIS_URL,
          prefix: vars.JOBS_PREFIX,
          concurrency: vars.JOBS_CONCURRENCY,
          lockDurationMs: vars.JOBS_LOCK_DURATION_MS,
          stalledIntervalMs: vars.JOBS_STALLED_INTERVAL_MS,
        }
      : { mode: 'in-process', concurrency: vars.JOBS_CONCURRENCY },
    auth: {
      jwtKeys:
        vars.AUTH_JWT_PRIVATE_KEY && vars.AUTH_JWT_PUBLIC_KEY
          ? { privateKey: pem(vars.AUTH_JWT_PRIVATE_KEY), publicKey: pem(vars.AUTH_JWT_PUBLIC_KEY) }
          : undefined,
      issuer: vars.AUTH_JWT_ISSUER,
      audience: vars.AUTH_JWT_AUDIENCE,
      accessTokenTtlSeconds: vars.AUTH_ACCESS_TOKEN_TTL_SECONDS,
      sessionLifetimeSeconds: vars.AUTH_SESSION_LIFETIME_SECONDS,
      activationTtlSeconds: vars.AUTH_ACTIVATION_TTL_SECONDS,
      mfaEncryptionKey: vars.AUTH_MFA_ENCRYPTION_KEY
        ? Buffer.from(vars.AUTH_MFA_ENCRYPTION_KEY, 'base64')
        : undefined,
      maxFailuresPerAccount: vars.AUTH_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: vars.AUTH_MAX_FAILURES_PER_IP,
      lockoutSeconds: vars.AUTH_LOCKOUT_SECONDS,
      bootstrapAdmin: vars.AMPARO_BOOTSTRAP_ADMIN_EMAIL
        ? {
            email: vars.AMPARO_BOOTSTRAP_ADMIN_EMAIL,
            password: vars.AMPARO_BOOTSTRAP_ADMIN_PASSWORD,
          }
        : undefined,
    },
    statistics: {
      disclosureK: vars.STATISTICS_DISCLOSURE_K,
      maxTableCells: vars.STATISTICS_MAX_TABLE_CELLS,
      semesterReportDates: vars.STATISTICS_SEMESTER_REPORT_DATES.split(','),
    },
    detention: {
      notificationOverdueHours: vars.DETENTION_NOTIFICATION_OVERDUE_HOURS,
      firstContactOverdueHours: vars.DETENTION_FIRST_CONTACT_OVERDUE_HOURS,
      visitOverdueDays: vars.DETENTION_VISIT_OVERDUE_DAYS,
    },
    practices: { documentMaxBytes: vars.PRACTICE_DOCUMENT_MAX_BYTES },
    exports: {
      dir: vars.EXPORTS_DIR,
      ttlDays: vars.EXPORTS_TTL_DAYS,
      dailyQuota: vars.EXPORTS_DAILY_QUOTA,
      requeueAfterSeconds: vars.EXPORTS_REQUEUE_AFTER_SECONDS,
      sweepIntervalSeconds: vars.EXPORTS_SWEEP_INTERVAL_SECONDS,
      maxRowsPerSecond: vars.EXPORTS_MAX_ROWS_PER_SECOND,
      signingKey: vars.EXPORT_SIGNING_KEY ? pem(vars.EXPORT_SIGNING_KEY) : undefined,
      // An in-memory database keeps nothing on disk; neither does the key it would generate.
      signingKeyFile:
        vars.EXPORT_SIGNING_KEY_FILE ??
        (vars.EMBEDDED_DATA_DIR.startsWith('memory://')
          ? undefined
          : join(vars.EMBEDDED_DATA_DIR, 'export-signing-key.pem')),
    },
    audit: {
      signingKey: vars.AUDIT_SIGNING_KEY ? pem(vars.AUDIT_SIGNING_KEY) : undefined,
      // Tests write checkpoints only where they ask to; a developer gets them under ./data.
      checkpointDir:
        vars.AUDIT_CHECKPOINT_DIR ??
        (vars.NODE_ENV === 'development' ? './data/audit-checkpoints' : undefined),
      generatedKeyDir: vars.EMBEDDED_DATA_DIR,
      sealIntervalMs: vars.AUDIT_SEAL_INTERVAL_MS,
    },
    log: { level: vars.LOG_LEVEL },
  };
}

/** Environment variables cannot hold newlines everywhere: accept PEM with literal \n. */
function pem(value: string): string {
  return value.replace(/\\n/g, '\n');
}
