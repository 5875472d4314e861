import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@amparo/core';
import { Pool } from 'pg';
import {
  TEST_REDIS_URL,
  TestDatabase,
  createTestDatabase,
  deleteQueueKeys,
  testConfig,
  uniqueQueuePrefix,
} from '@amparo/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export interface TestStack {
  config: AppConfig;
  database: TestDatabase;
  /** Runs SQL against the test database, to check what the API did. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Closes what the test opened and drops its database and queue keys. */
  teardown(): Promise<void>;
}

/**
 * Real PostgreSQL (a database of this file's own) and real Redis (a queue prefix of its own), on
 * the shared test Redis unless `env` gives another REDIS_URL (a test's private redis-server).
 * `routeDatabaseUrl` lets the app reach the database another way (through a test's TCP proxy);
 * `query` always goes straight to it.
 */
export async function createTestStack(
  env: Record<string, string> = {},
  options: { routeDatabaseUrl?: (url: string) => string } = {},
): Promise<TestStack> {
  const database = await createTestDatabase();
  const prefix = uniqueQueuePrefix();
  const config = testConfig({
    DATABASE_URL: options.routeDatabaseUrl?.(database.url) ?? database.url,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: TEST_REDIS_URL,
    JOBS_PREFIX: prefix,
    ...env,
  });
  const pool = new Pool({ connectionString: database.url, max: 2 });
  // Outage tests terminate backends; an idle client of this pool that the server ends must not
  // crash the suite (pg-pool emits 'error' on the pool). The next query takes a fresh client.
  pool.on('error', () => undefined);
  return {
    config,
    database,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    teardown: async () => {
      await pool.end();
      try {
        await deleteQueueKeys(prefix, env.REDIS_URL ?? TEST_REDIS_URL);
      } finally {
        await database.drop();
      }
    },
  };
}

/** Boots the real API module (optionally with extra test-only controllers), not listening. */
export async function createTestApi(
  config: AppConfig,
  extraControllers: Type[] = [],
): Promise<NestExpressApplication> {
  const app = await createApiApp(config, extraControllers);
  await app.init();
  return app;
}

export async function createTestWorker(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: false,
    abortOnError: false,
  });
}
