// npm run bench:import [-- --rows N --keep]: the crisis bulk import at the size the issue names
// (50,000 rows) against a bare COPY of the same rows. Makes a fresh database of the local test
// server (migrated, one post, one officer, one crisis event), then runs three processes: the built
// API (NODE_ENV=production with keys made for the run, the test Redis under a queue prefix of its
// own), the worker (from its sources, through ts-node: the build has no worker entry) and this
// one, which only orchestrates. It generates a synthetic CSV of N rows (default 50,000), previews
// it over HTTP (read, checked and staged), commits it and polls the import's status until the job
// completes, printing the rows per second of the preview, of the job and of both. Then it copies
// the same rows out of the roster and COPYs them into a scratch table shaped like the roster (LIKE
// … INCLUDING ALL: the same defaults, checks and indexes, unique dedupe key and trigram index
// among them) and prints that rate and the ratio. Prints figures; not a test. The database is
// dropped at the end, on failure and on Ctrl-C; --keep renames it instead (for psql).
import 'reflect-metadata';
import { externalDataSourceOptions } from '@amparo/database';
import { hashPassword } from '@amparo/identity';
import {
  TEST_ADMIN_DATABASE_URL,
  TEST_REDIS_URL,
  createDatabase,
  databaseUrl,
  deleteQueueKeys,
  dropDatabase,
  uniqueName,
  uniqueQueuePrefix,
} from '@amparo/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { buildIfStale, builds } from './builds';
import { postJson, productionSecrets, startApiOn, stopApi } from './support/api-process';

const ROOT = join(__dirname, '..');
const PASSWORD = 'bench import passphrase 2026';
const EMAIL = 'bench-import-officer@amparo.test';
const log = (line: string) => console.error(line);
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en');

/** Synthetic affected nationals: unique names and passports, every column of the template. */
function syntheticCsv(rows: number): Buffer {
  const lines = [
    'nombres;apellidos;tipo_documento;numero_documento;pais_documento;fecha_nacimiento;sexo;contacto;subdivision;ubicacion;estado_bienestar',
  ];
  const statuses = ['unaccounted', 'safe', 'needs_assistance', 'injured', 'evacuated'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(
      [
        `María ${i}`,
        `Pérez López ${i % 5003}`,
        'passport',
        `G${String(i).padStart(8, '0')}`,
        'MX',
        `${day}/${month}/${1950 + (i % 60)}`,
        i % 2 ? 'F' : 'M',
        `+1 305 555 ${String(i % 10000).padStart(4, '0')}`,
        'US-FL',
        `Hotel ${i % 300}, Miami`,
        statuses[i % statuses.length],
      ].join(';'),
    );
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** Migrates the database and adds one post (MX), its officer and a hurricane in Florida. */
async function seed(url: string): Promise<{ eventId: string }> {
  const dataSource = new DataSource({ ...externalDataSourceOptions(url, 2), logging: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const [post] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO consulates (sending_country_code, post_code, name, host_country_code, city)
       VALUES ('MX', 'BMIA', 'Consulado de México en Miami (bench)', 'US', 'Miami') RETURNING id`,
    );
    const [user] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO users (email, display_name, country_code, password_hash)
       VALUES ($1, 'Bench Officer', 'MX', $2) RETURNING id`,
      [EMAIL, await hashPassword(PASSWORD)],
    );
    await dataSource.query(
      `INSERT INTO role_grants (user_id, role, consulate_id, country_code) VALUES ($1, 'officer', $2, 'MX')`,
      [user.id, post.id],
    );
    const [event] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO crisis_events (country_code, name, type, host_country_code, host_subdivisions, consulate_ids,
                                  started_at, declared_by)
       VALUES ('MX', 'Huracán (bench)', 'hurricane', 'US', '{US-FL}', ARRAY[$1::uuid], now(), $2) RETURNING id`,
      [post.id, user.id],
    );
    return { eventId: event.id };
  } finally {
    await dataSource.destroy();
  }
}

/** The worker from its sources, on the API's database, Redis and queue prefix. */
async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', './scripts/register-aliases.js', '-r', 'ts-node/register', 'apps/worker/src/main.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: 'true', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  // Ready when it says it processes its queues (its log goes to stdout, one JSON object a line).
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the worker was not ready within 90 s')),
      90_000,
    );
    child.once('exit', (code) => reject(new Error(`the worker exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('processing queues')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.stdout!.resume();
  return child;
}

async function request(
  base: string,
  path: string,
  token: string,
  init: RequestInit = {},
): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      rows: { type: 'string', default: '50000' },
      keep: { type: 'boolean', default: false },
    },
  });
  const rows = Number(args.rows);
  if (!Number.isInteger(rows) || rows < 1000 || rows > 100_000)
    throw new Error('--rows must be a whole number from 1000 to 100000');
  if (buildIfStale(builds.api, log) !== 0) throw new Error(`building ${builds.api.name} failed`);

  const name = uniqueName('amparo_test'); // a crashed run's database is dropped by the next e2e setup
  const prefix = uniqueQueuePrefix();
  const keyDir = mkdtempSync(join(tmpdir(), 'amparo-bench-import-'));
  let created = false;
  let kept = args.keep ? `amparo_bench_import_${Date.now()}` : undefined;
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let client: Client | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await client?.end().catch(() => undefined);
      await stopApi(worker).catch(() => undefined);
      await stopApi(api).catch(() => undefined);
      await deleteQueueKeys(prefix).catch(() => undefined);
      if (created && kept) {
        const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
        await admin.connect();
        await admin.query(`ALTER DATABASE ${name} RENAME TO ${kept}`);
        await admin.end();
        log(`  kept the database as ${kept}`);
      } else if (created) await dropDatabase(name);
      rmSync(keyDir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      kept = undefined;
      void cleanUp().finally(() => process.exit(130));
    });

  try {
    await createDatabase(name);
    created = true;
    const url = databaseUrl(name);
    const { eventId } = await seed(url);
    const env = productionSecrets(keyDir);
    log('bench:import: starting the API and the worker');
    const running = await startApiOn(url, prefix, { ...env, LOG_LEVEL: 'warn' });
    api = running.child;
    const { base } = running;
    worker = await startWorker({
      ...env,
      DATABASE_URL: url,
      REDIS_URL: TEST_REDIS_URL,
      JOBS_PREFIX: prefix,
      LOG_LEVEL: 'info',
    });
    const login = await postJson(base, '/api/v1/auth/login', { email: EMAIL, password: PASSWORD });
    const token = login.body.accessToken as string;
    const file = syntheticCsv(rows);
    log(`  ${rows.toLocaleString('en')} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB of CSV`);

    const imports = `/api/v1/crisis-events/${eventId}/imports`;
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'text/csv' }), 'bench.csv');
    const t0 = performance.now();
    const preview = await request(base, `${imports}/preview`, token, {
      method: 'POST',
      body: form,
    });
    const t1 = performance.now();
    if (preview.validRows !== rows)
      throw new Error(`preview: ${JSON.stringify(preview).slice(0, 500)}`);
    await request(base, `${imports}/${preview.importId}/commit`, token, { method: 'POST' });
    const progress = new Set<number>();
    let status: Record<string, unknown>;
    for (;;) {
      status = await request(base, `${imports}/${preview.importId}`, token);
      progress.add((status.progress as { processed: number }).processed);
      if (status.status === 'completed' || status.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const t2 = performance.now();
    if (status.status !== 'completed' || status.imported !== rows)
      throw new Error(`import: ${JSON.stringify(status)}`);

    client = new Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE bench_roster_copy (LIKE crisis_roster_entries INCLUDING ALL)');
    const columns = `event_id, given_names, family_names, document_type, document_number, document_country,
      contact, location_subdivision, location_text, date_of_birth, sex, welfare_status, welfare_changed_at,
      welfare_changed_by, source, import_id, dedupe_key, recorded_by, recorded_consulate_id, recorded_at`;
    const chunks: Buffer[] = [];
    const out = client.query(
      copyTo(
        `COPY (SELECT ${columns} FROM crisis_roster_entries WHERE import_id = '${String(preview.importId)}') TO STDOUT`,
      ),
    );
    for await (const chunk of out) chunks.push(chunk as Buffer);
    const t3 = performance.now();
    await pipeline(
      Readable.from(chunks),
      client.query(copyFrom(`COPY bench_roster_copy (${columns}) FROM STDIN`)),
    );
    const t4 = performance.now();
    const [{ n }] = (
      await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_roster_copy')
    ).rows;
    if (n !== rows) throw new Error(`COPY: ${n} rows`);

    const previewMs = t1 - t0;
    const jobMs = t2 - t1;
    const importMs = t2 - t0;
    const copyMs = t4 - t3;
    console.log(`bench:import — ${rows.toLocaleString('en')} rows, ${cpus().length} cores`);
    console.log(
      `  preview (upload, read, check, stage):   ${(previewMs / 1000).toFixed(2)} s  ${rate(rows, previewMs)} rows/s`,
    );
    console.log(
      `  commit → completed (queued job):        ${(jobMs / 1000).toFixed(2)} s  ${rate(rows, jobMs)} rows/s  (progress seen at ${progress.size} points)`,
    );
    console.log(
      `  import end to end (preview + job):      ${(importMs / 1000).toFixed(2)} s  ${rate(rows, importMs)} rows/s`,
    );
    console.log(
      `  bare COPY into a roster-shaped table:   ${(copyMs / 1000).toFixed(2)} s  ${rate(rows, copyMs)} rows/s`,
    );
    console.log(
      `  ratio import / COPY (rows/s):           ${(copyMs / importMs).toFixed(2)} (job alone ${(copyMs / jobMs).toFixed(2)})`,
    );
  } finally {
    await cleanUp();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
