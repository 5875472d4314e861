import { Client } from 'pg';
import {
  TEMPLATE_DATABASE_ENV,
  TEST_ADMIN_DATABASE_URL,
  databaseUrl,
  uniqueName,
} from './test-services';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of this test file's own, cloned from the migrated template (or empty). */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_DATABASE_ENV];
  if (!options.empty && !template)
    throw new Error('The e2e global setup did not create a template database');
  const name = uniqueName('amparo_test');
  await withAdmin((c) =>
    c.query(`CREATE DATABASE ${name} TEMPLATE ${options.empty ? 'template0' : template}`),
  );
  return { name, url: databaseUrl(name), drop: () => dropDatabase(name) };
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function createDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
}
