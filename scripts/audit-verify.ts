// npm run audit:verify: recomputes the audit log's hash chain here (not in the database), checks
// the numbers follow without a hole and that the signed checkpoints in AUDIT_CHECKPOINT_DIR match,
// and names every problem, the first first. Exit code 0: intact; 1: tampered; 2: could not verify.
// The checkpoints are verified with AUDIT_SIGNING_PUBLIC_KEY (PEM), or the public half of
// AUDIT_SIGNING_KEY, or of the key generated in EMBEDDED_DATA_DIR.
import 'reflect-metadata';
import { formatAuditReport } from '@amparo/audit/format-audit-report';
import { readCheckpoints } from '@amparo/audit/seal/checkpoint-store';
import { loadVerifyKey } from '@amparo/audit/seal/signing-key';
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
    const pemEnv = (name: string) => process.env[name]?.replace(/\\n/g, '\n') || undefined;
    const publicKey = loadVerifyKey(
      pemEnv('AUDIT_SIGNING_PUBLIC_KEY'),
      pemEnv('AUDIT_SIGNING_KEY'),
      process.env.EMBEDDED_DATA_DIR || './data',
    );
    const dir = process.env.AUDIT_CHECKPOINT_DIR || './data/audit-checkpoints';
    const checkpoints = await readCheckpoints(dir);
    const report = formatAuditReport(
      await verifyAuditChain(database.dataSource, { checkpoints, publicKey }),
    );
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
