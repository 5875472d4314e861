import { AppConfig } from '../config/app-config';

/** The one start-up line that says which mode is active. */
export function describeMode(config: AppConfig): string {
  const database =
    config.database.mode === 'embedded'
      ? `embedded PostgreSQL (PGlite) in ${config.database.dataDir}`
      : 'PostgreSQL at DATABASE_URL';
  const jobs =
    config.jobs.mode === 'redis' ? 'BullMQ on Redis at REDIS_URL' : 'in-process (no Redis)';
  return `Mode: ${config.env}; database: ${database}; jobs: ${jobs}`;
}
