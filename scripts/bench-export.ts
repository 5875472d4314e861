// Statistics exports at scale. Run:
//   NODE_OPTIONS="-r ./scripts/register-aliases.js" TS_NODE_TRANSPILE_ONLY=true \
//     npx ts-node scripts/bench-export.ts [--sizes 100000,1000000] [--runs 3] [--formats csv,json,xlsx]
//     [--warmup 3] [--database NAME] [--keep] [--worker compiled|ts-node]
//     [--worker-pg-options '-c name=value']
// For each size: seeds synthetic cases with COPY into a fresh database of the local test server
// (the seeding of npm run bench:cases), starts a real worker process (the build that
// npm run start:worker runs, built first; --worker ts-node runs the sources as in development)
// and times a representative export through BullMQ: cases_opened by category × sex × quarter over
// the whole seeded range, every seeded country, in each format. Its time (started_at → completed_at
// as the worker records it) is compared with the bare SQL aggregate of the same table written out
// with COPY, timed in rounds with the exports after --warmup unmeasured rounds (steady state: the
// first exports run code V8 has not optimised yet, exceljs above all; the first export after
// start-up, and the first of each other format, are printed as cold times); the worker's resident
// memory is read from /proc.
// The export's steps are also timed in this process (the SQL with row events as the worker runs
// it, disclosure control, each writer) to show where the time goes. Prints figures; not a test.
// --database reuses an already seeded database (from bench:cases --keep or bench:export --keep)
// instead of seeding; it is left as it was. --keep renames the seeded databases instead of dropping.
// --worker-pg-options sets PGOPTIONS for the worker's connections only (server settings for an
// experiment, e.g. '-c max_parallel_workers_per_gather=0').
import 'reflect-metadata';
import { AppConfig, loadConfig } from '@amparo/core';
import { externalDataSourceOptions } from '@amparo/database';
import { JobName, JobPayloads } from '@amparo/jobs';
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
import { countCellsSql } from '@amparo/statistics/aggregate/aggregate-sql';
import { CodeLabelResolver } from '@amparo/statistics/aggregate/code-label-resolver';
import { StatisticsScope } from '@amparo/statistics/aggregate/statistics-scope';
import { StatisticsTables } from '@amparo/statistics/aggregate/statistics-tables';
import { streamRows } from '@amparo/statistics/aggregate/stream-rows';
import { CountTable, applyDisclosureControlInSlices } from '@amparo/statistics/disclosure';
import { ExportFiles } from '@amparo/statistics/exports/export-files';
import { ExportFormat, ExportSpec, measureQuery } from '@amparo/statistics/exports/export-record';
import { parseSpec } from '@amparo/statistics/exports/export-requests.service';
import { ExportLayout } from '@amparo/statistics/exports/writers/export-layout';
import { createExportWriter } from '@amparo/statistics/exports/writers/create-export-writer';
import { TOTAL_CODE } from '@amparo/statistics/model/code-labels';
import { DIMENSIONS, DimensionId } from '@amparo/statistics/model/dimensions';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Client, escapeLiteral } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { machine, median, thousands } from './bench/figures';
import { connect, seedCases, seedDirectory } from './bench/seed-cases';
import {
  JobRunner,
  WORKER_ARGS,
  WorkerKind,
  WorkerProcess,
  workerCommand,
} from './bench/worker-process';
import { buildIfStale, builds } from './builds';

const APP_NAME = 'bench-export';
const TARGETS = { ratio: 1.3, peakRssMb: 300 };
/** The representative export: one measure by three dimensions, quarters over the seeded range. */
const MEASURE = 'cases_opened';
const EXPORT_DIMENSIONS: DimensionId[] = ['category', 'sex', 'period'];
const PERIOD = 'quarter';
const JOB_TIMEOUT_MS = 15 * 60_000;

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Runs `work` `warmup` times unmeasured, then `runs` times; the median of the measured runs, in ms. */
async function timed(
  { runs, warmup }: { runs: number; warmup: number },
  work: () => Promise<unknown>,
): Promise<number> {
  for (let w = 0; w < warmup; w++) await work();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const log = (line: string) => console.error(line);

/** VmRSS (resident now) and VmHWM (peak resident since start or the last reset) in MB. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Resets VmHWM to the current RSS (Linux ≥ 4.0); false when not allowed. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * The statement with its parameters written in as literals, for COPY (which takes none). Only the
 * kinds countCellsSql produces: text, numbers, dates and arrays of text (as array literals).
 */
function inlineParams(sql: string, params: unknown[]): string {
  const literal = (value: unknown): string => {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (value instanceof Date) return escapeLiteral(value.toISOString());
    if (typeof value === 'string') return escapeLiteral(value);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      return escapeLiteral(`{${value.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
    throw new Error(`cannot inline parameter ${JSON.stringify(value)}`);
  };
  return sql.replace(/\$(\d+)\b/g, (_, n: string) => {
    if (Number(n) < 1 || Number(n) > params.length) throw new Error(`no parameter $${n}`);
    return literal(params[Number(n) - 1]);
  });
}

/** Runs `COPY (sql) TO STDOUT WITH CSV`, reading the whole output; returns its bytes. */
async function copyOut(client: Client, sql: string): Promise<Buffer> {
  const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH CSV`));
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------------------------
// One size

interface ExportRun {
  /** started_at → completed_at, as the worker records them (the export's own work). */
  dbMs: number;
  /** From queue.add to the completed event (adds the queue's pick-up and the event's way back). */
  queueMs: number;
  rowCount: number;
  byteSize: number;
  fileName: string;
}

interface SizeResult {
  cases: number;
  database: string;
  seedSeconds: number | null;
  from: string;
  to: string;
  countries: string[];
  cells: number;
  innerCells: number;
  suppressed: number;
  resultRows: number;
  baselineMs: number;
  baselineQueryMs: number;
  sqlStreamMs: number;
  tableMs: number;
  disclosureMs: number;
  writeMs: Partial<Record<ExportFormat, number>>;
  exportMs: Partial<Record<ExportFormat, number>>;
  queueMs: Partial<Record<ExportFormat, number>>;
  bytes: Partial<Record<ExportFormat, number>>;
  /** The first export of each format after the worker started, started_at → completed_at. */
  coldMs: Partial<Record<ExportFormat, number>>;
  idleRssMb: number;
  startupPeakMb: number;
  /** 1-minute load average before and after: other work on the machine skews the figures. */
  load: [number, number];
  exportPeakMb: Partial<Record<ExportFormat, number>>;
  lifetimePeakMb: number | null;
  peakResets: boolean;
}

interface Cleanup {
  worker?: WorkerProcess;
  queues: { close(): Promise<void> }[];
  clients: Client[];
  dataSource?: DataSource;
  prefix?: string;
  dirs: string[];
  database?: { name: string; drop: boolean; keepAs?: string };
}

async function releaseSize(c: Cleanup): Promise<void> {
  await c.worker?.stop().catch(() => undefined);
  await Promise.all(c.queues.map((q) => q.close().catch(() => undefined)));
  await Promise.all(c.clients.map((q) => q.end().catch(() => undefined)));
  await c.dataSource?.destroy().catch(() => undefined);
  if (c.prefix) await deleteQueueKeys(c.prefix).catch(() => undefined);
  await Promise.all(c.dirs.map((d) => rm(d, { recursive: true, force: true })));
  if (c.database?.drop) {
    if (c.database.keepAs) await renameDatabase(c.database.name, c.database.keepAs);
    else await dropDatabase(c.database.name);
  }
  c.worker = undefined;
  c.queues = [];
  c.clients = [];
  c.dataSource = undefined;
  c.prefix = undefined;
  c.dirs = [];
  c.database = undefined;
}

async function renameDatabase(name: string, to: string): Promise<void> {
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${name} RENAME TO ${to}`);
    log(`bench:export: kept the database as ${to}: ${databaseUrl(to)}`);
  } finally {
    await admin.end();
  }
}

async function benchSize(
  size: number | null,
  existing: string | undefined,
  options: {
    runs: number;
    warmup: number;
    formats: ExportFormat[];
    keep: boolean;
    worker: WorkerKind;
    workerPgOptions?: string;
  },
  c: Cleanup,
): Promise<SizeResult> {
  // 1. The data: seeded now, or an existing database.
  let name: string;
  let seedSeconds: number | null = null;
  if (existing) {
    name = existing;
  } else {
    name = uniqueName('amparo_test'); // a crashed run's database is dropped by the next e2e setup
    const started = performance.now();
    await createDatabase(name);
    c.database = {
      name,
      drop: true,
      keepAs: options.keep ? `amparo_bench_export_${size}_${Date.now()}` : undefined,
    };
    const url = databaseUrl(name);
    log(`bench:export: seeding ${thousands(size!)} cases into ${name}`);
    const { posts } = await seedDirectory(url);
    await seedCases(url, posts, size!, log, APP_NAME);
    seedSeconds = (performance.now() - started) / 1000;
    log(`  seeded in ${seedSeconds.toFixed(0)} s`);
  }
  const url = databaseUrl(name);
  const client = await connect(url, APP_NAME);
  c.clients.push(client);

  const {
    rows: [range],
  } = await client.query<{ cases: string; from: string; to: string }>(
    `SELECT count(*) AS cases,
            to_char(min(opened_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS from,
            to_char(max(opened_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS to
       FROM cases`,
  );
  const countries = (
    await client.query<{ code: string }>(
      'SELECT DISTINCT country_code AS code FROM cases ORDER BY 1',
    )
  ).rows.map((r) => r.code);
  const {
    rows: [requester],
  } = await client.query<{ id: string }>('SELECT id FROM users ORDER BY email LIMIT 1');
  if (!requester) throw new Error(`${name} has no users to request the export`);
  const spec: ExportSpec = parseSpec({
    measures: [MEASURE],
    dimensions: EXPORT_DIMENSIONS,
    period: PERIOD,
    from: range.from,
    to: range.to,
  });
  const scope: StatisticsScope = { countries, consulateIds: [] };
  const query = measureQuery(spec, MEASURE);
  const { sql, params } = countCellsSql(query, scope);
  log(
    `  ${thousands(Number(range.cases))} cases, ${range.from} to ${range.to}, ${countries.length} countries`,
  );

  // 2. The baseline: the bare aggregate with its parameters written in (COPY takes none), checked
  // against the statement with parameters; it is timed in rounds with the exports, below.
  const loadBefore = loadavg()[0];
  const copySql = inlineParams(sql, params);
  const copied = (await copyOut(client, copySql)).toString('utf8');
  const copiedRows = copied.split('\n').filter(Boolean);
  const queried = await client.query<Record<string, string>>(sql, params);
  const sumCopied = copiedRows.reduce((sum, line) => sum + Number(line.split(',').pop()), 0);
  const sumQueried = queried.rows.reduce((sum, row) => sum + Number(row.n), 0);
  if (copiedRows.length !== queried.rows.length || sumCopied !== sumQueried)
    throw new Error(
      `COPY of the inlined statement differs from the statement with parameters: ${copiedRows.length} rows (Σ ${sumCopied}) against ${queried.rows.length} (Σ ${sumQueried})`,
    );
  const baselineQueryMs = await timed(options, () => client.query(sql, params));

  // 3. The export's steps in this process, as the worker runs them.
  const dir = await mkdtemp(join(tmpdir(), 'amparo-bench-export-'));
  c.dirs.push(dir);
  const config: AppConfig = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    EXPORTS_DIR: join(dir, 'in-process'),
  });
  const dataSource = new DataSource({ ...externalDataSourceOptions(url, 2), logging: false });
  c.dataSource = dataSource;
  await dataSource.initialize();
  const tables = new StatisticsTables(dataSource, config, new CodeLabelResolver());
  log('  profile: the SQL as the worker reads it, disclosure control, the writers');
  const sqlStreamMs = await timed(options, () =>
    streamRows(dataSource, false, sql, params, () => undefined),
  );
  const tableMs = await timed(options, () => tables.table(query, scope));
  const table = await tables.table(query, scope);
  const counts = new Map(
    queried.rows.map((row) => [
      EXPORT_DIMENSIONS.map((_, i) => String(row[`d${i}`])).join('\u0000'),
      Number(row.n),
    ]),
  );
  const dimensions = table.axes.map((a) => ({
    name: a.dimension.id,
    codes: a.codes.map((code) => code.code),
  }));
  const innerCounts = rowMajor(dimensions.map((d) => d.codes)).map(
    (codes) => counts.get(codes.join('\u0000')) ?? 0,
  );
  const disclosureMs = await timed(options, async () =>
    applyDisclosureControlInSlices(CountTable.fromCounts(dimensions, innerCounts), { k: tables.k }),
  );
  const files = new ExportFiles(config);
  const writeMs: SizeResult['writeMs'] = {};
  for (const format of options.formats) {
    let n = 0;
    writeMs[format] = await timed(options, () =>
      files.writeAtomically(
        `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}.${format}`,
        1,
        async (out: Writable) => {
          const layout = new ExportLayout(
            EXPORT_DIMENSIONS.map((d) => DIMENSIONS[d]),
            false,
            'es',
          );
          layout.learn(table.axes);
          const writer = createExportWriter(format, out, layout);
          await writer.begin({});
          for (const cell of table.cells) await writer.write({ measure: MEASURE, ...cell });
          await writer.end({});
        },
      ),
    );
  }
  await dataSource.destroy();
  c.dataSource = undefined;

  // 4. The real worker, through the queue.
  const prefix = uniqueQueuePrefix();
  c.prefix = prefix;
  const exportsDir = join(dir, 'worker');
  const worker = WorkerProcess.start(
    options.worker,
    {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: url,
      REDIS_URL: TEST_REDIS_URL,
      JOBS_PREFIX: prefix,
      EXPORTS_DIR: exportsDir,
      ...(options.workerPgOptions ? { PGOPTIONS: options.workerPgOptions } : {}),
    },
    join(dir, 'worker.log'),
  );
  c.worker = worker;
  const jobs = await JobRunner.open(TEST_REDIS_URL, prefix, JOB_TIMEOUT_MS);
  c.queues.push(jobs);
  const runJob = <N extends JobName>(job: N, payload: JobPayloads[N], jobId: string) =>
    jobs.run(worker, job, payload, jobId);

  // Ready when it has handled a ping; then the memory of an idle worker.
  log('  starting the worker');
  await jobs.ping(worker, client);
  const idle = memoryOf(worker.pid);

  const runExport = async (format: ExportFormat): Promise<ExportRun> => {
    const {
      rows: [{ id }],
    } = await client.query<{ id: string }>(
      `INSERT INTO statistics_exports (requested_by, kind, format, language, request, scope, enqueued_at)
       VALUES ($1, 'statistics', $2, 'es', $3, $4, now()) RETURNING id`,
      [requester.id, format, JSON.stringify(spec), JSON.stringify(scope)],
    );
    const start = performance.now();
    await runJob(JobName.StatisticsExport, { exportId: id }, id);
    const queueMs = performance.now() - start;
    const {
      rows: [row],
    } = await client.query<{
      status: string;
      failure_code: string | null;
      attempts: number;
      ms: number;
      row_count: number;
      byte_size: string;
      file_name: string;
    }>(
      `SELECT status, failure_code, attempts, row_count, byte_size, file_name,
              extract(epoch FROM completed_at - started_at) * 1000 AS ms
         FROM statistics_exports WHERE id = $1`,
      [id],
    );
    if (row.status !== 'completed' || row.attempts !== 1)
      throw new Error(
        `export ${id} (${format}): ${row.status} ${row.failure_code ?? ''} after ${row.attempts} attempts; worker output: ${worker.logTail()}`,
      );
    return {
      dbMs: Number(row.ms),
      queueMs,
      rowCount: row.row_count,
      byteSize: Number(row.byte_size),
      fileName: row.file_name,
    };
  };

  log('  baseline (COPY) and exports through the worker, in rounds');
  // Warm-up rounds, unmeasured. The first export of each format after start-up is its cold time:
  // V8 still interprets most of the code then, and exceljs's first XLSX takes several times its
  // steady time. The JSON export is checked against the SQL below, so it always runs.
  await copyOut(client, copySql);
  const warm = await runExport('json');
  const coldMs: SizeResult['coldMs'] = { json: warm.dbMs };
  for (const format of options.formats)
    if (format !== 'json') coldMs[format] = (await runExport(format)).dbMs;
  for (let round = 1; round < options.warmup; round++) {
    await copyOut(client, copySql);
    for (const format of options.formats) await runExport(format);
  }
  const startupPeakMb = memoryOf(worker.pid).peakMb;
  const suppressed = checkJsonExport(
    JSON.parse(await readFile(join(exportsDir, warm.fileName), 'utf8')),
    counts,
    tables.k,
  );
  if (warm.rowCount !== table.cells.length)
    throw new Error(`the export has ${warm.rowCount} rows, the table ${table.cells.length} cells`);
  // Rounds of the baseline then each format, so that other load on the machine, if it comes and
  // goes, weighs on both sides of the ratio alike. VmHWM is reset before each export.
  const peakResets = resetPeak(worker.pid);
  const baselineRuns: number[] = [];
  const runs = Object.fromEntries(options.formats.map((f) => [f, [] as ExportRun[]]));
  const peaks = Object.fromEntries(options.formats.map((f) => [f, [] as number[]]));
  for (let r = 0; r < options.runs; r++) {
    const start = performance.now();
    await copyOut(client, copySql);
    baselineRuns.push(performance.now() - start);
    for (const format of options.formats) {
      if (peakResets) resetPeak(worker.pid);
      runs[format].push(await runExport(format));
      peaks[format].push(memoryOf(worker.pid).peakMb);
    }
  }
  const baselineMs = median(baselineRuns);
  log(`    baseline: ${baselineRuns.map((t) => t.toFixed(0)).join(', ')} ms`);
  const exportMs: SizeResult['exportMs'] = {};
  const queueMs: SizeResult['queueMs'] = {};
  const bytes: SizeResult['bytes'] = {};
  const exportPeakMb: SizeResult['exportPeakMb'] = {};
  for (const format of options.formats) {
    exportMs[format] = median(runs[format].map((r) => r.dbMs));
    queueMs[format] = median(runs[format].map((r) => r.queueMs));
    bytes[format] = runs[format][0].byteSize;
    exportPeakMb[format] = Math.max(...peaks[format]);
    log(
      `    ${format}: ${runs[format].map((r) => r.dbMs.toFixed(0)).join(', ')} ms (queue to done ${runs[format].map((r) => r.queueMs.toFixed(0)).join(', ')} ms)`,
    );
  }
  const lifetimePeakMb = peakResets ? null : memoryOf(worker.pid).peakMb;

  return {
    cases: Number(range.cases),
    database: name,
    seedSeconds,
    from: range.from,
    to: range.to,
    countries,
    cells: table.cells.length,
    innerCells: innerCounts.length,
    suppressed,
    resultRows: queried.rows.length,
    baselineMs,
    baselineQueryMs,
    sqlStreamMs,
    tableMs,
    disclosureMs,
    writeMs,
    exportMs,
    queueMs,
    bytes,
    coldMs,
    load: [loadBefore, loadavg()[0]],
    idleRssMb: idle.rssMb,
    startupPeakMb,
    exportPeakMb,
    lifetimePeakMb,
    peakResets,
  };
}

/** Row-major combinations, the last list varying fastest (CountTable's order). */
function rowMajor(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>(
    (combos, list) => combos.flatMap((combo) => list.map((code) => [...combo, code])),
    [[]],
  );
}

/**
 * Checks the worker's JSON file against the bare SQL: every published inner cell is the SQL's
 * count (0 where the SQL has no row), every suppressed one is from 1 to k-1 or a secondary. Returns
 * the number of suppressed cells.
 */
function checkJsonExport(
  file: { rows: Record<string, string | number | null>[] },
  counts: Map<string, number>,
  k: number,
): number {
  const columns = EXPORT_DIMENSIONS.map((d) => DIMENSIONS[d].column);
  let suppressed = 0;
  for (const row of file.rows) {
    const codes = columns.map((col) => String(row[col]));
    if (row.CONF_STATUS === 'C') {
      suppressed++;
      continue;
    }
    if (codes.includes(TOTAL_CODE)) continue;
    const expected = counts.get(codes.join('\u0000')) ?? 0;
    if (row.OBS_VALUE !== expected || (expected > 0 && expected < k))
      throw new Error(`export cell ${codes.join('/')} = ${row.OBS_VALUE}, SQL ${expected}`);
  }
  return suppressed;
}

// ---------------------------------------------------------------------------------------------

function report(
  results: SizeResult[],
  formats: ExportFormat[],
  runs: number,
  warmup: number,
  version: string,
  worker: WorkerKind,
  workerPgOptions: string | undefined,
): string {
  const col = (values: string[]) => values.map((v) => v.padStart(24)).join('');
  const line = (label: string, values: string[]) => `  ${label.padEnd(52)}${col(values)}`;
  const msOf = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(0)} ms`);
  const mbOf = (v: number | null | undefined) => (v == null ? '-' : `${v.toFixed(0)} MB`);
  const first = results[0];
  const ratios = (r: SizeResult) =>
    Object.fromEntries(formats.map((f) => [f, r.exportMs[f]! / r.baselineMs]));
  const peak = (r: SizeResult) => Math.max(...formats.map((f) => r.exportPeakMb[f] ?? 0));
  const lines = [
    `bench:export on ${machine()}; PostgreSQL ${version}`,
    `export: ${MEASURE} by ${EXPORT_DIMENSIONS.join(' × ')} (${PERIOD}), kind statistics, every seeded country, k = 5;`,
    `  worker: ${workerCommand(worker)}, NODE_ENV=development${workerPgOptions ? `, PGOPTIONS='${workerPgOptions}'` : ''}; medians of ${runs} runs after ${warmup} unmeasured round${warmup === 1 ? '' : 's'}`,
    line(
      '',
      results.map((r) => `${thousands(r.cases)} cases`),
    ),
    line(
      'seeding (COPY, indexes, VACUUM ANALYZE)',
      results.map((r) => (r.seedSeconds === null ? 'reused' : `${r.seedSeconds.toFixed(0)} s`)),
    ),
    line(
      'opened_at range',
      results.map((r) => `${r.from.slice(0, 7)}…${r.to.slice(2, 7)}`),
    ),
    line(
      'aggregate rows / table cells (inner) / suppressed',
      results.map((r) => `${r.resultRows}/${r.cells} (${r.innerCells})/${r.suppressed}`),
    ),
    line(
      'baseline: COPY (aggregate) TO STDOUT CSV',
      results.map((r) => msOf(r.baselineMs)),
    ),
    ...formats.flatMap((f) => [
      line(
        `export ${f}: started_at → completed_at`,
        results.map((r) => msOf(r.exportMs[f])),
      ),
      line(
        `  enqueue → completed event`,
        results.map((r) => msOf(r.queueMs[f])),
      ),
      line(
        `  ratio to baseline (target ≤ ${TARGETS.ratio})`,
        results.map(
          (r) => `${ratios(r)[f].toFixed(2)} ${ratios(r)[f] <= TARGETS.ratio ? 'met' : 'MISSED'}`,
        ),
      ),
      line(
        `  file size`,
        results.map((r) => `${((r.bytes[f] ?? 0) / 1024).toFixed(0)} KiB`),
      ),
    ]),
    // Only the first JSON export is cold throughout; the others follow it, so only their
    // writer's code is run for the first time.
    ...(['json', ...formats.filter((f) => f !== 'json')] as ExportFormat[]).map((f) =>
      line(
        f === 'json'
          ? 'first export after start-up (json, all cold)'
          : `first ${f} export (after it; ${f} writer cold)`,
        results.map((r) => msOf(r.coldMs[f])),
      ),
    ),
    line(
      'worker RSS idle (after a ping)',
      results.map((r) => mbOf(r.idleRssMb)),
    ),
    line(
      'worker peak RSS, start-up + warm-up exports (VmHWM)',
      results.map((r) => mbOf(r.startupPeakMb)),
    ),
    ...formats.map((f) =>
      line(
        `worker peak RSS during ${f} exports (VmHWM)`,
        results.map((r) => mbOf(r.exportPeakMb[f])),
      ),
    ),
    line(
      `worker peak RSS, max (target < ${TARGETS.peakRssMb} MB)`,
      results.map((r) => {
        const p = Math.max(peak(r), r.startupPeakMb, r.lifetimePeakMb ?? 0);
        return `${p.toFixed(0)} MB ${p < TARGETS.peakRssMb ? 'met' : 'MISSED'}`;
      }),
    ),
    line(
      'load average (1 min) before / after measuring',
      results.map((r) => `${r.load[0].toFixed(1)} / ${r.load[1].toFixed(1)}`),
    ),
    `where the time goes (in this process, same SQL and cells):`,
    line(
      '  the aggregate, plain query (all rows at once)',
      results.map((r) => msOf(r.baselineQueryMs)),
    ),
    line(
      '  the aggregate, row by row (as the worker)',
      results.map((r) => msOf(r.sqlStreamMs)),
    ),
    line(
      '  disclosure control alone',
      results.map((r) => msOf(r.disclosureMs)),
    ),
    line(
      '  StatisticsTables.table (SQL + axes + disclosure)',
      results.map((r) => msOf(r.tableMs)),
    ),
    ...formats.map((f) =>
      line(
        `  ${f} writer + fsync + rename`,
        results.map((r) => msOf(r.writeMs[f])),
      ),
    ),
  ];
  if (results.length > 1) {
    const last = results[results.length - 1];
    lines.push(
      `peak RSS ${thousands(last.cases)} vs ${thousands(first.cases)} cases: ${(peak(last) / peak(first)).toFixed(2)}×`,
    );
  }
  if (results.some((r) => !r.peakResets))
    lines.push('note: VmHWM could not be reset; the peaks are lifetime peaks including start-up');
  return lines.join('\n');
}

let interrupted = false;

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100000,1000000' },
      runs: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '3' },
      formats: { type: 'string', default: 'csv,json,xlsx' },
      database: { type: 'string' },
      keep: { type: 'boolean', default: false },
      worker: { type: 'string', default: 'compiled' },
      'worker-pg-options': { type: 'string' },
    },
  });
  const sizes = args.database
    ? [null]
    : args.sizes.split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((s) => s !== null && !(Number.isInteger(s) && s >= 1000)))
    throw new Error('--sizes must be whole numbers ≥ 1000, separated by commas');
  const runs = Number(args.runs);
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= 20))
    throw new Error('--runs must be 1 to 20');
  const warmup = Number(args.warmup);
  if (!(Number.isInteger(warmup) && warmup >= 1 && warmup <= 20))
    throw new Error('--warmup must be 1 to 20 (the first round is the cold one)');
  const formats = args.formats.split(',') as ExportFormat[];
  if (!formats.length || formats.some((f) => !['csv', 'json', 'xlsx'].includes(f)))
    throw new Error('--formats: csv, json, xlsx, separated by commas');

  const worker = args.worker as WorkerKind;
  if (!(worker in WORKER_ARGS)) throw new Error('--worker: compiled or ts-node');
  if (worker === 'compiled' && buildIfStale(builds.worker, log) !== 0)
    throw new Error(`building ${builds.worker.name} failed`);

  const cleanup: Cleanup = { queues: [], clients: [], dirs: [] };
  // One clean-up at a time, whoever asks (the end of a size, a failure, a signal).
  let cleaning = Promise.resolve();
  const cleanUp = () => (cleaning = cleaning.then(() => releaseSize(cleanup)));
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      interrupted = true;
      if (cleanup.database) cleanup.database.keepAs = undefined;
      log(`bench:export: ${signal}, cleaning up`);
      void cleanUp().finally(() => process.exit(130));
    });

  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  const [{ version }] = (
    await admin.query<{ version: string }>("SELECT current_setting('server_version') AS version")
  ).rows;
  await admin.end();

  const results: SizeResult[] = [];
  for (const size of sizes) {
    try {
      results.push(
        await benchSize(
          size,
          args.database,
          {
            runs,
            warmup,
            formats,
            keep: args.keep,
            worker,
            workerPgOptions: args['worker-pg-options'],
          },
          cleanup,
        ),
      );
    } finally {
      await cleanUp();
    }
  }
  console.log(report(results, formats, runs, warmup, version, worker, args['worker-pg-options']));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (interrupted) process.exit(130);
    console.error(`bench:export failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
