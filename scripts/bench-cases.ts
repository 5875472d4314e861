// npm run bench:cases [-- --cases N --seconds S --explain --keep]: the cases registry at scale.
// Seeds synthetic cases with COPY into a fresh database of the local test server, boots the real API
// on a loopback port and prints (a) case creation over HTTP against the same insert transaction in
// raw pg, (b) list latency against the bare SQL of its page query, (c) person search latency; with
// --explain, the EXPLAIN (ANALYZE, BUFFERS) of those queries. Prints figures; not a test. The
// database is dropped at the end, on failure and on Ctrl-C; --keep renames it instead (for psql).
import 'reflect-metadata';
import { formatAuditReport } from '@amparo/audit/format-audit-report';
import { verifyAuditChain } from '@amparo/audit/verify-audit-chain';
import {
  ACTION_TYPES,
  CASE_CATEGORIES,
  CLOSURE_REASONS,
  CaseCategory,
  VULNERABILITY_FLAGS,
  VulnerabilityFlag,
} from '@amparo/cases';
import { loadConfig } from '@amparo/core';
import { externalDataSourceOptions } from '@amparo/database';
import { DEMO_CONSULATES } from '@amparo/directory';
import { hashPassword } from '@amparo/identity';
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
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/create-api-app';

const CLIENTS = 16;
const MAX_OPERATIONS = 1_000_000;
const PASSWORD = 'bench horse battery staple';
const TARGETS = { ratio: 0.5, listP95Ms: 20, searchP95Ms: 50 };
/** Share of all cases registered by each member country's posts. */
const COUNTRY_SHARE: Record<string, number> = {
  MX: 40,
  GT: 15,
  HN: 12,
  SV: 10,
  US: 5,
  DO: 4,
  NI: 4,
  CR: 3,
  PA: 3,
  CA: 2,
  BZ: 2,
};
const SEEDED_TABLES = ['persons', 'person_documents', 'cases', 'case_persons', 'consular_actions'];

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
// Synthetic data: names from small syllable lists, posts of the demo network

/** mulberry32: a small seeded generator, so every run seeds the same data. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Synth {
  constructor(readonly random: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  /** Picks a key by weight. */
  weighted<T extends string>(weights: [T, number][]): T {
    const total = weights.reduce((sum, [, w]) => sum + w, 0);
    let r = this.random() * total;
    for (const [value, w] of weights) if ((r -= w) < 0) return value;
    return weights[weights.length - 1][0];
  }

  uuid(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    const a = hex(this.random() * 4294967296);
    const b = hex(this.random() * 4294967296);
    const c = hex(this.random() * 4294967296);
    const d = hex(this.random() * 4294967296);
    const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}

const ONSETS = [
  '',
  'b',
  'c',
  'd',
  'f',
  'g',
  'j',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'ch',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's'];
const GIVEN_END = { female: ['a', 'ia', 'ela', 'ina'], male: ['o', 'io', 'el', 'ón'] };
const FAMILY_END = ['ez', 'ández', 'ínez', 'era', 'ado', 'ales', 'ero', 'illo', 'ón', 'uz', 'ía'];

function word(s: Synth, syllables: number, ending: string): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += s.pick(ONSETS) + s.pick(VOWELS) + s.pick(CODAS);
  w = w.replace(/([aeiou])\1/g, '$1') + ending;
  return w[0].toUpperCase() + w.slice(1);
}

interface SynthPerson {
  id: string;
  givenNames: string;
  familyNames: string;
  sex: 'female' | 'male' | 'unknown';
  dateOfBirth: string | null;
  estimatedAge: number | null;
  passport: string | null;
}

function synthPerson(s: Synth, now: number): SynthPerson {
  const sex = s.weighted<'female' | 'male' | 'unknown'>([
    ['female', 46],
    ['male', 52],
    ['unknown', 2],
  ]);
  const ends = GIVEN_END[sex === 'unknown' ? s.pick(['female', 'male'] as const) : sex];
  const given = [word(s, s.int(1, 2), s.pick(ends))];
  if (s.chance(0.35)) given.push(word(s, s.int(1, 2), s.pick(ends)));
  const family = [word(s, s.int(1, 2), s.pick(FAMILY_END))];
  if (s.chance(0.85)) family.push(word(s, s.int(1, 2), s.pick(FAMILY_END)));
  const knownBirth = s.chance(0.85);
  const birth = new Date(now - s.int(1, 75) * 365.25 * 86400e3 - s.int(0, 364) * 86400e3);
  return {
    id: s.uuid(),
    givenNames: given.join(' '),
    familyNames: family.join(' '),
    sex,
    dateOfBirth: knownBirth ? birth.toISOString().slice(0, 10) : null,
    estimatedAge: knownBirth ? null : s.int(1, 75),
    passport: s.chance(0.5)
      ? `${String.fromCharCode(65 + s.int(0, 25))}${String(s.int(0, 99_999_999)).padStart(8, '0')}`
      : null,
  };
}

const CATEGORY_WEIGHTS: [CaseCategory, number][] = CASE_CATEGORIES.map((c) => [
  c,
  (
    {
      immigration_detention: 20,
      criminal_detention: 12,
      return: 12,
      documentation: 10,
      whereabouts: 8,
      labour_rights: 7,
      health: 6,
      unaccompanied_child: 5,
      crime_victim: 5,
      death: 3,
      asylum: 3,
    } as Record<string, number>
  )[c] ?? 2,
]);
const SUMMARIES = [
  'Caso sintetico: persona detenida en centro migratorio, solicita visita consular.',
  'Caso sintetico: solicitud de documento de viaje de emergencia.',
  'Caso sintetico: familia busca a un familiar sin contacto desde hace semanas.',
  'Caso sintetico: orientacion juridica sobre un proceso de retorno.',
  'Caso sintetico: reclamacion de salarios no pagados.',
];
const NOTES = [
  'Entrevista realizada; se acuerda seguimiento.',
  'Se contacto a la autoridad local.',
  'Se informo a la familia.',
  '',
];

interface Post {
  id: string;
  countryCode: string;
  postCode: string;
  hostCountryCode: string;
  city: string;
  weight: number;
  officers: { id: string; email: string }[];
  cases: number;
}

/** The consulates of the demo network; each country's share spread over its posts, Zipf-like. */
function postWeights(): {
  countryCode: string;
  postCode: string;
  name: string;
  hostCountryCode: string;
  city: string;
  weight: number;
}[] {
  return DEMO_CONSULATES.map((c) => {
    const siblings = DEMO_CONSULATES.filter((o) => o.sendingCountryCode === c.sendingCountryCode);
    const rank = siblings.indexOf(c);
    const harmonic = siblings.reduce((sum, _, k) => sum + 1 / (k + 1), 0);
    return {
      countryCode: c.sendingCountryCode,
      postCode: c.postCode,
      name: c.name,
      hostCountryCode: c.hostCountryCode,
      city: c.city,
      weight: (COUNTRY_SHARE[c.sendingCountryCode] ?? 1) / (rank + 1) / harmonic,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// COPY

/** Text-format COPY field: \N for null, backslash escapes for the few special characters. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : text;
}
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const array = (values: readonly string[]) => `{${values.join(',')}}`;

/** Batches rows of one table into a COPY FROM STDIN stream, waiting when the stream is full. */
class CopyWriter {
  private chunk = '';
  private failed: Error | undefined;
  rows = 0;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: Error) => (this.failed ??= error));
  }

  async row(...values: (string | number | boolean | null)[]): Promise<void> {
    this.chunk += values.map(field).join('\t') + '\n';
    this.rows++;
    if (this.chunk.length >= 1 << 18) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    const chunk = this.chunk;
    this.chunk = '';
    if (chunk && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    if (this.failed) throw this.failed;
    const done = once(this.stream, 'finish');
    this.stream.end();
    await done;
  }
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'bench-cases' });
  client.on('error', () => undefined); // a dropped database ends these connections; cleanup handles it
  await client.connect();
  return client;
}

interface Seeded {
  posts: Post[];
  supervisors: Map<string, { id: string; email: string }>;
  /** Names of seeded persons of the busiest country, for the search. */
  sampleNames: string[];
  rows: Record<string, number>;
  timings: { copy: number; indexes: number; vacuum: number };
}

async function seedDirectory(
  url: string,
): Promise<Omit<Seeded, 'sampleNames' | 'rows' | 'timings'>> {
  const dataSource = new DataSource({ ...externalDataSourceOptions(url, 2), logging: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const passwordHash = await hashPassword(PASSWORD);
    const posts: Post[] = [];
    for (const spec of postWeights()) {
      const [{ id }] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO consulates (sending_country_code, post_code, name, host_country_code, city)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [spec.countryCode, spec.postCode, spec.name, spec.hostCountryCode, spec.city],
      );
      const post: Post = { id, ...spec, officers: [], cases: 0 };
      for (let k = 0; k < 3; k++) {
        const email =
          `bench-officer-${spec.countryCode}-${spec.postCode}-${k}@amparo.test`.toLowerCase();
        const [user] = await dataSource.query<{ id: string }[]>(
          `INSERT INTO users (email, display_name, country_code, password_hash)
           VALUES ($1, 'Bench Officer', $2, $3) RETURNING id`,
          [email, spec.countryCode, passwordHash],
        );
        await dataSource.query(
          `INSERT INTO role_grants (user_id, role, consulate_id, country_code) VALUES ($1, 'officer', $2, $3)`,
          [user.id, id, spec.countryCode],
        );
        post.officers.push({ id: user.id, email });
      }
      posts.push(post);
    }
    const supervisors = new Map<string, { id: string; email: string }>();
    for (const country of new Set(posts.map((p) => p.countryCode))) {
      const email = `bench-supervisor-${country}@amparo.test`.toLowerCase();
      const [user] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO users (email, display_name, country_code, password_hash)
         VALUES ($1, 'Bench Supervisor', $2, $3) RETURNING id`,
        [email, country, passwordHash],
      );
      await dataSource.query(
        `INSERT INTO role_grants (user_id, role, country_code) VALUES ($1, 'supervisor', $2)`,
        [user.id, country],
      );
      supervisors.set(country, { id: user.id, email });
    }
    return { posts, supervisors };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Seeds `total` cases with their persons, documents and actions: one pass generating every table,
 * five COPY streams on five connections at once. Secondary indexes are dropped first and rebuilt
 * after (much faster than maintaining them row by row), and the connections run with
 * session_replication_role = replica, which skips the foreign-key triggers: the five COPYs commit
 * separately, so a case could otherwise reach the server before its person. The data is
 * consistent by construction, and checked after with anti-joins.
 */
async function seedCases(
  url: string,
  posts: Post[],
  total: number,
  log: (line: string) => void,
): Promise<Pick<Seeded, 'sampleNames' | 'rows' | 'timings'>> {
  const admin = await connect(url);
  const copies: Client[] = [];
  try {
    const { rows: indexes } = await admin.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [SEEDED_TABLES],
    );
    for (const index of indexes) await admin.query(`DROP INDEX ${index.name}`);

    const copyStart = performance.now();
    const s = new Synth(seeded(20260401));
    const writers: Record<string, CopyWriter> = {};
    const columns: Record<string, string> = {
      persons:
        'id, country_code, given_names, family_names, date_of_birth, estimated_age, estimated_age_on, sex, nationality_code, created_at, updated_at',
      person_documents: 'id, person_id, type, number, issuing_country_code',
      cases:
        'id, reference, consulate_id, country_code, primary_category, secondary_categories, vulnerability_flags, risk_level, status, assigned_officer_id, primary_person_id, event_country_code, event_city, opened_at, closed_at, closure_reason, requested_closure_reason, summary, restricted, created_by, created_at, updated_at',
      case_persons: 'case_id, person_id, role, relationship',
      consular_actions: 'id, case_id, type, occurred_at, performed_by, outcome, notes, recorded_at',
    };
    for (const table of SEEDED_TABLES) {
      const client = await connect(url);
      copies.push(client);
      await client.query(`SET session_replication_role = replica`);
      writers[table] = new CopyWriter(
        client.query(copyFrom(`COPY ${table} (${columns[table]}) FROM STDIN`)),
      );
    }

    const now = Date.now();
    const span = 6 * 365 * 86400e3;
    const first = now - span;
    const postWeightsList = posts.map((p): [string, number] => [p.id, p.weight]);
    const byId = new Map(posts.map((p) => [p.id, p]));
    const counters = new Map<string, { post: Post; year: number; last: number }>();
    const busiestCountry = Object.entries(COUNTRY_SHARE).sort((a, b) => b[1] - a[1])[0][0];
    const sampleNames: string[] = [];
    const actionTypes = ACTION_TYPES.filter((t) => t !== 'arrest_notification_received');
    const flags = VULNERABILITY_FLAGS.filter((f) => f !== 'asylum_seeker');
    const closures = CLOSURE_REASONS.filter((r) => r !== 'duplicate');

    for (let i = 0; i < total; i++) {
      const post = byId.get(s.weighted(postWeightsList))!;
      post.cases++;
      const opened = first + ((i + s.random()) / total) * (span - 86400e3);
      const openedAt = new Date(opened);
      const year = openedAt.getUTCFullYear();
      const counterKey = `${post.id}:${year}`;
      const counter = counters.get(counterKey) ?? { post, year, last: 0 };
      counter.last++;
      counters.set(counterKey, counter);
      const reference = `${post.countryCode}-${post.postCode}-${year}-${String(counter.last).padStart(6, '0')}`;

      const caseId = s.uuid();
      const officer = s.pick(post.officers).id;
      const primary = synthPerson(s, opened);
      const involved = s.chance(0.2) ? synthPerson(s, opened) : null;
      if (post.countryCode === busiestCountry && sampleNames.length < 200 && i % 97 === 0)
        sampleNames.push(`${primary.givenNames} ${primary.familyNames}`);
      const openedIso = openedAt.toISOString();
      for (const person of involved ? [primary, involved] : [primary]) {
        await writers.persons.row(
          person.id,
          post.countryCode,
          person.givenNames,
          person.familyNames,
          person.dateOfBirth,
          person.estimatedAge,
          person.estimatedAge === null ? null : openedIso.slice(0, 10),
          person.sex,
          post.countryCode,
          openedIso,
          openedIso,
        );
        if (person.passport)
          await writers.person_documents.row(
            s.uuid(),
            person.id,
            'passport',
            person.passport,
            post.countryCode,
          );
      }
      await writers.case_persons.row(caseId, primary.id, 'primary', null);
      if (involved)
        await writers.case_persons.row(
          caseId,
          involved.id,
          'involved',
          s.pick(['madre', 'padre', 'hijo', 'hija', 'pareja', 'hermano']),
        );

      const age = now - opened;
      const status =
        age > 365 * 86400e3
          ? s.weighted([
              ['closed', 88],
              ['in_progress', 5],
              ['waiting', 4],
              ['open', 3],
            ])
          : s.weighted([
              ['closed', 30],
              ['open', 25],
              ['in_progress', 30],
              ['waiting', 10],
              ['closure_requested', 5],
            ]);
      const closedAt =
        status === 'closed' ? Math.min(now - 60e3, opened + s.int(1, 180) * 86400e3) : null;
      const category = s.weighted(CATEGORY_WEIGHTS);
      const caseFlags = new Set<VulnerabilityFlag>();
      const flagCount = s.weighted([
        ['0', 50],
        ['1', 35],
        ['2', 15],
      ]);
      for (let f = 0; f < +flagCount; f++) caseFlags.add(s.pick(flags));
      if (category === 'asylum') caseFlags.add('asylum_seeker');
      const lastTouch = closedAt ?? Math.min(now - 60e3, opened + s.int(0, 90) * 86400e3);
      await writers.cases.row(
        caseId,
        reference,
        post.id,
        post.countryCode,
        category,
        array(s.chance(0.15) ? [s.pick(CASE_CATEGORIES.filter((c) => c !== category))] : []),
        array([...caseFlags]),
        s.weighted([
          ['low', 55],
          ['medium', 30],
          ['high', 12],
          ['critical', 3],
        ]),
        status,
        officer,
        primary.id,
        post.hostCountryCode,
        post.city,
        openedIso,
        closedAt === null ? null : new Date(closedAt).toISOString(),
        closedAt === null ? null : s.pick(closures),
        status === 'closure_requested' ? s.pick(closures) : null,
        s.pick(SUMMARIES),
        category === 'asylum' || s.chance(0.01),
        officer,
        openedIso,
        new Date(lastTouch).toISOString(),
      );
      const actions = s.weighted([
        ['1', 15],
        ['2', 25],
        ['3', 25],
        ['4', 20],
        ['5', 15],
      ]);
      for (let a = 0; a < +actions; a++) {
        const occurred = opened + s.random() * (lastTouch - opened);
        await writers.consular_actions.row(
          s.uuid(),
          caseId,
          s.pick(actionTypes),
          new Date(occurred).toISOString(),
          s.pick(post.officers).id,
          s.chance(0.5) ? 'completed' : null,
          s.pick(NOTES),
          new Date(occurred + s.int(1, 600) * 60e3).toISOString(),
        );
      }
      if ((i + 1) % 250_000 === 0)
        log(
          `  ${thousands(i + 1)} cases generated (${((performance.now() - copyStart) / 1000).toFixed(0)} s)`,
        );
    }
    for (const table of SEEDED_TABLES) await writers[table].end();
    const rows = Object.fromEntries(SEEDED_TABLES.map((t) => [t, writers[t].rows]));
    const copySeconds = (performance.now() - copyStart) / 1000;
    log(`  COPY done in ${copySeconds.toFixed(0)} s; rebuilding ${indexes.length} indexes`);

    // The counters continue where the seeded references stop, as if the cases had been created here.
    for (const { post, year, last } of counters.values()) {
      await admin.query(
        `INSERT INTO case_reference_counters (consulate_id, year, last_sequence) VALUES ($1, $2, $3)`,
        [post.id, year, last],
      );
    }

    const indexStart = performance.now();
    const pending = [...indexes];
    await Promise.all(
      [admin, copies[0]].map(async (client) => {
        await client.query(`SET maintenance_work_mem = '1GB'`);
        for (let next = pending.shift(); next; next = pending.shift())
          await client.query(next.definition);
      }),
    );
    const indexSeconds = (performance.now() - indexStart) / 1000;

    const broken = await admin.query<{ check: string; n: number }>(
      `SELECT 'cases.primary_person_id' AS check, count(*)::int AS n FROM cases c
         WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = c.primary_person_id)
       UNION ALL SELECT 'case_persons.case_id', count(*)::int FROM case_persons cp
         WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = cp.case_id)
       UNION ALL SELECT 'case_persons.person_id', count(*)::int FROM case_persons cp
         WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = cp.person_id)
       UNION ALL SELECT 'person_documents.person_id', count(*)::int FROM person_documents d
         WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = d.person_id)
       UNION ALL SELECT 'consular_actions.case_id', count(*)::int FROM consular_actions a
         WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = a.case_id)`,
    );
    const dangling = broken.rows.filter((r) => r.n > 0);
    if (dangling.length)
      throw new Error(`seeded rows break foreign keys: ${JSON.stringify(dangling)}`);

    const vacuumStart = performance.now();
    await Promise.all(
      SEEDED_TABLES.map((table, k) => copies[k].query(`VACUUM (ANALYZE) ${table}`)),
    );
    await admin.query('ANALYZE');
    const vacuumSeconds = (performance.now() - vacuumStart) / 1000;
    return {
      sampleNames,
      rows,
      timings: { copy: copySeconds, indexes: indexSeconds, vacuum: vacuumSeconds },
    };
  } finally {
    await Promise.all([admin, ...copies].map((c) => c.end().catch(() => undefined)));
  }
}

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
  riskLevel: string;
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
      sex: string;
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
 * What CasesService.create writes in its transaction, as raw pg statements (persons, documents,
 * the post's reference counter, the case, its persons, the audit event), without the HTTP layer,
 * the validation and the duplicate check that come before.
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
  const settings = queries.slice(0, at).filter((q) => /\bset_config\(/.test(q.text));
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
    const httpCreate = await warmThenMeasure(seconds, CLIENTS, async (k) => {
      const res = await api.call(
        'POST',
        '/cases',
        writerTokens[k],
        newCaseBody(s, writers[k].post),
      );
      if (res.status !== 201)
        throw new Error(`POST /cases: ${res.status} ${JSON.stringify(res.body)}`);
    });
    log('  (a) creating cases with raw pg');
    for (let k = 0; k < CLIENTS; k++) clients.push(await connect(url));
    const rawCreate = await warmThenMeasure(seconds, CLIENTS, (k) =>
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
        `    raw pg transaction:       ${rawRate.toFixed(1)}/s, ${latencies(rawCreate)}; ${nodeLoad(rawCreate)}`,
        `    ratio HTTP/raw:           ${ratio.toFixed(2)} (target ≥ ${TARGETS.ratio}: ${verdict(met.ratio)})`,
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
