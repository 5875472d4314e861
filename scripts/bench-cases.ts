// npm run bench:cases [-- --cases N --seconds S --rounds R --compare-sizes --statements --explain
// --keep --rls --profile]: the hot paths of the cases registry at scale, as ratios to the framework's empty
// request (issue 20's targets). Seeds synthetic cases with COPY into a fresh database of the local
// test server, then runs three processes: the built API (npm run build's dist, NODE_ENV=production
// with keys made for the run, the test Redis, the default log level, its output to /dev/null), a
// load process (scripts/bench/load-client.ts: 16 keep-alive HTTP connections, and the raw-pg phases
// on clients of its own) and this one, which only orchestrates. In each of R rounds (default 3) it
// runs every phase in turn, S seconds each (default 10) after a short warm-up: GET /health/live
// (16 connections), case creation with an Idempotency-Key, get one case, list a page of 50 (16
// connections, then 1), person search, the duplicate check of a person with an estimated age on
// raw pg, and /health/live alone; each HTTP phase with its raw-pg counterpart next to it (the
// statements the API sent, caught in its process). Prints each phase's median and spread (min–max)
// over the rounds, each ratio of the issue's targets (computed within a round) with met/missed,
// and the round trips per request, counted in the API's process by scripts/bench/count-queries.js
// (preloaded there: no production code); --statements lists them. It also runs each prepared read
// of those requests ten times on one connection and prints whether PostgreSQL keeps one generic
// plan for it or plans it anew every time (scripts/bench/plan-choices.ts). --compare-sizes seeds a second
// database with a tenth the cases and times the same duplicate check there too, every round (it
// must not grow with the data). --explain adds the EXPLAIN (ANALYZE, BUFFERS) of the captured
// statements; --profile profiles the API's CPU in every HTTP phase and prints where it went, by
// owner (scripts/bench/cpu-profile-summary.ts); --rls runs every phase with the case tables' row-level security policies on and off
// (alternating order) and prints the difference. Prints figures; not a test. The databases are
// dropped at the end, on failure and on Ctrl-C; --keep renames the main one instead (for psql).
// Since issue 20 the API no longer runs in this process, the phases repeat over rounds instead of
// running once each, and the readers are officers of the busiest posts (signed in again every
// round: an access token lives 15 minutes) instead of a supervisor.
import 'reflect-metadata';
import { formatAuditReport } from '@amparo/audit/format-audit-report';
import { verifyAuditChain } from '@amparo/audit/verify-audit-chain';
import { externalDataSourceOptions } from '@amparo/database';
import {
  TEST_ADMIN_DATABASE_URL,
  createDatabase,
  databaseUrl,
  deleteQueueKeys,
  dropDatabase,
  uniqueName,
  uniqueQueuePrefix,
} from '@amparo/testing';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  Answer,
  CapturedQuery,
  Measured,
  Phase,
  Step,
  Writer,
  findCaptured,
  runCaptured,
} from './bench/load-plan';
import { machine, median, spread, thousands } from './bench/figures';
import { PASSWORD, Post, connect, seedCases, seedDirectory } from './bench/seed-cases';
import { buildIfStale, builds } from './builds';
import { formatProfile } from './bench/cpu-profile-summary';
import { PlanChoice, planChoices } from './bench/plan-choices';
import { postJson, productionSecrets, startApiOn, stopApi } from './support/api-process';

const CONNECTIONS = 16;
/** Sequential requests over which the round trips per request are counted. */
const PROBE_REQUESTS = 20;
const PAGE = 50;
const ROOT = join(__dirname, '..');
const log = (line: string) => console.error(line);

// ---------------------------------------------------------------------------------------------
// The load process: one step a line in, one answer a line out

class LoadProcess {
  private readonly answers: AsyncIterator<string>;

  constructor(private readonly child: ChildProcess) {
    this.answers = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  }

  get pid(): number {
    return this.child.pid!;
  }

  static start(url: string, base: string): LoadProcess {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        './scripts/register-aliases.js',
        'scripts/bench/load-client.ts',
        url,
        base,
      ],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    return new LoadProcess(child);
  }

  async run(step: Step): Promise<Measured> {
    this.child.stdin!.write(`${JSON.stringify(step)}\n`);
    const { value, done } = await this.answers.next();
    if (done) throw new Error(`the load process exited (${this.child.exitCode})`);
    const answer = JSON.parse(value) as Answer;
    if ('error' in answer) throw new Error(`load process: ${answer.error}`);
    return answer.measured;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// What the API's process did: its CPU time, and the statements it sent (scripts/bench/count-queries.js)

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time (user + system) of a process so far, in ms, from /proc. */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** CPU time so far of each PostgreSQL process of the machine, by pid. */
function postgresCpuMs(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === 'postgres')
        byPid.set(Number(pid), cpuMsOf(Number(pid)));
    } catch {
      // the process ended while being read
    }
  }
  return byPid;
}

/**
 * The CPU PostgreSQL spent between two readings (the server runs here, and nothing but the bench
 * uses it meanwhile): a process started since counts whole; one that ended is not counted.
 */
function postgresCpuMsSince(before: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of postgresCpuMs()) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

/**
 * Profiles the API's process phase by phase (scripts/bench/cpu-profile.js, switched by SIGWINCH)
 * and keeps each profile as `<phase>-round<n>.cpuprofile`.
 */
class PhaseProfiler {
  private written = 0;
  private readonly byPhase = new Map<string, { files: string[]; requests: number }>();

  constructor(
    private readonly api: ChildProcess,
    private readonly dir: string,
  ) {}

  start(): void {
    this.api.kill('SIGWINCH');
  }

  async stop(phase: string, round: number, requests: number): Promise<void> {
    this.api.kill('SIGWINCH');
    const written = join(this.dir, `${++this.written}.cpuprofile`);
    const deadline = Date.now() + 30_000;
    while (!existsSync(written)) {
      if (Date.now() > deadline) throw new Error('the API wrote no CPU profile (cpu-profile.js)');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const named = join(this.dir, `${phase}-round${round + 1}.cpuprofile`);
    renameSync(written, named);
    const kept = this.byPhase.get(phase) ?? { files: [], requests: 0 };
    this.byPhase.set(phase, { files: [...kept.files, named], requests: kept.requests + requests });
  }

  summary(phase: string, label: string): string[] {
    const kept = this.byPhase.get(phase);
    return kept ? formatProfile(label, kept.files, kept.requests) : [];
  }
}

interface ProbeSnapshot {
  seq: number;
  count: number;
  trips: number;
  recent: CapturedQuery[];
}

class QueryProbe {
  private seq = 0;
  constructor(
    private readonly api: ChildProcess,
    readonly file: string,
  ) {}

  /** Asks the API's process (SIGUSR2) for its count and last statements, and waits for them. */
  async snapshot(): Promise<ProbeSnapshot> {
    const wanted = ++this.seq;
    this.api.kill('SIGUSR2');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (existsSync(this.file)) {
        const snapshot = JSON.parse(readFileSync(this.file, 'utf8')) as ProbeSnapshot;
        if (snapshot.seq === wanted) return snapshot;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the API did not answer the query probe (is count-queries.js preloaded?)');
  }

  /**
   * Runs `phase` for a few sequential requests (after a few unmeasured ones) and answers the
   * statements the API sent per request and those of the last requests.
   */
  async count(
    load: LoadProcess,
    phase: Phase,
  ): Promise<{ perRequest: number; statementsPerRequest: number; statements: CapturedQuery[] }> {
    await load.run({ phase, seconds: 60, maxOperations: 3 });
    const before = await this.snapshot();
    const { count } = await load.run({
      phase,
      seconds: 120,
      maxOperations: PROBE_REQUESTS,
    });
    const after = await this.snapshot();
    const sent = after.count - before.count;
    return {
      perRequest: (after.trips - before.trips) / count,
      statementsPerRequest: sent / count,
      statements: after.recent.slice(-sent),
    };
  }

  /** Statements the API sends on its own (timers, pollers) over `ms` with no request. */
  async idle(ms: number): Promise<CapturedQuery[]> {
    const before = await this.snapshot();
    await new Promise((resolve) => setTimeout(resolve, ms));
    const after = await this.snapshot();
    const sent = after.count - before.count;
    return sent ? after.recent.slice(-sent) : [];
  }
}

// ---------------------------------------------------------------------------------------------
// Figures over the rounds

interface Figures extends Measured {
  rate: number;
  /** CPU time of the API's process per request (HTTP phases). */
  apiCpuMsPerOp?: number;
  /** CPU of every PostgreSQL process, and of the load process, per request or statement. */
  postgresCpuMsPerOp: number;
  loadCpuMsPerOp: number;
}

const pad = (text: string, width: number) => text.padEnd(width);
const oneLine = (sql: string, length: number) => sql.replace(/\s+/g, ' ').trim().slice(0, length);

/**
 * The captured statement with the posts' and officers' ids of the big database replaced by those of
 * the same posts (by code) in the small one: both are seeded from the same directory.
 */
function inSmallDatabase(query: CapturedQuery, big: Post[], small: Post[]): CapturedQuery {
  let text = JSON.stringify(query);
  for (const post of big) {
    const twin = small.find(
      (p) => p.countryCode === post.countryCode && p.postCode === post.postCode,
    );
    if (!twin) continue;
    text = text.replaceAll(post.id, twin.id);
    post.officers.forEach(
      (officer, k) => (text = text.replaceAll(officer.id, twin.officers[k].id)),
    );
  }
  return JSON.parse(text) as CapturedQuery;
}

// ---------------------------------------------------------------------------------------------
// Row-level security on and off (--rls)

/** Switches the policies of the walled tables off (measuring) or back on. */
async function setRowSecurity(client: Client, on: boolean): Promise<void> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT relname AS table FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relforcerowsecurity`,
  );
  for (const { table } of rows)
    await client.query(`ALTER TABLE ${table} ${on ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`);
}

async function renameDatabase(name: string, to: string): Promise<void> {
  const admin = await connect(TEST_ADMIN_DATABASE_URL);
  try {
    await admin.query(`ALTER DATABASE ${name} RENAME TO ${to}`);
    console.error(`bench:cases: kept the database as ${to}: ${databaseUrl(to)}`);
  } finally {
    await admin.end();
  }
}

/** Signs an officer in through the API (officers may sign in with a password alone). */
async function signIn(base: string, email: string): Promise<string> {
  const { body } = await postJson(base, '/api/v1/auth/login', { email, password: PASSWORD });
  if (typeof body.accessToken !== 'string')
    throw new Error(`the sign-in of ${email} asked for more: ${JSON.stringify(body)}`);
  return body.accessToken;
}

// ---------------------------------------------------------------------------------------------

type Target = { at: 'least' | 'most'; target: number };
const atLeast = (target: number): Target => ({ at: 'least', target });
const atMost = (target: number): Target => ({ at: 'most', target });
const meets = (value: number, { at, target }: Target) =>
  at === 'least' ? value >= target : value <= target;
const targetText = ({ at, target }: Target) => `${at === 'least' ? '≥' : '≤'} ${target}`;

/** The issue's targets, each a ratio of two phases' figures in the same round. */
const RATIOS: [string, (f: Record<string, Figures>) => number, Target][] = [
  [
    'create (audit + Idempotency-Key) rate / health rate',
    (f) => f.create.rate / f.health.rate,
    atLeast(0.15),
  ],
  ['get one case rate / health rate', (f) => f.get.rate / f.health.rate, atLeast(0.6)],
  ['get one case p95 / health p95, under load', (f) => f.get.p95Ms / f.health.p95Ms, atMost(2)],
  ['list a page of 50 rate / health rate', (f) => f.list.rate / f.health.rate, atLeast(0.35)],
  ['list p95 / health p95, under load', (f) => f.list.p95Ms / f.health.p95Ms, atMost(3)],
  [
    'list alone p95 / health alone p95 (1 connection)',
    (f) => f.listAlone.p95Ms / f.healthAlone.p95Ms,
    atMost(15),
  ],
  ['duplicate check (estimated age), p50 ms on raw pg', (f) => f.duplicateCheck.p50Ms, atMost(5)],
];

/** Round trips per request: a read with its audit event in ≤ 2, a creation in ≤ 5. */
const ROUND_TRIP_TARGETS: Record<string, number> = { get: 2, list: 2, search: 2, create: 5 };

let interrupted = false;

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      seconds: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      explain: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      rls: { type: 'boolean', default: false },
      statements: { type: 'boolean', default: false },
      'compare-sizes': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
    },
  });
  const total = Number(args.cases);
  const seconds = Number(args.seconds);
  const rounds = Number(args.rounds);
  if (!Number.isInteger(total) || total < 10_000)
    throw new Error('--cases must be a whole number ≥ 10000 (every writing post needs cases)');
  if (!(seconds > 0 && seconds <= 300)) throw new Error('--seconds must be between 0 and 300');
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20)
    throw new Error('--rounds must be 1 to 20');
  const warmSeconds = Math.min(2, Math.max(0.5, seconds / 5));
  if (buildIfStale(builds.api, log) !== 0) throw new Error(`building ${builds.api.name} failed`);

  const name = uniqueName('amparo_test'); // a crashed run's database is dropped by the next e2e setup
  const smallName = args['compare-sizes'] ? uniqueName('amparo_test') : undefined;
  let smallCreated = false;
  const prefix = uniqueQueuePrefix();
  const keyDir = mkdtempSync(join(tmpdir(), 'amparo-bench-cases-'));
  // Kept after the run (unlike keyDir), for Chrome DevTools.
  const profileDir = args.profile
    ? mkdtempSync(join(tmpdir(), 'amparo-bench-cases-profiles-'))
    : undefined;
  let created = false;
  // Out of the test databases' name pattern, so the e2e setup does not drop it as stale.
  let kept = args.keep ? `amparo_bench_cases_${Date.now()}` : undefined;
  let api: ChildProcess | undefined;
  let load: LoadProcess | undefined;
  let bare: Client | undefined;
  // One clean-up however it is reached (end, failure, signal); every path waits for the same one.
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await load?.stop().catch(() => undefined);
      await bare?.end().catch(() => undefined);
      await stopApi(api).catch(() => undefined);
      await deleteQueueKeys(prefix).catch(() => undefined);
      if (created && kept) await renameDatabase(name, kept);
      else if (created) await dropDatabase(name);
      if (smallCreated) await dropDatabase(smallName!);
      rmSync(keyDir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      interrupted = true;
      kept = undefined;
      log(`bench:cases: ${signal}, dropping ${name}`);
      void cleanUp().finally(() => process.exit(130));
    });

  try {
    const started = performance.now();
    await createDatabase(name);
    created = true;
    const url = databaseUrl(name);
    log(`bench:cases: seeding ${thousands(total)} cases into ${name}`);
    const { posts } = await seedDirectory(url);
    const seededData = await seedCases(url, posts, total, log);
    const seedSeconds = (performance.now() - started) / 1000;
    let small: { url: string; posts: Post[]; persons: number } | undefined;
    if (smallName) {
      const smallTotal = Math.round(total / 10);
      log(`  --compare-sizes: seeding ${thousands(smallTotal)} cases into ${smallName}`);
      await createDatabase(smallName);
      smallCreated = true;
      const smallUrl = databaseUrl(smallName);
      const smallPosts = (await seedDirectory(smallUrl)).posts;
      const { rows } = await seedCases(smallUrl, smallPosts, smallTotal, log);
      small = { url: smallUrl, posts: smallPosts, persons: rows.persons };
    }
    log(`  seeded in ${seedSeconds.toFixed(0)} s; starting the API and the load process`);

    const probeFile = join(keyDir, 'queries.json');
    const running = await startApiOn(url, prefix, {
      ...productionSecrets(keyDir),
      NODE_OPTIONS: [
        `-r ${join(__dirname, 'bench/count-queries.js')}`,
        ...(profileDir ? [`-r ${join(__dirname, 'bench/cpu-profile.js')}`] : []),
      ].join(' '),
      BENCH_QUERY_PROBE_FILE: probeFile,
      ...(profileDir ? { BENCH_CPU_PROFILE_DIR: profileDir } : {}),
    });
    api = running.child;
    const profiler = profileDir ? new PhaseProfiler(api, profileDir) : undefined;
    const { base } = running;
    const probe = new QueryProbe(api, probeFile);
    load = LoadProcess.start(url, base);
    bare = await connect(url);

    const byLoad = [...posts].sort((a, b) => b.cases - a.cases);
    const busiest = byLoad[0];
    const writing = byLoad.slice(0, CONNECTIONS);
    const casePaths = new Map<Post, string[]>();
    for (const post of writing) {
      const { rows } = await bare.query<{ id: string }>(
        'SELECT id FROM cases WHERE consulate_id = $1 AND NOT restricted ORDER BY random() LIMIT 200',
        [post.id],
      );
      if (!rows.length) throw new Error(`post ${post.postCode} has no cases: seed more`);
      casePaths.set(
        post,
        rows.map((r) => `/api/v1/cases/${r.id}`),
      );
    }
    const typos = seededData.sampleNames.map((full, k) => {
      const plain = full.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      const at = 1 + (k % Math.max(1, plain.length - 2));
      const swapped = plain[at] === 'e' ? 'i' : 'e';
      return plain.slice(0, at) + swapped + plain.slice(at + 1);
    });
    const searchPaths = typos.map((q) => `/api/v1/persons?q=${encodeURIComponent(q)}`);
    const listPath = `/api/v1/cases?limit=${PAGE}`;

    // Fresh tokens every round: an access token lives 15 minutes at the most.
    const signInWriters = async (): Promise<Writer[]> =>
      Promise.all(
        writing.map(async (post) => ({
          post,
          officerId: post.officers[0].id,
          token: await signIn(base, post.officers[0].email),
        })),
      );
    let writers = await signInWriters();
    const first = await fetch(`${base}${listPath}`, {
      headers: { authorization: `Bearer ${writers[0].token}` },
    }).then((res) => res.json() as Promise<{ items?: unknown[] }>);
    if (first.items?.length !== PAGE)
      throw new Error(`GET ${listPath} gave no page of ${PAGE}: ${JSON.stringify(first)}`);

    const httpPhases = {
      health: () => ({
        kind: 'get' as const,
        lanes: writers.map(() => ({ paths: ['/health/live'] })),
      }),
      healthAlone: () => ({ kind: 'get' as const, lanes: [{ paths: ['/health/live'] }] }),
      create: (estimatedAge = false) => ({ kind: 'create' as const, writers, estimatedAge }),
      get: (lanes = CONNECTIONS) => ({
        kind: 'get' as const,
        lanes: writers
          .slice(0, lanes)
          .map((w) => ({ token: w.token, paths: casePaths.get(w.post)! })),
      }),
      list: (lanes = CONNECTIONS) => ({
        kind: 'get' as const,
        lanes: writers.slice(0, lanes).map((w) => ({ token: w.token, paths: [listPath] })),
      }),
      search: () => ({
        kind: 'get' as const,
        lanes: [{ token: writers[0].token, paths: searchPaths }],
      }),
    };

    // The statements each request sends, counted and caught in the API's process.
    log('  counting the round trips per request');
    const idle = await probe.idle(3000);
    const counted = {
      get: await probe.count(load, httpPhases.get(1)),
      list: await probe.count(load, httpPhases.list(1)),
      search: await probe.count(load, httpPhases.search()),
      create: await probe.count(load, {
        kind: 'create',
        writers: writers.slice(0, 1),
        estimatedAge: true,
      }),
    };
    const oneRequest = ({ statements, statementsPerRequest }: (typeof counted)['get']) =>
      statements.slice(-Math.round(statementsPerRequest));
    const plans: [string, PlanChoice[]][] = [];
    for (const [key, probed] of Object.entries(counted))
      plans.push([key, await planChoices(bare, oneRequest(probed))]);
    const captured = {
      get: findCaptured(counted.get.statements, /\bFROM cases c\b/, /\bc\.id = \$/),
      list: findCaptured(counted.list.statements, /\bFROM cases c\b/, /\bLIMIT\b/),
      search: findCaptured(counted.search.statements, /\bFROM persons p\b/),
      duplicateCheck: findCaptured(counted.create.statements, /\bsameDocument\b/),
    };

    type PhaseDef = { key: string; label: string; http: boolean; phase: () => Phase };
    const overHttp = (key: string, label: string, phase: () => Phase): PhaseDef => ({
      key,
      label,
      http: true,
      phase,
    });
    const onRawPg = (key: string, label: string, phase: Phase): PhaseDef => ({
      key,
      label,
      http: false,
      phase: () => phase,
    });
    const statement = (lanes: number, query: CapturedQuery, databaseUrl?: string): Phase => ({
      kind: 'raw-query',
      lanes,
      query,
      databaseUrl,
    });
    const phases: PhaseDef[] = [
      overHttp('health', `GET /health/live, ${CONNECTIONS} conn`, httpPhases.health),
      overHttp('create', `POST /api/v1/cases, ${CONNECTIONS} conn`, () => httpPhases.create()),
      // The writers' tokens change every round, not what the raw-pg phases read of them.
      onRawPg('rawCreate', '  raw pg: its transaction', { kind: 'raw-create', writers }),
      onRawPg('rawInserts', '  raw pg: its inserts alone', {
        kind: 'raw-create',
        writers,
        insertsOnly: true,
      }),
      overHttp('get', `GET /api/v1/cases/:id, ${CONNECTIONS} conn`, () => httpPhases.get()),
      onRawPg('rawGet', '  raw pg: the case query', statement(CONNECTIONS, captured.get)),
      overHttp('list', `GET ${listPath}, ${CONNECTIONS} conn`, () => httpPhases.list()),
      onRawPg('rawList', '  raw pg: the page query', statement(CONNECTIONS, captured.list)),
      overHttp('listAlone', '  the same, 1 conn', () => httpPhases.list(1)),
      onRawPg('rawListAlone', '  raw pg: the page query, 1 conn', statement(1, captured.list)),
      overHttp('search', 'GET /api/v1/persons?q=<typo>, 1 conn', httpPhases.search),
      onRawPg('rawSearch', '  raw pg: the search query', statement(1, captured.search)),
      onRawPg(
        'duplicateCheck',
        'duplicate check, raw pg, 1 conn',
        statement(1, captured.duplicateCheck),
      ),
      ...(small
        ? [
            onRawPg(
              'duplicateCheckSmall',
              `  the same at ${thousands(small.persons)} persons`,
              statement(1, inSmallDatabase(captured.duplicateCheck, posts, small.posts), small.url),
            ),
          ]
        : []),
      overHttp('healthAlone', 'GET /health/live, 1 conn', httpPhases.healthAlone),
    ];

    // The rounds: every phase in turn, so that a drift of the machine's load weighs on all alike.
    const variants: ('on' | 'off')[] = args.rls ? ['on', 'off'] : ['on'];
    const figures: Record<'on' | 'off', Record<string, Figures>[]> = { on: [], off: [] };
    for (let round = 0; round < rounds; round++) {
      log(`  round ${round + 1} of ${rounds}`);
      if (round > 0) writers = await signInWriters();
      for (const v of variants) figures[v].push({});
      for (const def of phases)
        for (const v of round % 2 ? [...variants].reverse() : variants) {
          if (args.rls) await setRowSecurity(bare, v === 'on');
          const phase = def.phase();
          await load.run({ phase, seconds: warmSeconds });
          if (def.http) profiler?.start();
          const cpuBefore = cpuMsOf(api.pid!);
          const [postgresBefore, loadBefore] = [postgresCpuMs(), cpuMsOf(load.pid)];
          const measured = await load.run({ phase, seconds });
          const apiCpuMs = cpuMsOf(api.pid!) - cpuBefore;
          const postgresCpuMsPerOp = postgresCpuMsSince(postgresBefore) / measured.count;
          const loadCpuMsPerOp = (cpuMsOf(load.pid) - loadBefore) / measured.count;
          if (def.http) await profiler?.stop(def.key, round, measured.count);
          figures[v][round][def.key] = {
            ...measured,
            rate: measured.count / measured.seconds,
            apiCpuMsPerOp: def.http ? apiCpuMs / measured.count : undefined,
            postgresCpuMsPerOp,
            loadCpuMsPerOp,
          };
        }
      if (args.rls) await setRowSecurity(bare, true);
    }

    // The report
    const of = (key: string, pick: (f: Figures) => number, v: 'on' | 'off' = 'on') =>
      figures[v].map((round) => pick(round[key]));
    const [{ version }] = (
      await bare.query<{ version: string }>("SELECT current_setting('server_version') AS version")
    ).rows;
    const { rows } = seededData;
    const t = seededData.timings;
    const sizeRatio: typeof RATIOS = small
      ? [
          [
            `duplicate check at ${thousands(rows.persons)} / at ${thousands(small.persons)} persons`,
            (f) => f.duplicateCheck.p50Ms / f.duplicateCheckSmall.p50Ms,
            atMost(2),
          ],
        ]
      : [];
    const lines = [
      `bench:cases on ${machine()}; PostgreSQL ${version}; Node ${process.version}`,
      `data: ${thousands(rows.cases)} cases, ${thousands(rows.persons)} persons, ${thousands(rows.person_documents)} documents, ${thousands(rows.case_persons)} case persons, ${thousands(rows.consular_actions)} actions; ${posts.length} posts`,
      `seeding: ${seedSeconds.toFixed(0)} s (COPY ${t.copy.toFixed(0)} s, indexes ${t.indexes.toFixed(0)} s, VACUUM ANALYZE ${t.vacuum.toFixed(0)} s)`,
      `API: the build in its own process (NODE_ENV=production, LOG_LEVEL ${process.env.LOG_LEVEL ?? 'info'} to /dev/null, DATABASE_POOL_SIZE ${process.env.DATABASE_POOL_SIZE ?? '10'}); load: its own process, keep-alive node:http; writers and readers: officers of the ${CONNECTIONS} busiest posts`,
      `${rounds} round${rounds === 1 ? '' : 's'} of every phase in turn, ${seconds} s each after a ${warmSeconds} s warm-up; median (min–max) over the rounds`,
      '',
      `${pad('phase', 38)}${pad('rate /s', 26)}${pad('p50 ms', 22)}${pad('p95 ms', 22)}${pad('API CPU ms/req', 22)}${pad('PostgreSQL CPU', 22)}load CPU`,
      ...phases.map((def) => {
        const column = (pick: (f: Figures) => number, digits: number, width: number) =>
          pad(spread(of(def.key, pick), digits), width);
        return (
          pad(def.label, 38) +
          column((f) => f.rate, 1, 26) +
          column((f) => f.p50Ms, 1, 22) +
          column((f) => f.p95Ms, 1, 22) +
          (def.http ? column((f) => f.apiCpuMsPerOp!, 2, 22) : pad('', 22)) +
          column((f) => f.postgresCpuMsPerOp, 2, 22) +
          spread(
            of(def.key, (f) => f.loadCpuMsPerOp),
            2,
          )
        );
      }),
      `  (CPU in ms per request or statement, from /proc: the API's process, every PostgreSQL process, the load process; ${cpus().length} cores share them)`,
      '',
      `${pad('ratio (each round its own; median (min–max))', 56)}${pad('now', 26)}target`,
      ...[...RATIOS, ...sizeRatio].map(([label, of, target]) => {
        const values = figures.on.map(of);
        return `${pad(label, 56)}${pad(spread(values, 2), 26)}${targetText(target)}: ${meets(median(values), target) ? 'met' : 'missed'}`;
      }),
      ...(small
        ? []
        : [
            `  duplicate check at ${thousands(rows.persons)} persons: --compare-sizes compares it with a tenth the cases (target ≤ 2 ×)`,
          ]),
      `${pad('HTTP / raw pg (for comparison)', 56)}`,
      `${pad('  create rate / its transaction rate', 56)}${spread(
        figures.on.map((f) => f.create.rate / f.rawCreate.rate),
        2,
      )}`,
      `${pad('  get rate / the case query rate', 56)}${spread(
        figures.on.map((f) => f.get.rate / f.rawGet.rate),
        2,
      )}`,
      `${pad('  list rate / the page query rate', 56)}${spread(
        figures.on.map((f) => f.list.rate / f.rawList.rate),
        2,
      )}`,
      '',
      `round trips per request (and pg statements: those a pipelining connection sends while an earlier one awaits its answer share its round trip), counted in the API's process over ${PROBE_REQUESTS} sequential requests after 3 unmeasured:`,
      `  (with no request, the API sent ${idle.length} statements in 3 s${idle.length ? `: ${[...new Set(idle.map((q) => oneLine(q.text, 60)))].join('; ')}` : ''})`,
      ...Object.entries(counted).map(([key, { perRequest, statementsPerRequest }]) => {
        const target = atMost(ROUND_TRIP_TARGETS[key]);
        const label = {
          get: 'get one case (with its audit event)',
          list: `list a page of ${PAGE} (with its audit event)`,
          search: 'person search (with its audit event)',
          create: 'create, one person with an estimated age, Idempotency-Key',
        }[key]!;
        return `  ${pad(label, 60)}${pad(perRequest.toFixed(1), 6)}${pad(`(${statementsPerRequest.toFixed(1)})`, 8)}target ${targetText(target)}: ${meets(perRequest, target) ? 'met' : 'missed'}`;
      }),
    ];
    lines.push(
      '',
      'plans of the prepared reads of one request (each run 10 times on one connection, in its wall): PostgreSQL keeps one generic plan, or plans the statement (and its policies) anew every time:',
      ...plans.map(([key, choices]) => {
        const anew = choices.filter((c) => !c.generic);
        return `  ${pad(key, 10)}${choices.length - anew.length} of ${choices.length} generic${anew.length ? `; planned anew: ${anew.map((c) => oneLine(c.text, 90)).join(' | ')}` : ''}`;
      }),
    );
    if (args.statements)
      for (const [key, probed] of Object.entries(counted))
        lines.push(
          '',
          `the statements of one request, ${key}:`,
          ...oneRequest(probed).map((q) => `  ${oneLine(q.text, 150)}`),
        );
    if (profiler)
      lines.push(
        '',
        `where the API's CPU went (--profile: V8's samples every 200 µs, self time by owner; the profiler slows the API, so the figures above are lower than without it). The profiles, for Chrome DevTools: ${profileDir}`,
        ...phases
          .filter((def) => def.http)
          .flatMap((def) => ['', ...profiler.summary(def.key, def.label)]),
      );
    if (args.rls) {
      const change = (on: number, off: number) =>
        `${on >= off ? '+' : ''}${(((on - off) / off) * 100).toFixed(1)} %`;
      lines.push(
        '',
        "row-level security (second wall), the application's filters kept; policies on and off in alternating order:",
        ...phases.map((def) => {
          const p50 = (v: 'on' | 'off') => median(of(def.key, (f) => f.p50Ms, v));
          const rate = (v: 'on' | 'off') => median(of(def.key, (f) => f.rate, v));
          return `  ${pad(def.label, 38)}p50 ${p50('on').toFixed(2)} ms with, ${p50('off').toFixed(2)} ms without (${change(p50('on'), p50('off'))}); rate ${change(rate('on'), rate('off'))}`;
        }),
      );
    }
    const auditSource = new DataSource({ ...externalDataSourceOptions(url, 1), logging: false });
    await auditSource.initialize();
    try {
      lines.push(...formatAuditReport(await verifyAuditChain(auditSource)).lines);
    } finally {
      await auditSource.destroy();
    }
    console.log(lines.join('\n'));

    if (args.explain)
      for (const [label, query] of [
        ['case query (get one case)', captured.get],
        [`list page query, officer of ${busiest.postCode}`, captured.list],
        ['person search query', captured.search],
        ['duplicate check of a new person with an estimated age', captured.duplicateCheck],
      ] as const) {
        const plan = await runCaptured(bare, query, 'EXPLAIN (ANALYZE, BUFFERS) ');
        const settings = query.settings?.length
          ? `\n(in a transaction after: ${query.settings.map((q) => `${q.text.trim()} ${JSON.stringify(q.values)}`).join('; ')})`
          : '';
        console.log(`\nEXPLAIN (ANALYZE, BUFFERS): ${label}\n${query.text.trim()}${settings}\n`);
        console.log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
      }
    return 0;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (interrupted) process.exit(130); // the signal handler is dropping the database
    console.error(`bench:cases failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
