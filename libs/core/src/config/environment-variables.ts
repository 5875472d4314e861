import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { EnvVar } from './env-var.decorator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** Every environment variable Amparo reads. Nothing else in the code reads `process.env`. */
export class EnvironmentVariables {
  @EnvVar({ expected: 'one of development, test, production' })
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @EnvVar({ expected: 'an IP address or host name to listen on' })
  @IsString()
  HTTP_HOST = '127.0.0.1';

  @EnvVar({ expected: 'an integer port between 1 and 65535' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT = 3000;

  @EnvVar({ expected: 'a size such as 100kb or 1mb (larger bodies get 413)' })
  @Matches(/^\d+(b|kb|mb)$/i)
  HTTP_BODY_LIMIT = '1mb';

  @EnvVar({ expected: 'a comma-separated list of allowed origins, e.g. https://amparo.example' })
  @IsOptional()
  @Matches(/^(https?:\/\/[^,\s]+)(,https?:\/\/[^,\s]+)*$/)
  HTTP_CORS_ORIGINS?: string;

  @EnvVar({ expected: 'true when the API sits behind a reverse proxy that sets X-Forwarded-For' })
  @Transform(toBoolean)
  @IsBoolean()
  HTTP_TRUST_PROXY = false;

  @EnvVar({ expected: 'the folder of the built web application (npm run build:web), served at /' })
  @IsString()
  HTTP_WEB_DIR = './dist/web';

  @EnvVar({ expected: 'an integer number of milliseconds to wait for in-flight work on SIGTERM' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(9000)
  SHUTDOWN_GRACE_MS = 8000;

  @EnvVar({
    expected: 'a postgres:// or postgresql:// URL; unset runs the embedded PostgreSQL (PGlite)',
    secret: true,
  })
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/)
  DATABASE_URL?: string;

  @EnvVar({ expected: 'an integer pool size between 1 and 100' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 10;

  @EnvVar({ expected: 'a directory for the embedded PostgreSQL data (used without DATABASE_URL)' })
  @IsString()
  EMBEDDED_DATA_DIR = './data';

  @EnvVar({
    expected: 'a redis:// or rediss:// URL; unset runs jobs in-process',
    secret: true,
  })
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/)
  REDIS_URL?: string;

  @EnvVar({ expected: 'a key prefix for the job queues in Redis (letters, digits, - and _)' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  JOBS_PREFIX = 'amparo';

  @EnvVar({ expected: 'an integer number of jobs a worker runs at once, 1 to 64' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  JOBS_CONCURRENCY = 4;

  @EnvVar({
    expected:
      "milliseconds a worker holds a job without renewing its lock, 1000 to 600000; a crashed worker's jobs wait this long",
  })
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  JOBS_LOCK_DURATION_MS = 30_000;

  @EnvVar({
    expected: 'milliseconds between two checks for jobs of crashed workers, 100 to 600000',
  })
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  JOBS_STALLED_INTERVAL_MS = 30_000;

  @EnvVar({
    expected:
      'an EC P-256 private key in PEM (literal \\n allowed) signing ES256 tokens; unset outside production generates one',
    secret: true,
  })
  @IsOptional()
  @Matches(/-----BEGIN (EC )?PRIVATE KEY-----/)
  AUTH_JWT_PRIVATE_KEY?: string;

  @EnvVar({ expected: 'the PEM public key matching AUTH_JWT_PRIVATE_KEY' })
  @IsOptional()
  @Matches(/-----BEGIN PUBLIC KEY-----/)
  AUTH_JWT_PUBLIC_KEY?: string;

  @EnvVar({ expected: 'the iss claim of issued tokens' })
  @Matches(/^\S{1,100}$/)
  AUTH_JWT_ISSUER = 'amparo';

  @EnvVar({ expected: 'the aud claim of issued tokens' })
  @Matches(/^\S{1,100}$/)
  AUTH_JWT_AUDIENCE = 'amparo-api';

  @EnvVar({ expected: 'access token lifetime in seconds, 60 to 900' })
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(900)
  AUTH_ACCESS_TOKEN_TTL_SECONDS = 900;

  @EnvVar({
    expected: 'absolute lifetime of a sign-in (refresh token family) in seconds, 900 to 604800',
  })
  @Type(() => Number)
  @IsInt()
  @Min(900)
  @Max(604800)
  AUTH_SESSION_LIFETIME_SECONDS = 43200;

  @EnvVar({ expected: 'lifetime of activation and reset tokens in seconds, 900 to 1209600' })
  @Type(() => Number)
  @IsInt()
  @Min(900)
  @Max(1209600)
  AUTH_ACTIVATION_TTL_SECONDS = 259200;

  @EnvVar({
    expected:
      '32 random bytes in base64 encrypting MFA secrets at rest; unset outside production generates one',
    secret: true,
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/)
  AUTH_MFA_ENCRYPTION_KEY?: string;

  @EnvVar({ expected: 'failed sign-ins of one account before it is locked, 3 to 20' })
  @Type(() => Number)
  @IsInt()
  @Min(3)
  @Max(20)
  AUTH_MAX_FAILURES_PER_ACCOUNT = 5;

  @EnvVar({ expected: 'failed sign-ins from one IP address before it is locked, 5 to 1000' })
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(1000)
  AUTH_MAX_FAILURES_PER_IP = 30;

  @EnvVar({ expected: 'how long a locked account or IP waits, in seconds, 60 to 86400' })
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86400)
  AUTH_LOCKOUT_SECONDS = 900;

  @EnvVar({
    expected: 'the email of the first system_admin, created at start when there are no users',
  })
  @IsOptional()
  @IsEmail()
  AMPARO_BOOTSTRAP_ADMIN_EMAIL?: string;

  @EnvVar({
    expected: 'the password of the first system_admin (12 to 128 characters)',
    secret: true,
  })
  @IsOptional()
  @Length(12, 128)
  AMPARO_BOOTSTRAP_ADMIN_PASSWORD?: string;

  @EnvVar({ expected: 'the disclosure threshold k: counts 1 to k-1 are suppressed; 3 to 100' })
  @Type(() => Number)
  @IsInt()
  @Min(3)
  @Max(100)
  STATISTICS_DISCLOSURE_K = 5;

  @EnvVar({ expected: 'the largest table (inner cells) an aggregate may have, 100 to 100000' })
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(100000)
  STATISTICS_MAX_TABLE_CELLS = 10000;

  @EnvVar({
    expected: 'hours after the arrest past which a consular notification is overdue, 1 to 720',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  DETENTION_NOTIFICATION_OVERDUE_HOURS = 72;

  @EnvVar({
    expected:
      'hours after the notification past which a first consular contact is overdue, 1 to 720',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  DETENTION_FIRST_CONTACT_OVERDUE_HOURS = 72;

  @EnvVar({ expected: 'days without a consular visit past which a detention is overdue, 1 to 365' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  DETENTION_VISIT_OVERDUE_DAYS = 30;

  @EnvVar({
    expected:
      'the largest PDF document of a good practice, in bytes, 1024 to 104857600 (larger gets 413)',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(104857600)
  PRACTICE_DOCUMENT_MAX_BYTES = 10485760;

  @EnvVar({ expected: 'a directory shared by the API and the workers where export files are kept' })
  @IsString()
  EXPORTS_DIR = './data/exports';

  @EnvVar({
    expected:
      'an Ed25519 private key in PEM (literal \\n allowed) signing the statistics exports; unset: EXPORT_SIGNING_KEY_FILE',
    secret: true,
  })
  @IsOptional()
  @Matches(/-----BEGIN PRIVATE KEY-----/)
  EXPORT_SIGNING_KEY?: string;

  @EnvVar({
    expected:
      'a file holding the Ed25519 private key (PEM) that signs the statistics exports; generated there (mode 0600) at first start when missing; default EMBEDDED_DATA_DIR/export-signing-key.pem',
  })
  @IsOptional()
  @IsString()
  EXPORT_SIGNING_KEY_FILE?: string;

  @EnvVar({ expected: 'days an export file is kept before it is deleted, 1 to 90' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  EXPORTS_TTL_DAYS = 7;

  @EnvVar({ expected: 'export requests one user may make per UTC day, 1 to 1000' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  EXPORTS_DAILY_QUOTA = 20;

  @EnvVar({
    expected: 'seconds after which a still-queued export is sent to the queue again, 1 to 86400',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86400)
  EXPORTS_REQUEUE_AFTER_SECONDS = 120;

  @EnvVar({ expected: 'seconds between two recovery sweeps of queued exports, 1 to 3600' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  EXPORTS_SWEEP_INTERVAL_SECONDS = 60;

  @EnvVar({
    expected: 'rows per second an export writes at most (0: no limit), to spare a shared disk',
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  EXPORTS_MAX_ROWS_PER_SECOND = 0;

  @EnvVar({
    expected:
      'comma-separated MM-DD dates (UTC) on which the regional report of the last semester is produced, e.g. 01-15,07-15',
  })
  @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(,(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))*$/)
  STATISTICS_SEMESTER_REPORT_DATES = '01-15,07-15';

  @EnvVar({
    expected:
      'an Ed25519 private key in PEM (literal \\n allowed) signing the audit checkpoints; unset outside production generates one in EMBEDDED_DATA_DIR',
    secret: true,
  })
  @IsOptional()
  @Matches(/-----BEGIN PRIVATE KEY-----/)
  AUDIT_SIGNING_KEY?: string;

  @EnvVar({
    expected:
      'a directory outside the database (another disk, a mounted object store) where signed audit checkpoints are written',
  })
  @IsOptional()
  @IsString()
  AUDIT_CHECKPOINT_DIR?: string;

  @EnvVar({ expected: 'milliseconds between two sealings of the audit log, 200 to 60000' })
  @Type(() => Number)
  @IsInt()
  @Min(200)
  @Max(60000)
  AUDIT_SEAL_INTERVAL_MS = 1000;

  @EnvVar({ expected: `one of ${LOG_LEVELS.join(', ')}` })
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
}
