// npm run audit:verify: recomputes the audit log's hash chain and names every altered or removed
// event. Exit code 0: intact; 1: tampered; 2: could not verify.
import 'reflect-metadata';
import { formatAuditReport } from '@amparo/audit/format-audit-report';
import { verifyAuditChain } from '@amparo/audit/verify-audit-chain';
import {
  embeddedDataSourceOptions,
  externalDataSourceOptions,
} from '@amparo/database/data-source-options';
import { EmbeddedPostgres } from '@amparo/database/embedded-postgres';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';

async function openDatabase(): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\/\S+$/.test(url))
      throw new Error('DATABASE_URL is invalid: expected a postgres:// or postgresql:// URL');
    const dataSource = new DataSource({ ...externalDataSourceOptions(url, 1), logging: false });
    await dataSource.initialize();
    return { dataSource, close: () => dataSource.destroy() };
  }
  const dataDir = process.env.EMBEDDED_DATA_DIR || './data';
  // Opening would create an empty database: there is nothing to verify yet.
  if (!existsSync(resolve(dataDir, 'pglite')))
    throw new Error(
      `DATABASE_URL is not set and there is no embedded database in ${resolve(dataDir)} (EMBEDDED_DATA_DIR)`,
    );
  // The embedded database is one session: this refuses while the API holds it.
  const embedded = await EmbeddedPostgres.open(dataDir);
  const dataSource = new DataSource({ ...embeddedDataSourceOptions(embedded.db), logging: false });
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded.close();
    throw error;
  }
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await embedded.close();
    },
  };
}

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const database = await openDatabase();
  try {
    const [{ exists }] = await database.dataSource.query<{ exists: boolean }[]>(
      `SELECT to_regclass('audit_events') IS NOT NULL AS exists`,
    );
    if (!exists) throw new Error('the database has no audit_events table (not migrated?)');
    const report = formatAuditReport(await verifyAuditChain(database.dataSource));
    for (const line of report.lines) console.log(line);
    return report.intact ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `audit:verify could not verify the audit log: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  },
);
