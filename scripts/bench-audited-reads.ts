// npm run bench:audited-reads [-- --seconds S --clients N]: audited reads per second over HTTP.
// Migrates a fresh database of the local test server, starts the API (and the worker, which seals
// the audit log) as their own processes from the sources, registers one case and has N clients
// (16) read it with GET /api/v1/cases/:id, each read writing a `case.read` audit event. Prints
// reads per second and latency; not a test. The database and the queue keys are removed at the end.
import 'reflect-metadata';
import { externalDataSourceOptions } from '@amparo/database';
import { hashPassword } from '@amparo/identity';
import {
  TEST_REDIS_URL,
  createDatabase,
  databaseUrl,
  deleteQueueKeys,
  dropDatabase,
  uniqueName,
  uniqueQueuePrefix,
} from '@amparo/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

const PASSWORD = 'correct horse battery staple';
const root = join(__dirname, '..');

/** Starts an app entry point from the sources in a process of its own. */
function start(entry: string, env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', './scripts/register-aliases.js', '-r', 'ts-node/register/transpile-only', entry],
    {
      cwd: root,
      env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: 'true' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

async function waitForApi(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health/live`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('API did not start within 120 s');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '20' },
      clients: { type: 'string', default: '16' },
      port: { type: 'string', default: '3917' },
    },
  });
  const seconds = Number(values.seconds);
  const clients = Number(values.clients);
  const name = uniqueName('amparo_bench_reads');
  const url = databaseUrl(name);
  const prefix = uniqueQueuePrefix();
  const children: ChildProcess[] = [];
  await createDatabase(name);
  try {
    const dataSource = new DataSource({ ...externalDataSourceOptions(url, 1), logging: false });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();

    const db = new Client({ connectionString: url });
    await db.connect();
    const [{ id: consulateId }] = (
      await db.query<{ id: string }>(
        `INSERT INTO consulates (sending_country_code, post_code, name, host_country_code, city)
         VALUES ('MX', 'LAX', 'Consulate LAX', 'US', 'Los Angeles') RETURNING id`,
      )
    ).rows;
    const [{ id: userId }] = (
      await db.query<{ id: string }>(
        `INSERT INTO users (email, display_name, country_code, password_hash)
         VALUES ('officer@bench.test', 'Officer', 'MX', $1) RETURNING id`,
        [await hashPassword(PASSWORD)],
      )
    ).rows;
    await db.query(
      `INSERT INTO role_grants (user_id, role, consulate_id, country_code) VALUES ($1, 'officer', $2, 'MX')`,
      [userId, consulateId],
    );

    const env = {
      NODE_ENV: 'development',
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '10',
      REDIS_URL: TEST_REDIS_URL,
      JOBS_PREFIX: prefix,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: values.port,
      LOG_LEVEL: 'silent',
      EMBEDDED_DATA_DIR: join(root, 'data', name),
      AUDIT_CHECKPOINT_DIR: join(root, 'data', name, 'checkpoints'),
      AUTH_MAX_FAILURES_PER_IP: '1000',
    };
    const api = start('apps/api/src/main.ts', env);
    children.push(api);
    const base = `http://127.0.0.1:${values.port}`;
    await waitForApi(base, api);
    children.push(start('apps/worker/src/main.ts', env));

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'officer@bench.test', password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { Authorization: `Bearer ${accessToken}` };
    const created = await fetch(`${base}/api/v1/cases`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        consulateId,
        primaryCategory: 'immigration_detention',
        vulnerabilityFlags: ['detained'],
        summary: 'Detained at a processing centre; requests consular visit.',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'José',
              familyNames: 'Hernández López',
              dateOfBirth: '1990-04-12',
              sex: 'male',
              nationalityCode: 'MX',
            },
          },
        ],
      }),
    });
    if (created.status !== 201) throw new Error(`case not created: ${await created.text()}`);
    const { id: caseId } = (await created.json()) as { id: string };

    const read = async () => {
      const res = await fetch(`${base}/api/v1/cases/${caseId}`, { headers: auth });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`read answered ${res.status}`);
    };
    const run = async (s: number) => {
      const latencies: number[] = [];
      const deadline = performance.now() + s * 1000;
      const began = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() < deadline) {
            const t = performance.now();
            await read();
            latencies.push(performance.now() - t);
          }
        }),
      );
      return { latencies, seconds: (performance.now() - began) / 1000 };
    };
    await run(3);
    const before = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.read'`,
    );
    const { latencies, seconds: took } = await run(seconds);
    const after = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.read'`,
    );
    await db.end();
    latencies.sort((a, b) => a - b);
    const p = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
    console.log(
      `audited reads: ${(latencies.length / took).toFixed(0)}/s with ${clients} clients ` +
        `(p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, ${latencies.length} in ${took.toFixed(1)} s; ` +
        `${after.rows[0].n - before.rows[0].n} case.read events written)`,
    );
  } finally {
    for (const child of children) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
    await deleteQueueKeys(prefix, TEST_REDIS_URL);
    await dropDatabase(name);
    rmSync(join(root, 'data', name), { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
