import { isProcessAlive } from '@amparo/core';
import { Client } from 'pg';
import { TEST_ADMIN_DATABASE_URL } from './test-services';

/** Drops test databases left behind by runs that crashed (their process is gone). */
export async function dropStaleTestDatabases(): Promise<void> {
  const client = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^amparo_(test|template)_[0-9]+_'`,
    );
    for (const { datname } of rows) {
      const pid = Number(datname.split('_')[2]);
      if (!isProcessAlive(pid))
        await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
