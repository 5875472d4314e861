// npm run bench:cases [-- --cases N --seconds S --explain --keep --rls]: the cases registry at scale.
// Seeds synthetic cases with COPY into a fresh database of the local test server, boots the real API
// on a loopback port and prints (a) case creation over HTTP against the same insert transaction in
// raw pg, (b) list latency against the bare SQL of its page query, (c) person search latency; with
// --explain, the EXPLAIN (ANALYZE, BUFFERS) of those queries; with --rls, (a) to (c) and the bare
// queries with the case tables' row-level security policies on and off (alternating slices), and
// the bare queries alone, outside the wall's transaction, to show what the second wall costs. Prints figures; not a test. The
// database is dropped at the end, on failure and on Ctrl-C; --keep renames it instead (for psql).
import 'reflect-metadata';
import { formatAuditReport } from '@amparo/audit/format-audit-report';
import { verifyAuditChain } from '@amparo/audit/verify-audit-chain';
import { AuditService } from '@amparo/audit';
import {
  CaseAccess,
  CaseCategory,
  PersonsService,
  RiskLevel,
  VulnerabilityFlag,
  registerCase,
} from '@amparo/cases';
import { loadConfig } from '@amparo/core';
import { Caller, ScopeService } from '@amparo/identity';
import {
  TEST_ADMIN_DATABASE_URL,
  createDatabase,
  databaseUrl,
  dropDatabase,
  uniqueName,
} from '@amparo/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { generate } from 'otplib';
import { Client, QueryConfig } from 'pg';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { createApiApp } from '../apps/api/src/create-api-app';
import {
  CATEGORY_WEIGHTS,
  PASSWORD,
  Post,
  SUMMARIES,
  Synth,
  SynthPerson,
  connect,
  seedCases,
  seedDirectory,
  seeded,
  synthPerson,
} from './bench/seed-cases';

const CLIENTS = 16;
const MAX_OPERATIONS = 1_000_000;
const TARGETS = { ratio: 0.5, listP95Ms: 20, searchP95Ms: 50 };

// ---------------------------------------------------------------------------------------------
// Measuring

interface Run {
  count: number;
  seconds: number;
  latenciesMs: number[];
  /** CPU time of this Node process (the clients and the API together) per operation. */
  cpuMsPerOp: number;
  /** How late the event loop ran timers, 99th percentile. */
  loopDelayP99Ms: number;
}

/** Runs `operation` on `lanes` concurrent lanes until the time (or the count) is used up. */
async function measure(
  seconds: number,
  lanes: number,
  operation: (lane: number) => Promise<void>,
): Promise<Run> {
  const latenciesMs: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let started = 0;
  const lane = async (k: number) => {
    while (performance.now() < deadline && started++ < MAX_OPERATIONS) {
      const began = performance.now();
      await operation(k);
      latenciesMs.push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: lanes }, (_, k) => lane(k)));
  loop.disable();
  const used = process.cpuUsage(cpu);
  return {
    count: latenciesMs.length,
    seconds: (performance.now() - start) / 1000,
    latenciesMs,
    cpuMsPerOp: (used.user + used.system) / 1000 / Math.max(1, latenciesMs.length),
    loopDelayP99Ms: loop.percentile(99) / 1e6,
  };
}

/** A short unmeasured run first, then the measured one. */
async function warmThenMeasure(
  seconds: number,
  lanes: number,
  operation: (lane: number) => Promise<void>,
): Promise<Run> {
  await measure(Math.min(3, Math.max(1, seconds / 5)), lanes, operation);
  return measure(seconds, lanes, operation);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const latencies = (run: Run) =>
  `p50 ${ms(percentile(run.latenciesMs, 50))}, p95 ${ms(percentile(run.latenciesMs, 95))} (${run.count} in ${run.seconds.toFixed(1)} s)`;
const nodeLoad = (run: Run) =>
  `Node CPU ${ms(run.cpuMsPerOp)}/op, event-loop delay p99 ${ms(run.loopDelayP99Ms)}`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
const thousands = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// The API, over loopback HTTP

interface Api {
  base: string;
  call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
}

function apiAt(port: number): Api {
  const base = `http://127.0.0.1:${port}/api/v1`;
  return {
    base,
    async call(method, path, token, body) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : {} };
    },
  };
}

/** Signs in through the API, enrolling MFA when the role requires it (as test/utils/identity.ts). */
async function signIn(api: Api, email: string): Promise<string> {
  const login = await api.call('POST', '/auth/login', undefined, { email, password: PASSWORD });
  if (login.status !== 200)
    throw new Error(`login of ${email} failed: ${login.status} ${JSON.stringify(login.body)}`);
  let tokens = login.body;
  if (login.body.mfaEnrolmentRequired) {
    const challengeToken = login.body.challengeToken;
    const enrol = await api.call('POST', '/auth/mfa/enrol', undefined, { challengeToken });
    const code = await generate({ secret: enrol.body.secret as string });
    tokens = (await api.call('POST', '/auth/mfa/confirm', undefined, { challengeToken, code }))
      .body;
  }
  if (typeof tokens.accessToken !== 'string')
    throw new Error(`sign-in of ${email} gave no tokens: ${JSON.stringify(tokens)}`);
  return tokens.accessToken;
}

interface NewCaseBody {
  consulateId: string;
  primaryCategory: CaseCategory;
  vulnerabilityFlags: VulnerabilityFlag[];
  riskLevel: RiskLevel;
  eventCountryCode: string;
  eventCity: string;
  summary: string;
  persons: {
    role: 'primary' | 'involved';
    relationship?: string;
    person: {
      givenNames: string;
      familyNames: string;
      dateOfBirth?: string;
      estimatedAge?: number;
      sex: SynthPerson['sex'];
      nationalityCode: string;
      documents?: { type: 'passport'; number: string; issuingCountryCode: string }[];
    };
  }[];
}

function newCaseBody(s: Synth, post: Post): NewCaseBody {
  const person = (p: SynthPerson) => ({
    givenNames: p.givenNames,
    familyNames: p.familyNames,
    ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : { estimatedAge: p.estimatedAge! }),
    sex: p.sex,
    nationalityCode: post.countryCode,
    ...(p.passport
      ? {
          documents: [
            { type: 'passport' as const, number: p.passport, issuingCountryCode: post.countryCode },
          ],
        }
      : {}),
  });
  const now = Date.now();
  const persons: NewCaseBody['persons'] = [
    { role: 'primary', person: person(synthPerson(s, now)) },
  ];
  if (s.chance(0.2))
    persons.push({ role: 'involved', relationship: 'madre', person: person(synthPerson(s, now)) });
  const category = s.weighted(CATEGORY_WEIGHTS.filter(([c]) => c !== 'asylum'));
  return {
    consulateId: post.id,
    primaryCategory: category,
    vulnerabilityFlags: s.chance(0.5) ? ['detained'] : [],
    riskLevel: s.pick(['low', 'medium', 'high']),
    eventCountryCode: post.hostCountryCode,
    eventCity: post.city,
    summary: s.pick(SUMMARIES),
    persons,
  };
}

/**
 * CaseRegistrationService.create's transaction on a raw pg client: registerCase, the function the service
 * runs in its transaction (duplicate check, person inserts, the case, the audit event), given a
 * 3-line EntityManager over the client instead of TypeORM's, without Nest, the HTTP layer, access
 * checks and validation (which come before the transaction). The baseline of the creation ratio.
 */
async function createCaseTransactionRaw(
  client: Client,
  body: NewCaseBody,
  post: Post,
  officerId: string,
): Promise<void> {
  const manager = {
    query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
  } as unknown as EntityManager;
  await client.query('BEGIN');
  try {
    await registerCase(manager, RAW_SERVICES, {
      post,
      caller: officerCaller(officerId, post),
      input: body,
      now: new Date(),
    });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The officer of the post, with what registerCase reads of a caller (the duplicate check's scope). */
function officerCaller(userId: string, post: Post): Caller {
  return {
    userId,
    roles: ['officer'],
    grants: [{ role: 'officer', consulateId: post.id, countryCode: post.countryCode }],
  } as Partial<Caller> as Caller;
}

/** The services registerCase calls; given a manager, they use nothing else. */
const RAW_SERVICES = {
  persons: new PersonsService(
    new CaseAccess(new ScopeService(), undefined as unknown as DataSource),
  ),
  audit: new AuditService(undefined as unknown as DataSource),
};

/**
 * Only the inserts of a creation, as raw pg statements one by one (persons, documents, the post's
 * reference counter, the case, its persons, the audit event): no duplicate check. Printed for
 * comparison with earlier figures; the ratio's baseline is createCaseTransactionRaw.
 */
async function insertCaseRaw(
  client: Client,
  body: NewCaseBody,
  post: Post,
  officerId: string,
): Promise<void> {
  const now = new Date();
  await client.query('BEGIN');
  try {
    const links: { id: string; role: string; relationship: string | null }[] = [];
    for (const link of body.persons) {
      const p = link.person;
      const {
        rows: [{ id }],
      } = await client.query<{ id: string }>(
        `INSERT INTO persons (country_code, given_names, family_names, other_names, date_of_birth, estimated_age,
                              estimated_age_on, sex, gender_identity, nationality_code, origin_subdivision_code,
                              origin_municipality, languages, indigenous_people, indigenous_language, phone, email,
                              address_abroad)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
        [
          post.countryCode,
          p.givenNames.trim(),
          p.familyNames.trim(),
          [],
          p.dateOfBirth ?? null,
          p.estimatedAge ?? null,
          p.estimatedAge != null ? now.toISOString().slice(0, 10) : null,
          p.sex,
          null,
          p.nationalityCode,
          null,
          null,
          [],
          null,
          null,
          null,
          null,
          null,
        ],
      );
      for (const doc of p.documents ?? []) {
        await client.query(
          `INSERT INTO person_documents (person_id, type, number, issuing_country_code) VALUES ($1, $2, $3, $4)`,
          [id, doc.type, doc.number.trim(), doc.issuingCountryCode],
        );
      }
      links.push({ id, role: link.role, relationship: link.relationship ?? null });
    }
    const year = now.getUTCFullYear();
    const {
      rows: [{ sequence }],
    } = await client.query<{ sequence: number }>(
      `INSERT INTO case_reference_counters (consulate_id, year, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (consulate_id, year) DO UPDATE SET last_sequence = case_reference_counters.last_sequence + 1
       RETURNING last_sequence AS sequence`,
      [post.id, year],
    );
    const reference = `${post.countryCode}-${post.postCode}-${year}-${String(sequence).padStart(6, '0')}`;
    const {
      rows: [{ id: caseId }],
    } = await client.query<{ id: string }>(
      `INSERT INTO cases (reference, consulate_id, country_code, primary_category, secondary_categories,
                          vulnerability_flags, risk_level, assigned_officer_id, primary_person_id, event_country_code,
                          event_subdivision_code, event_city, opened_at, summary, consent, restricted, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [
        reference,
        post.id,
        post.countryCode,
        body.primaryCategory,
        [],
        body.vulnerabilityFlags,
        body.riskLevel,
        officerId,
        links.find((l) => l.role === 'primary')!.id,
        body.eventCountryCode,
        null,
        body.eventCity,
        now,
        body.summary,
        JSON.stringify({}),
        false,
        officerId,
      ],
    );
    for (const l of links) {
      await client.query(
        `INSERT INTO case_persons (case_id, person_id, role, relationship) VALUES ($1, $2, $3, $4)`,
        [caseId, l.id, l.role, l.relationship],
      );
    }
    await client.query(
      `INSERT INTO audit_events
         (actor_user_id, actor_roles, consulate_id, country_code, action, resource_type, resource_id,
          outcome, request_id, ip, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        officerId,
        ['officer'],
        post.id,
        post.countryCode,
        'case.create',
        'case',
        caseId,
        'success',
        null,
        null,
        JSON.stringify({
          persons: { created: body.persons.length, linked: 0 },
          possibleDuplicates: 0,
        }),
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

interface CapturedQuery {
  text: string;
  values: unknown[];
  /** set_config() statements the app ran before it in the same request (its transaction). */
  settings?: CapturedQuery[];
}

/** The first captured statement matching all `patterns`, with the settings made before it. */
function findCaptured(queries: CapturedQuery[], ...patterns: RegExp[]): CapturedQuery {
  const at = queries.findIndex((q) => patterns.every((p) => p.test(q.text)));
  if (at < 0) throw new Error(`no captured statement matches ${patterns.join(' ')}`);
  // Only those of its own transaction: a request may run several (the wall's, one per step).
  const begun = queries
    .slice(0, at)
    .findLastIndex((q) => /^\s*(START TRANSACTION|BEGIN)\b/i.test(q.text));
  const settings = queries.slice(begun + 1, at).filter((q) => /\bset_config\(/.test(q.text));
  return { ...queries[at], settings };
}

/** Runs a captured statement as the app did: in a transaction after its settings, if any. */
async function runCaptured(client: Client, query: CapturedQuery, prefix = '') {
  if (!query.settings?.length) return client.query(prefix + query.text, query.values);
  await client.query('BEGIN');
  try {
    for (const setting of query.settings) await client.query(setting.text, setting.values);
    return await client.query(prefix + query.text, query.values);
  } finally {
    await client.query('COMMIT');
  }
}

/**
 * The SQL statements the app sends while `run` runs, caught at the pg driver (which TypeORM uses),
 * so the bare-SQL figures time exactly what the service runs.
 */
async function captureQueries(run: () => Promise<void>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: Client, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string')
      captured.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof (first as QueryConfig).text === 'string')
      captured.push({
        text: (first as QueryConfig).text,
        values: (first as QueryConfig).values ?? [],
      });
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    proto.query = original;
  }
  return captured;
}

/**
 * `operation` with the walled tables' policies on and off, in alternating slices of a second or so,
 * so that the load of the machine, which drifts, weighs on both alike.
 */
async function withAndWithoutPolicies(
  client: Client,
  seconds: number,
  lanes: number,
  operation: (lane: number) => Promise<void>,
): Promise<{ on: Run; off: Run }> {
  const slices = Math.max(2, Math.round(seconds));
  const runs: Record<'on' | 'off', Run[]> = { on: [], off: [] };
  await measure(Math.min(3, Math.max(1, seconds / 5)), lanes, operation);
  try {
    for (let k = 0; k < slices; k++)
      for (const on of k % 2 ? [false, true] : [true, false]) {
        await setRowSecurity(client, on);
        runs[on ? 'on' : 'off'].push(await measure(seconds / slices, lanes, operation));
      }
  } finally {
    await setRowSecurity(client, true);
  }
  const merge = (parts: Run[]): Run => ({
    count: parts.reduce((n, r) => n + r.count, 0),
    seconds: parts.reduce((n, r) => n + r.seconds, 0),
    latenciesMs: parts.flatMap((r) => r.latenciesMs),
    cpuMsPerOp:
      parts.reduce((n, r) => n + r.cpuMsPerOp * r.count, 0) /
      Math.max(
        1,
        parts.reduce((n, r) => n + r.count, 0),
      ),
    loopDelayP99Ms: Math.max(...parts.map((r) => r.loopDelayP99Ms)),
  });
  return { on: merge(runs.on), off: merge(runs.off) };
}

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

function machine(): string {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  return `${model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`;
}

// ---------------------------------------------------------------------------------------------

let interrupted = false;

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      seconds: { type: 'string', default: '15' },
      explain: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      rls: { type: 'boolean', default: false },
    },
  });
  const total = Number(args.cases);
  const seconds = Number(args.seconds);
  if (!Number.isInteger(total) || total < 1000)
    throw new Error('--cases must be a whole number ≥ 1000');
  if (!(seconds > 0 && seconds <= 300)) throw new Error('--seconds must be between 0 and 300');
  const log = (line: string) => console.error(line);

  const name = uniqueName('amparo_test'); // a crashed run's database is dropped by the next e2e setup
  let app: NestExpressApplication | undefined;
  let created = false;
  // Out of the test databases' name pattern, so the e2e setup does not drop it as stale.
  let kept = args.keep ? `amparo_bench_cases_${Date.now()}` : undefined;
  const clients: Client[] = [];
  // One clean-up however it is reached (end, failure, signal); every path waits for the same one.
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await app?.close().catch(() => undefined);
      if (created && kept) await renameDatabase(name, kept);
      else if (created) await dropDatabase(name);
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
    const { posts, supervisors } = await seedDirectory(url);
    const seededData = await seedCases(url, posts, total, log);
    const seedSeconds = (performance.now() - started) / 1000;
    log(`  seeded in ${seedSeconds.toFixed(0)} s; booting the API`);

    app = await createApiApp(
      loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: url }),
    );
    await app.listen(0, '127.0.0.1');
    const api = apiAt((app.getHttpServer().address() as AddressInfo).port);
    const appDataSource = app.get(DataSource);
    const poolSize = (appDataSource.options as { poolSize?: number }).poolSize;

    const byLoad = [...posts].sort((a, b) => b.cases - a.cases);
    const busiest = byLoad[0];
    const country = busiest.countryCode;
    const countryPosts = posts.filter((p) => p.countryCode === country);
    const countryCases = countryPosts.reduce((sum, p) => sum + p.cases, 0);
    const writers = byLoad.slice(0, CLIENTS).map((post) => ({ post, officer: post.officers[0] }));
    const writerTokens = await Promise.all(writers.map((w) => signIn(api, w.officer.email)));
    const officerToken = await signIn(api, busiest.officers[1].email);
    const supervisorToken = await signIn(api, supervisors.get(country)!.email);

    // (a) creation: HTTP against raw pg, 16 clients each, the same posts and officers.
    log('  (a) creating cases over HTTP');
    const s = new Synth(seeded(7));
    const createOverHttp = async (k: number) => {
      const res = await api.call(
        'POST',
        '/cases',
        writerTokens[k],
        newCaseBody(s, writers[k].post),
      );
      if (res.status !== 201)
        throw new Error(`POST /cases: ${res.status} ${JSON.stringify(res.body)}`);
    };
    const httpCreate = await warmThenMeasure(seconds, CLIENTS, createOverHttp);
    log('  (a) creating cases with raw pg: the same transaction');
    for (let k = 0; k < CLIENTS; k++) clients.push(await connect(url));
    const rawCreate = await warmThenMeasure(seconds, CLIENTS, (k) =>
      createCaseTransactionRaw(
        clients[k],
        newCaseBody(s, writers[k].post),
        writers[k].post,
        writers[k].officer.id,
      ),
    );
    log('  (a) creating cases with raw pg: inserts only');
    const rawInserts = await warmThenMeasure(seconds, CLIENTS, (k) =>
      insertCaseRaw(
        clients[k],
        newCaseBody(s, writers[k].post),
        writers[k].post,
        writers[k].officer.id,
      ),
    );

    // (b) the first page of the default list, sequentially, and the bare SQL of its page query.
    const bare = clients[0];
    const listPath = '/cases?limit=50';
    const list = async (token: string) => {
      const res = await api.call('GET', listPath, token);
      if (res.status !== 200 || !Array.isArray(res.body.items) || res.body.items.length !== 50)
        throw new Error(`GET ${listPath}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    };
    const pageQueryOf = async (token: string) =>
      findCaptured(await captureQueries(() => list(token)), /\bFROM cases c\b/, /\bLIMIT\b/);
    log('  (b) listing cases');
    const officerPage = await pageQueryOf(officerToken);
    const supervisorPage = await pageQueryOf(supervisorToken);
    const listOfficer = await warmThenMeasure(seconds, 1, () => list(officerToken));
    const listSupervisor = await warmThenMeasure(seconds, 1, () => list(supervisorToken));
    const bareOfficer = await warmThenMeasure(seconds, 1, async () => {
      await runCaptured(bare, officerPage);
    });
    const bareSupervisor = await warmThenMeasure(seconds, 1, async () => {
      await runCaptured(bare, supervisorPage);
    });

    // (c) search by a seeded name with a typo (one letter changed, accents dropped), as supervisor.
    log('  (c) searching persons');
    const typos = seededData.sampleNames.map((full, k) => {
      const plain = full.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      const at = 1 + (k % Math.max(1, plain.length - 2));
      const swapped = plain[at] === 'e' ? 'i' : 'e';
      return plain.slice(0, at) + swapped + plain.slice(at + 1);
    });
    let searches = 0;
    const search = async () => {
      const q = typos[searches++ % typos.length];
      const res = await api.call('GET', `/persons?q=${encodeURIComponent(q)}`, supervisorToken);
      if (res.status !== 200)
        throw new Error(`GET /persons: ${res.status} ${JSON.stringify(res.body)}`);
    };
    const searchQuery = findCaptured(await captureQueries(search), /\bFROM persons p\b/);
    const searchRun = await warmThenMeasure(seconds, 1, search);
    const bareSearch = await warmThenMeasure(seconds, 1, async () => {
      await runCaptured(bare, searchQuery);
    });
    const found = await api.call(
      'GET',
      `/persons?q=${encodeURIComponent(typos[0])}`,
      supervisorToken,
    );
    const foundNames = (found.body.items as { givenNames?: string; familyNames?: string }[]).map(
      (p) => `${p.givenNames ?? ''} ${p.familyNames ?? ''}`.trim(),
    );

    const audit = formatAuditReport(await verifyAuditChain(appDataSource));
    const [{ version }] = (
      await bare.query<{ version: string }>("SELECT current_setting('server_version') AS version")
    ).rows;
    const httpRate = httpCreate.count / httpCreate.seconds;
    const rawRate = rawCreate.count / rawCreate.seconds;
    const ratio = httpRate / rawRate;
    const insertsRate = rawInserts.count / rawInserts.seconds;
    const p95 = (run: Run) => percentile(run.latenciesMs, 95);
    const met = {
      ratio: ratio >= TARGETS.ratio,
      listOfficer: p95(listOfficer) <= TARGETS.listP95Ms,
      listSupervisor: p95(listSupervisor) <= TARGETS.listP95Ms,
      search: p95(searchRun) <= TARGETS.searchP95Ms,
    };
    const { rows } = seededData;
    const t = seededData.timings;
    console.log(
      [
        `bench:cases on ${machine()}; PostgreSQL ${version}`,
        `data: ${thousands(rows.cases)} cases, ${thousands(rows.persons)} persons, ${thousands(rows.person_documents)} documents, ${thousands(rows.case_persons)} case persons, ${thousands(rows.consular_actions)} actions; ${posts.length} posts of ${supervisors.size} countries`,
        `seeding: ${seedSeconds.toFixed(0)} s (COPY ${t.copy.toFixed(0)} s, indexes ${t.indexes.toFixed(0)} s, VACUUM ANALYZE ${t.vacuum.toFixed(0)} s); each timed phase ${seconds} s after a warm-up`,
        `(a) case creation, ${CLIENTS} concurrent clients at the ${CLIENTS} busiest posts (API pool ${poolSize}):`,
        `    HTTP POST /api/v1/cases:  ${httpRate.toFixed(1)}/s, ${latencies(httpCreate)}; ${nodeLoad(httpCreate)}`,
        `    raw pg, the same transaction (duplicate check, inserts, audit; the service's SQL):`,
        `                              ${rawRate.toFixed(1)}/s, ${latencies(rawCreate)}; ${nodeLoad(rawCreate)}`,
        `    ratio HTTP/raw:           ${ratio.toFixed(2)} (target ≥ ${TARGETS.ratio}: ${verdict(met.ratio)})`,
        `    raw pg, inserts only (no duplicate check), for comparison:`,
        `                              ${insertsRate.toFixed(1)}/s, ${latencies(rawInserts)}; HTTP/inserts only ${(httpRate / insertsRate).toFixed(2)}`,
        `(b) GET /api/v1${listPath} (default sort -openedAt), one client:`,
        `    officer of ${busiest.countryCode}-${busiest.postCode} (${thousands(busiest.cases)} seeded cases): ${latencies(listOfficer)} (target p95 ≤ ${TARGETS.listP95Ms} ms: ${verdict(met.listOfficer)})`,
        `      bare SQL of its page query: ${latencies(bareOfficer)}`,
        `    supervisor of ${country} (${countryPosts.length} posts, ${thousands(countryCases)} seeded cases): ${latencies(listSupervisor)} (target p95 ≤ ${TARGETS.listP95Ms} ms: ${verdict(met.listSupervisor)})`,
        `      bare SQL of its page query: ${latencies(bareSupervisor)}`,
        `(c) GET /api/v1/persons?q=<seeded name with a typo> as supervisor of ${country}, one client:`,
        `    ${latencies(searchRun)} (target p95 ≤ ${TARGETS.searchP95Ms} ms: ${verdict(met.search)})`,
        `      bare SQL of its query (one name, repeated): ${latencies(bareSearch)}`,
        `    e.g. q="${typos[0]}" for "${seededData.sampleNames[0]}": ${foundNames.length} found, first "${foundNames[0] ?? '-'}"`,
        `targets met: ${Object.values(met).filter(Boolean).length} of ${Object.keys(met).length}`,
        ...audit.lines,
      ].join('\n'),
    );

    if (args.rls) {
      log('  row-level security: the same with the policies on and off, in alternating slices');
      const both = (lanes: number, operation: (lane: number) => Promise<void>) =>
        withAndWithoutPolicies(bare, seconds, lanes, operation);
      const inWall = (query: CapturedQuery) => async () => {
        await runCaptured(bare, query);
      };
      const alone = (query: CapturedQuery) => async () => {
        await runCaptured(bare, { ...query, settings: [] });
      };
      const figures = {
        create: await both(CLIENTS, createOverHttp),
        listOfficer: await both(1, () => list(officerToken)),
        listSupervisor: await both(1, () => list(supervisorToken)),
        search: await both(1, search),
        bareOfficer: await both(1, inWall(officerPage)),
        bareSupervisor: await both(1, inWall(supervisorPage)),
        bareSearch: await both(1, inWall(searchQuery)),
      };
      const aloneFigures = {
        officer: await warmThenMeasure(seconds, 1, alone(officerPage)),
        supervisor: await warmThenMeasure(seconds, 1, alone(supervisorPage)),
        search: await warmThenMeasure(seconds, 1, alone(searchQuery)),
      };
      const rate = (run: Run) => run.count / run.seconds;
      const p50 = (run: Run) => percentile(run.latenciesMs, 50);
      const change = (on: number, off: number) =>
        `${on >= off ? '+' : ''}${(((on - off) / off) * 100).toFixed(1)} %`;
      const row = (label: string, { on, off }: { on: Run; off: Run }, without?: Run) =>
        `    ${label}: p50 ${p50(on).toFixed(2)} ms with the policies, ${p50(off).toFixed(2)} ms without (${change(p50(on), p50(off))})` +
        (without ? `; the statement alone, no transaction: ${p50(without).toFixed(2)} ms` : '');
      console.log(
        [
          `row-level security (second wall), the application's filters kept; policies on and off in alternating slices:`,
          `    HTTP POST /api/v1/cases: ${rate(figures.create.on).toFixed(1)}/s with the policies, ${rate(figures.create.off).toFixed(1)}/s without (${change(rate(figures.create.on), rate(figures.create.off))})`,
          row('GET list, officer', figures.listOfficer),
          row('GET list, supervisor', figures.listSupervisor),
          row('GET person search', figures.search),
          `    bare SQL, in the wall's transaction (role and scope set) as the app runs it:`,
          row('  list page, officer', figures.bareOfficer, aloneFigures.officer),
          row('  list page, supervisor', figures.bareSupervisor, aloneFigures.supervisor),
          row('  person search', figures.bareSearch, aloneFigures.search),
        ].join('\n'),
      );
    }

    if (args.explain) {
      // The duplicate check of a new person known by an estimated age (the costliest branch).
      const body = newCaseBody(s, busiest);
      const { dateOfBirth: _birth, ...person } = body.persons[0].person;
      body.persons = [{ role: 'primary', person: { ...person, estimatedAge: 30 } }];
      const duplicates = findCaptured(
        await captureQueries(async () => {
          await api.call('POST', '/cases', writerTokens[0], body);
        }),
        /\bsameDocument\b/,
      );
      for (const [label, query] of [
        [`list page query, officer of ${busiest.postCode}`, officerPage],
        [`list page query, supervisor of ${country}`, supervisorPage],
        ['person search query', searchQuery],
        ['duplicate check of a new person with an estimated age', duplicates],
      ] as const) {
        const plan = await runCaptured(bare, query, 'EXPLAIN (ANALYZE, BUFFERS) ');
        const settings = query.settings?.length
          ? `\n(in a transaction after: ${query.settings.map((q) => `${q.text.trim()} ${JSON.stringify(q.values)}`).join('; ')})`
          : '';
        console.log(`\nEXPLAIN (ANALYZE, BUFFERS): ${label}\n${query.text.trim()}${settings}\n`);
        console.log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
      }
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
