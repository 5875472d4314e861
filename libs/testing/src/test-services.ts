/** Where the test suite finds PostgreSQL and Redis; override with TEST_DATABASE_URL / TEST_REDIS_URL. */
export const TEST_ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Set by the e2e global setup: the migrated database every test file clones. */
export const TEMPLATE_DATABASE_ENV = 'AMPARO_TEST_TEMPLATE_DATABASE';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
