// npm run bench:report [-- --cases N --runs R --warmup W --export-runs E --reseed --seed-only
// --worker compiled|ts-node]: the regional semester report of issue 18 at the size the issue names
// (11 national exports of 1,000,000 cases each), against the consolidation alone.
//
// 1. One national deployment (Mexico's posts of the demo network) with N cases (default
//    1,000,000) opened over the semester 2026-S1, seeded with COPY as bench:cases seeds (persons,
//    documents, actions), plus detentions and completed returns in SQL (scripts/bench/seed-outcomes.ts).
//    The database (amparo_bench_report_<N>) is kept between runs and reused while its seed marker
//    matches; --reseed seeds it again.
// 2. That deployment's worker (its own process) produces the national export a country sends for
//    the report: kind regional, JSON, the measures and dimensions of EXPORT_SPEC below, signed with
//    Mexico's key; timed (started_at → completed_at) as context. The 10 other member countries'
//    exports are derived from its file (country of the scope and REF_AREA rewritten, a new export
//    id): the same shape and size as a 1,000,000-case export of each; each is signed with that
//    country's own Ed25519 key, generated here.
// 3. The network secretariat's deployment, on a fresh database: the built API (NODE_ENV=production,
//    keys made for the run) and the worker, each in its own process. From this process, over HTTP:
//    a secretariat user enrols TOTP and signs in, registers the 11 public keys and uploads the 11
//    signed exports.
// 4. In rounds (--warmup unmeasured, then --runs measured; default 1 and 5): (a) the consolidation
//    alone, the POST /regional/consolidations of each of the report's tables the exports can
//    answer (REPORT_TABLES), one after the other; (b) the report end to end: POST
//    /regional/reports, GET it every 25 ms until done, then download every file. Prints the
//    medians with their spread, the files' sizes, and the ratio of (b) to (a) within each round. Until the report API exists, (b) prints "report API
//    not available" (the POST answers 404) and the rest still runs.
// Prints figures (stdout; progress on stderr); not a test. The secretariat database, the queue
// keys and the run's folder are removed at the end, on failure and on Ctrl-C.
import 'reflect-metadata';
import { externalDataSourceOptions } from '@amparo/database';
import { hashPassword } from '@amparo/identity';
import {
  ExportSignature,
  StatisticsExportDocument,
  publicKeyPem,
  signExportBytes,
} from '@amparo/statistics';
import { ExportSpec } from '@amparo/statistics/exports/export-record';
import { parseSpec } from '@amparo/statistics/exports/export-requests.service';
import { JobName } from '@amparo/jobs';
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
import { ChildProcess } from 'node:child_process';
import { KeyObject, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { machine, spread, thousands } from './bench/figures';
import { COUNTRY_SHARE, connect, seedCases, seedDirectory } from './bench/seed-cases';
import { seedOutcomes } from './bench/seed-outcomes';
import {
  JobRunner,
  WORKER_ARGS,
  WorkerKind,
  WorkerProcess,
  workerCommand,
} from './bench/worker-process';
import { buildIfStale, builds } from './builds';
import { productionSecrets, startApiOn, stopApi } from './support/api-process';
import { enrolTotp, signInWithTotp } from './support/totp';

const APP_NAME = 'bench-report';
const API = '/api/v1';
const log = (line: string) => console.error(line);

const SEMESTER = { code: '2026-S1', from: '2026-01-01', to: '2026-06-30' };
/** The member countries of the network (those the bench seeding knows); the first is seeded. */
const MEMBERS = Object.keys(COUNTRY_SHARE);
const NATIONAL = MEMBERS[0];
/**
 * What a country sends for the report. One export per country and semester is consolidated (the
 * latest), and its dimensions (3 at most) must fit every measure in it: cases by category and
 * month, by host country (the flows: each export's REF_AREA is the sending country), returns and
 * notification delays. `returns` by `return_mode` cannot be in the same export: that dimension
 * applies to returns only.
 */
const EXPORT_SPEC: ExportSpec = parseSpec({
  measures: ['cases_opened', 'returns', 'notification_delay'],
  dimensions: ['period', 'category', 'host_country'],
  period: 'month',
  from: SEMESTER.from,
  to: SEMESTER.to,
});
/**
 * The regional tables the report consolidates (its categories over time, flows and returns
 * sections); notification delays are medians, not additive, and are read per country instead.
 */
const REPORT_TABLES: { measure: string; dimensions: string[] }[] = [
  { measure: 'cases_opened', dimensions: ['period', 'category'] },
  { measure: 'cases_opened', dimensions: ['host_country'] },
  { measure: 'returns', dimensions: ['return_mode'] },
];
/** Those the exports can answer; the report shows the others as sections without data. */
const answerable = (table: { measure: string; dimensions: string[] }) =>
  (EXPORT_SPEC.measures as readonly string[]).includes(table.measure) &&
  table.dimensions.every((d) => (EXPORT_SPEC.dimensions as readonly string[]).includes(d));
const CONSOLIDATED = REPORT_TABLES.filter(answerable);
const UNANSWERED = REPORT_TABLES.filter((table) => !answerable(table));
const SEED_VERSION = 1;
const JOB_TIMEOUT_MS = 15 * 60_000;
const REPORT_TIMEOUT_MS = 15 * 60_000;
/** Short next to the report's time: each poll adds up to this much to the measured figure. */
const POLL_MS = 25;
const SECRETARIAT_EMAIL = 'bench-secretariat@amparo.test';
const SECRETARIAT_PASSWORD = 'bench secretariat passphrase 2026';

// ---------------------------------------------------------------------------------------------
// 1. The national deployment's database, seeded once and kept

interface NationalData {
  name: string;
  /** Null when an earlier run's database was reused. */
  seedSeconds: number | null;
  cases: number;
  detentions: number;
  returns: number;
}

const seedMarker = (cases: number) =>
  `bench:report seed v${SEED_VERSION}: ${cases} cases of ${NATIONAL} opened in ${SEMESTER.code}`;

async function nationalDatabase(cases: number, reseed: boolean): Promise<NationalData> {
  const name = `amparo_bench_report_${cases}`;
  const url = databaseUrl(name);
  const admin = await connect(TEST_ADMIN_DATABASE_URL, APP_NAME);
  let marker: string | null | undefined;
  try {
    marker = (
      await admin.query<{ marker: string | null }>(
        `SELECT shobj_description(oid, 'pg_database') AS marker FROM pg_database WHERE datname = $1`,
        [name],
      )
    ).rows[0]?.marker;
  } finally {
    await admin.end();
  }
  let seedSeconds: number | null = null;
  if (marker === seedMarker(cases) && !reseed) {
    log(`bench:report: reusing the seeded database ${name} (--reseed to seed it again)`);
    // Migrations added since the seed (a new view, a column) are applied; the rows stay.
    const dataSource = new DataSource({ ...externalDataSourceOptions(url, 1), logging: false });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' }).finally(() => dataSource.destroy());
  } else {
    if (marker !== undefined) await dropDatabase(name);
    const started = performance.now();
    await createDatabase(name);
    log(`bench:report: seeding ${thousands(cases)} cases of ${NATIONAL} into ${name}`);
    const { posts } = await seedDirectory(url);
    const national = posts.filter((p) => p.countryCode === NATIONAL);
    await seedCases(url, national, cases, log, APP_NAME, {
      from: Date.parse(`${SEMESTER.from}T00:00:00Z`),
      to: Date.parse(`${SEMESTER.to}T23:59:59Z`),
    });
    const outcomes = await seedOutcomes(url, APP_NAME);
    log(
      `  ${thousands(outcomes.detentions)} detentions, ${thousands(outcomes.returnMovements)} return movements in ${outcomes.seconds.toFixed(0)} s`,
    );
    // Written last: a seed cut short leaves no marker, and the next run seeds again.
    const owner = await connect(TEST_ADMIN_DATABASE_URL, APP_NAME);
    await owner
      .query(`COMMENT ON DATABASE ${name} IS '${seedMarker(cases)}'`)
      .finally(() => owner.end());
    seedSeconds = (performance.now() - started) / 1000;
    log(`  seeded in ${seedSeconds.toFixed(0)} s`);
  }
  const client = await connect(url, APP_NAME);
  try {
    const [counts] = (
      await client.query<{ cases: number; detentions: number; returns: number }>(
        `SELECT (SELECT count(*)::int FROM cases) AS cases,
                (SELECT count(*)::int FROM case_detentions) AS detentions,
                (SELECT count(*)::int FROM return_movements WHERE status = 'completed') AS returns`,
      )
    ).rows;
    return { name, seedSeconds, ...counts };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The national export, through that deployment's worker, and the members' exports from it

interface NationalExport {
  /** The file as the worker wrote it, and its detached signature. */
  file: string;
  signature: ExportSignature;
  rows: number;
  /** started_at → completed_at of each run, as the worker recorded them. */
  exportMs: number[];
  /** queue.add → the completed event, each run. */
  queueMs: number[];
}

async function nationalExport(
  url: string,
  key: KeyObject,
  runs: number,
  kind: WorkerKind,
  dir: string,
  cleanup: Cleanup,
): Promise<NationalExport> {
  const prefix = uniqueQueuePrefix();
  cleanup.prefixes.push(prefix);
  const exportsDir = join(dir, 'national-exports');
  const worker = WorkerProcess.start(
    kind,
    {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: url,
      REDIS_URL: TEST_REDIS_URL,
      JOBS_PREFIX: prefix,
      EXPORTS_DIR: exportsDir,
      EXPORT_SIGNING_KEY: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
    join(dir, 'national-worker.log'),
  );
  cleanup.workers.push(worker);
  const jobs = await JobRunner.open(TEST_REDIS_URL, prefix, JOB_TIMEOUT_MS);
  cleanup.jobs.push(jobs);
  const client = await connect(url, APP_NAME);
  cleanup.clients.push(client);
  await jobs.ping(worker, client);
  const {
    rows: [requester],
  } = await client.query<{ id: string }>(
    `SELECT u.id FROM users u JOIN role_grants g ON g.user_id = u.id
      WHERE g.role = 'supervisor' AND g.country_code = $1 LIMIT 1`,
    [NATIONAL],
  );
  const result: NationalExport = {
    file: '',
    signature: undefined as unknown as ExportSignature,
    rows: 0,
    exportMs: [],
    queueMs: [],
  };
  for (let run = 0; run < runs; run++) {
    const {
      rows: [{ id }],
    } = await client.query<{ id: string }>(
      `INSERT INTO statistics_exports (requested_by, kind, format, language, request, scope, enqueued_at)
       VALUES ($1, 'regional', 'json', 'es', $2, $3, now()) RETURNING id`,
      [
        requester.id,
        JSON.stringify(EXPORT_SPEC),
        JSON.stringify({ countries: [NATIONAL], consulateIds: [] }),
      ],
    );
    const started = performance.now();
    await jobs.run(worker, JobName.StatisticsExport, { exportId: id }, id);
    result.queueMs.push(performance.now() - started);
    const {
      rows: [row],
    } = await client.query<{
      status: string;
      failure_code: string | null;
      ms: number;
      row_count: number;
      file_name: string;
      signature: ExportSignature;
    }>(
      `SELECT status, failure_code, row_count, file_name, signature,
              extract(epoch FROM completed_at - started_at) * 1000 AS ms
         FROM statistics_exports WHERE id = $1`,
      [id],
    );
    if (row.status !== 'completed')
      throw new Error(
        `the national export ${id}: ${row.status} ${row.failure_code ?? ''}; worker output: ${worker.logTail()}`,
      );
    result.exportMs.push(Number(row.ms));
    result.rows = row.row_count;
    result.file = readFileSync(join(exportsDir, row.file_name), 'utf8');
    result.signature = row.signature;
    log(`  national export ${run + 1}/${runs}: ${Number(row.ms).toFixed(0)} ms`);
  }
  await worker.stop();
  return result;
}

/** The file as the JSON export writer lays it out: a row a line, the metadata last. */
function exportFileText(doc: StatisticsExportDocument): string {
  return (
    `{"schemaVersion":${JSON.stringify(doc.schemaVersion)},"rows":[\n` +
    doc.rows.map((row) => JSON.stringify(row)).join(',\n') +
    `\n],"metadata":${JSON.stringify(doc.metadata)}}\n`
  );
}

/**
 * Another member country's export of the same size: the national file with the country of its
 * scope and rows replaced and an export id of its own. Only for exports whose dimensions name no
 * country of the sender (a sending-country or consulate column would need its codes relabelled).
 */
function memberExport(national: string, country: string): string {
  const doc = JSON.parse(national) as StatisticsExportDocument;
  const named = doc.metadata.dimensions.filter((d) =>
    ['sending_country', 'consulate'].includes(d.id),
  );
  if (named.length) throw new Error(`cannot derive a member export with ${named[0].id}`);
  doc.metadata.exportId = randomUUID();
  doc.metadata.generatedAt = new Date().toISOString();
  doc.metadata.scope = { countries: [country] };
  for (const row of doc.rows) row.REF_AREA = country;
  return exportFileText(doc);
}

// ---------------------------------------------------------------------------------------------
// 3. The secretariat's deployment, driven over HTTP

class ApiClient {
  private accessToken = '';
  private refreshToken = '';

  constructor(readonly base: string) {}

  signedIn(tokens: { accessToken: string; refreshToken: string }): void {
    this.accessToken = tokens.accessToken;
    this.refreshToken = tokens.refreshToken;
  }

  /** A fresh access token (they live 15 minutes), before a round rather than during one. */
  async refresh(): Promise<void> {
    const { body } = await this.send('POST', '/auth/refresh', {
      refreshToken: this.refreshToken,
    });
    this.signedIn(body as { accessToken: string; refreshToken: string });
  }

  async send(
    method: string,
    path: string,
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
    const res = await fetch(`${this.base}${API}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** `send`, throwing on anything but the expected status. */
  async expect(
    status: number | number[],
    method: string,
    path: string,
    body?: object,
    headers?: Record<string, string>,
  ): Promise<Record<string, unknown>> {
    const answer = await this.send(method, path, body, headers);
    if (![status].flat().includes(answer.status))
      throw new Error(
        `${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 800)}`,
      );
    return answer.body;
  }

  /** The bytes of a download, with the time to the last byte. */
  async download(path: string): Promise<{ bytes: number; contentType: string }> {
    const res = await fetch(`${this.base}${API}${path}`, {
      headers: { authorization: `Bearer ${this.accessToken}` },
    });
    const bytes = (await res.arrayBuffer()).byteLength;
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return { bytes, contentType: res.headers.get('content-type') ?? '' };
  }
}

/** Migrates the secretariat's database and adds its user (who enrols TOTP on the first sign-in). */
async function seedSecretariat(url: string): Promise<void> {
  const dataSource = new DataSource({ ...externalDataSourceOptions(url, 2), logging: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const [user] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO users (email, display_name, country_code, password_hash)
       VALUES ($1, 'Bench Secretariat', NULL, $2) RETURNING id`,
      [SECRETARIAT_EMAIL, await hashPassword(SECRETARIAT_PASSWORD)],
    );
    await dataSource.query(
      `INSERT INTO role_grants (user_id, role) VALUES ($1, 'network_secretariat')`,
      [user.id],
    );
  } finally {
    await dataSource.destroy();
  }
}

/** The JSON body limit (HTTP_BODY_LIMIT) an upload of this file needs, in whole MB. */
function bodyLimitFor(files: string[]): number {
  const largest = Math.max(
    ...files.map((file) => Buffer.byteLength(JSON.stringify({ file, signature: {} }))),
  );
  return Math.ceil((largest + 4096) / 2 ** 20);
}

// ---------------------------------------------------------------------------------------------
// 4. The measured rounds

interface ConsolidationRound {
  totalMs: number;
  tableMs: number[];
  tableRows: number[];
}

interface ReportRound {
  totalMs: number;
  /** POST → done, without the downloads. */
  producedMs: number;
  /** requestedAt → finishedAt, as the report records them (no polling in it). */
  recordedMs: number;
  progressSeen: number;
  files: { name: string; bytes: number; contentType: string }[];
}

async function consolidate(api: ApiClient): Promise<ConsolidationRound> {
  const round: ConsolidationRound = { totalMs: 0, tableMs: [], tableRows: [] };
  const started = performance.now();
  for (const table of CONSOLIDATED) {
    const t = performance.now();
    const body = await api.expect(200, 'POST', '/regional/consolidations', {
      semester: SEMESTER.code,
      ...table,
    });
    round.tableMs.push(performance.now() - t);
    round.tableRows.push((body.rows as unknown[]).length);
    if ((body.countries as string[]).length !== MEMBERS.length)
      throw new Error(`the consolidation covered ${String(body.countries)}, not every member`);
  }
  round.totalMs = performance.now() - started;
  return round;
}

/** The report end to end; null when the API has no report route (404 on the POST). */
async function produceReport(api: ApiClient): Promise<ReportRound | null> {
  const started = performance.now();
  const posted = await api.send(
    'POST',
    '/regional/reports',
    { semester: SEMESTER.code },
    { 'idempotency-key': randomUUID() },
  );
  if (posted.status === 404) return null;
  if (posted.status !== 202)
    throw new Error(`POST /regional/reports: ${posted.status} ${JSON.stringify(posted.body)}`);
  const id = posted.body.id as string;
  const progress = new Set<number>();
  let report = posted.body;
  while (report.status !== 'done') {
    if (report.status === 'failed')
      throw new Error(`the report ${id} failed: ${JSON.stringify(report.error)}`);
    if (performance.now() - started > REPORT_TIMEOUT_MS)
      throw new Error(`the report ${id} was not done within ${REPORT_TIMEOUT_MS / 60_000} min`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    report = await api.expect(200, 'GET', `/regional/reports/${id}`);
    progress.add(Number(report.progress));
  }
  const producedMs = performance.now() - started;
  if ((report.countries as string[]).length !== MEMBERS.length)
    throw new Error(`the report covered ${String(report.countries)}, not every member`);
  const files = [];
  for (const file of report.files as { name: string }[]) {
    const downloaded = await api.download(
      `/regional/reports/${id}/files/${encodeURIComponent(file.name)}`,
    );
    files.push({ name: file.name, ...downloaded });
  }
  return {
    totalMs: performance.now() - started,
    producedMs,
    recordedMs: Date.parse(report.finishedAt as string) - Date.parse(report.requestedAt as string),
    progressSeen: progress.size,
    files,
  };
}

// ---------------------------------------------------------------------------------------------

interface Cleanup {
  api?: ChildProcess;
  workers: WorkerProcess[];
  jobs: JobRunner[];
  clients: Client[];
  prefixes: string[];
  database?: string;
  dirs: string[];
}

async function release(c: Cleanup): Promise<void> {
  await Promise.all(c.clients.map((client) => client.end().catch(() => undefined)));
  await Promise.all(c.jobs.map((jobs) => jobs.close().catch(() => undefined)));
  await Promise.all(c.workers.map((worker) => worker.stop().catch(() => undefined)));
  await stopApi(c.api).catch(() => undefined);
  await Promise.all(c.prefixes.map((prefix) => deleteQueueKeys(prefix).catch(() => undefined)));
  if (c.database) await dropDatabase(c.database).catch(() => undefined);
  for (const dir of c.dirs) rmSync(dir, { recursive: true, force: true });
}

const ms = (values: number[]) => `${spread(values, 0)} ms`;
const kib = (bytes: number) => `${thousands(Math.round(bytes / 1024))} KiB`;

let interrupted = false;

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      'export-runs': { type: 'string', default: '2' },
      reseed: { type: 'boolean', default: false },
      'seed-only': { type: 'boolean', default: false },
      worker: { type: 'string', default: 'compiled' },
    },
  });
  const cases = Number(args.cases.replace(/_/g, ''));
  const runs = Number(args.runs);
  const warmup = Number(args.warmup);
  const exportRuns = Number(args['export-runs']);
  if (!Number.isInteger(cases) || cases < 10_000)
    throw new Error('--cases must be a whole number ≥ 10000');
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= 20)) throw new Error('--runs: 1 to 20');
  if (!(Number.isInteger(warmup) && warmup >= 0 && warmup <= 10))
    throw new Error('--warmup: 0 to 10');
  if (!(Number.isInteger(exportRuns) && exportRuns >= 1 && exportRuns <= 10))
    throw new Error('--export-runs: 1 to 10');
  const workerKind = args.worker as WorkerKind;
  if (!(workerKind in WORKER_ARGS)) throw new Error('--worker: compiled or ts-node');

  const cleanup: Cleanup = { workers: [], jobs: [], clients: [], prefixes: [], dirs: [] };
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => (cleaning ??= release(cleanup));
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      interrupted = true;
      log(`bench:report: ${signal}, cleaning up`);
      void cleanUp().finally(() => process.exit(130));
    });

  try {
    const national = await nationalDatabase(cases, args.reseed);
    if (args['seed-only']) {
      console.log(`bench:report: ${national.name} holds ${thousands(national.cases)} cases`);
      return;
    }
    for (const build of [builds.api, ...(workerKind === 'compiled' ? [builds.worker] : [])])
      if (buildIfStale(build, log) !== 0) throw new Error(`building ${build.name} failed`);
    const dir = mkdtempSync(join(tmpdir(), 'amparo-bench-report-'));
    cleanup.dirs.push(dir);

    // Each member country's key pair, as each deployment would hold its own.
    const keys = new Map(MEMBERS.map((c) => [c, generateKeyPairSync('ed25519').privateKey]));
    log(`bench:report: the national export of ${NATIONAL} through its worker`);
    const loadBefore = loadavg()[0];
    const exported = await nationalExport(
      databaseUrl(national.name),
      keys.get(NATIONAL)!,
      exportRuns,
      workerKind,
      dir,
      cleanup,
    );
    const uploads = MEMBERS.map((country) => {
      if (country === NATIONAL)
        return { country, file: exported.file, signature: exported.signature };
      const file = memberExport(exported.file, country);
      return {
        country,
        file,
        signature: signExportBytes(Buffer.from(file), keys.get(country)!, [country]),
      };
    });

    // The secretariat.
    const name = uniqueName('amparo_test'); // a crashed run's database is dropped by the next e2e setup
    await createDatabase(name);
    cleanup.database = name;
    const url = databaseUrl(name);
    await seedSecretariat(url);
    const prefix = uniqueQueuePrefix();
    cleanup.prefixes.push(prefix);
    const env = productionSecrets(join(dir, 'secretariat'));
    const bodyLimitMb = bodyLimitFor(uploads.map((u) => u.file));
    const bodyLimit: Record<string, string> =
      bodyLimitMb > 1 ? { HTTP_BODY_LIMIT: `${bodyLimitMb}mb` } : {};
    log('bench:report: starting the secretariat API and worker');
    const running = await startApiOn(url, prefix, { ...env, ...bodyLimit, LOG_LEVEL: 'warn' });
    cleanup.api = running.child;
    const worker = WorkerProcess.start(
      workerKind,
      {
        ...env,
        DATABASE_URL: url,
        REDIS_URL: TEST_REDIS_URL,
        JOBS_PREFIX: prefix,
        LOG_LEVEL: 'warn',
      },
      join(dir, 'secretariat-worker.log'),
    );
    cleanup.workers.push(worker);
    const jobs = await JobRunner.open(TEST_REDIS_URL, prefix, JOB_TIMEOUT_MS);
    cleanup.jobs.push(jobs);
    const client = await connect(url, APP_NAME);
    cleanup.clients.push(client);
    await jobs.ping(worker, client);

    const api = new ApiClient(running.base);
    const authenticator = await enrolTotp(running.base, SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD);
    api.signedIn(
      await signInWithTotp(running.base, SECRETARIAT_EMAIL, SECRETARIAT_PASSWORD, authenticator),
    );
    for (const country of MEMBERS)
      await api.expect(
        201,
        'POST',
        '/regional/keys',
        {
          country,
          publicKey: publicKeyPem(createPublicKey(keys.get(country)!)),
          label: `${country} national deployment (bench)`,
        },
        { 'idempotency-key': randomUUID() },
      );
    const uploadMs: number[] = [];
    for (const upload of uploads) {
      const started = performance.now();
      const stored = await api.expect(201, 'POST', '/regional/exports', {
        file: upload.file,
        signature: upload.signature,
      });
      uploadMs.push(performance.now() - started);
      if (JSON.stringify(stored.countries) !== JSON.stringify([upload.country]))
        throw new Error(
          `the export of ${upload.country} was stored for ${String(stored.countries)}`,
        );
    }
    log(`  ${MEMBERS.length} keys registered, ${uploads.length} exports uploaded`);

    // The rounds: consolidation then report, so that load that comes and goes weighs on both.
    const consolidations: ConsolidationRound[] = [];
    const reports: ReportRound[] = [];
    let reportAvailable = true;
    for (let round = 0; round < warmup + runs; round++) {
      const measured = round >= warmup;
      await api.refresh();
      const consolidation = await consolidate(api);
      const report = reportAvailable ? await produceReport(api) : null;
      if (reportAvailable && !report) {
        reportAvailable = false;
        log('  report API not available (POST /regional/reports answered 404)');
      }
      log(
        `  round ${round + 1}${measured ? '' : ' (warm-up)'}: consolidation ${consolidation.totalMs.toFixed(0)} ms` +
          (report ? `, report ${report.totalMs.toFixed(0)} ms` : ''),
      );
      if (!measured) continue;
      consolidations.push(consolidation);
      if (report) reports.push(report);
    }
    const loadAfter = loadavg()[0];

    // The figures.
    const version = (
      await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")
    ).rows[0].v;
    const sizes = uploads.map((u) => Buffer.byteLength(u.file));
    const lines = [
      `bench:report on ${machine()}; PostgreSQL ${version}`,
      `national deployment (${NATIONAL}, database ${national.name}): ${thousands(national.cases)} cases opened in ${SEMESTER.code}, ` +
        `${thousands(national.detentions)} detentions, ${thousands(national.returns)} completed returns; ` +
        (national.seedSeconds === null
          ? 'seed reused (--reseed to seed it again)'
          : `seeded in ${national.seedSeconds.toFixed(0)} s (kept for the next run; --reseed to seed it again)`),
      `national export (kind regional, JSON, signed): ${EXPORT_SPEC.measures.join(', ')} by ${EXPORT_SPEC.dimensions.join(' × ')} (${EXPORT_SPEC.period}), ${SEMESTER.from}..${SEMESTER.to}`,
      `  worker: ${workerCommand(workerKind)}`,
      `  started_at → completed_at: ${exported.exportMs.map((t) => `${t.toFixed(0)} ms`).join(', ')} (first after start-up: cold)`,
      `  enqueue → completed event: ${exported.queueMs.map((t) => `${t.toFixed(0)} ms`).join(', ')}`,
      `  ${thousands(exported.rows)} rows, ${kib(sizes[0])}`,
      `member exports: ${MEMBERS.length} (${MEMBERS.join(', ')}), each signed with its country's own Ed25519 key; ` +
        `${kib(Math.min(...sizes))}–${kib(Math.max(...sizes))} each` +
        (bodyLimitMb > 1
          ? `; the upload needs HTTP_BODY_LIMIT=${bodyLimitMb}mb (the default 1mb refuses it)`
          : ''),
      `  upload (verify signature, check schema, store): ${ms(uploadMs)} per file, ${(uploadMs.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s for all`,
      `secretariat: the built API (${builds.api.output.replace(/^.*\/dist\//, 'dist/')}, NODE_ENV=production) and worker, each in its own process; ` +
        `medians (min–max) of ${runs} rounds after ${warmup} warm-up`,
      `(a) consolidation alone, ${CONSOLIDATED.length} requests one after the other: ${ms(consolidations.map((r) => r.totalMs))}`,
      ...CONSOLIDATED.map(
        (table, i) =>
          `    ${table.measure} by ${table.dimensions.join(' × ')}: ${ms(consolidations.map((r) => r.tableMs[i]))}, ${consolidations[0].tableRows[i]} rows`,
      ),
      ...UNANSWERED.map(
        (table) =>
          `    ${table.measure} by ${table.dimensions.join(' × ')}: not in the exports (one export per country and semester is consolidated, and its dimensions must fit every measure in it), so the report has no data for it`,
      ),
      `    notification_delay: medians, not additive: the report reads each country's as published (no consolidation)`,
    ];
    if (reports.length) {
      const ratios = reports.map((r, i) => r.totalMs / consolidations[i].totalMs);
      lines.push(
        `(b) the report end to end (POST, poll every ${POLL_MS} ms until done, download the files): ${ms(reports.map((r) => r.totalMs))}`,
        `    POST → done: ${ms(reports.map((r) => r.producedMs))}; requestedAt → finishedAt as recorded: ${ms(reports.map((r) => r.recordedMs))}`,
        `    progress values seen while polling: ${reports.map((r) => r.progressSeen).join(', ')}`,
        ...reports[0].files.map(
          (file) => `    ${file.name}: ${kib(file.bytes)} (${file.contentType})`,
        ),
        `ratio (b) / (a), within each round: ${spread(ratios, 1)}`,
      );
    } else {
      lines.push(
        '(b) the report end to end: report API not available (POST /api/v1/regional/reports answered 404)',
      );
    }
    lines.push(
      `load average (1 min) before / after: ${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)}`,
    );
    console.log(lines.join('\n'));
  } finally {
    await cleanUp();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (interrupted) process.exit(130);
    console.error(`bench:report failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
