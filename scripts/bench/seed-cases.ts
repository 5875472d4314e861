// Synthetic cases for the benchmarks (npm run bench:cases, scripts/bench-export.ts,
// scripts/bench-report.ts): the demo network's posts with officers and supervisors, then cases with
// their persons, documents and actions, written with COPY. The same seed gives the same data on
// every run (dates are relative to the moment of seeding: cases are opened over the six years
// before it, or over the range the caller gives).
import {
  ACTION_TYPES,
  CASE_CATEGORIES,
  CLOSURE_REASONS,
  CaseCategory,
  VULNERABILITY_FLAGS,
  VulnerabilityFlag,
} from '@amparo/cases';
import { externalDataSourceOptions } from '@amparo/database';
import { DEMO_CONSULATES } from '@amparo/demo';
import { hashPassword } from '@amparo/identity';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';

/** The password of every seeded user. */
export const PASSWORD = 'bench horse battery staple';
/** Share of all cases registered by each member country's posts. */
export const COUNTRY_SHARE: Record<string, number> = {
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
export const SEEDED_TABLES = [
  'persons',
  'person_documents',
  'cases',
  'case_persons',
  'consular_actions',
];

const thousands = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// Synthetic data: names from small syllable lists, posts of the demo network

/** mulberry32: a small seeded generator, so every run seeds the same data. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Synth {
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
  weighted<T extends string | null>(weights: [T, number][]): T {
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

export interface SynthPerson {
  id: string;
  givenNames: string;
  familyNames: string;
  sex: 'female' | 'male' | 'unknown';
  /** Coded gender: mostly recorded as the sex suggests, sometimes not recorded, rarely otherwise. */
  gender: 'woman' | 'man' | 'non_binary' | 'other' | null;
  dateOfBirth: string | null;
  estimatedAge: number | null;
  passport: string | null;
}

export function synthPerson(s: Synth, now: number): SynthPerson {
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
    gender: s.weighted<SynthPerson['gender']>([
      [sex === 'female' ? 'woman' : sex === 'male' ? 'man' : null, 78],
      [null, 20],
      ['non_binary', 1],
      ['other', 1],
    ]),
    dateOfBirth: knownBirth ? birth.toISOString().slice(0, 10) : null,
    estimatedAge: knownBirth ? null : s.int(1, 75),
    passport: s.chance(0.5)
      ? `${String.fromCharCode(65 + s.int(0, 25))}${String(s.int(0, 99_999_999)).padStart(8, '0')}`
      : null,
  };
}

export const CATEGORY_WEIGHTS: [CaseCategory, number][] = CASE_CATEGORIES.map((c) => [
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
export const SUMMARIES = [
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

export interface Post {
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

/** `pipeline` as the API's own connections (data-source-options.ts), for the raw-pg phases. */
export async function connect(
  url: string,
  applicationName = 'bench-cases',
  pipeline = false,
): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: applicationName, pipeline });
  client.on('error', () => undefined); // a dropped database ends these connections; cleanup handles it
  await client.connect();
  return client;
}

export interface Seeded {
  posts: Post[];
  supervisors: Map<string, { id: string; email: string }>;
  /** Names of seeded persons of the busiest country, for the search. */
  sampleNames: string[];
  rows: Record<string, number>;
  timings: { copy: number; indexes: number; vacuum: number };
}

export async function seedDirectory(
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
export async function seedCases(
  url: string,
  posts: Post[],
  total: number,
  log: (line: string) => void,
  applicationName = 'bench-cases',
  /** When the cases are opened (ms since the epoch); the six years before now by default. */
  openedRange: { from: number; to: number } = {
    from: Date.now() - 6 * 365 * 86400e3,
    to: Date.now(),
  },
): Promise<Pick<Seeded, 'sampleNames' | 'rows' | 'timings'>> {
  const admin = await connect(url, applicationName);
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
        'id, country_code, given_names, family_names, date_of_birth, estimated_age, estimated_age_on, sex, nationality_code, created_at, updated_at, gender, case_consulate_ids, case_country_codes',
      person_documents: 'id, person_id, type, number, issuing_country_code',
      cases:
        'id, reference, consulate_id, country_code, primary_category, secondary_categories, vulnerability_flags, risk_level, status, assigned_officer_id, primary_person_id, event_country_code, event_city, opened_at, closed_at, closure_reason, requested_closure_reason, summary, restricted, created_by, created_at, updated_at, host_country_role, temporary_worker',
      case_persons: 'case_id, person_id, role, relationship',
      consular_actions: 'id, case_id, type, occurred_at, performed_by, outcome, notes, recorded_at',
    };
    for (const table of SEEDED_TABLES) {
      const client = await connect(url, applicationName);
      copies.push(client);
      await client.query(`SET session_replication_role = replica`);
      writers[table] = new CopyWriter(
        client.query(copyFrom(`COPY ${table} (${columns[table]}) FROM STDIN`)),
      );
    }

    const now = Date.now();
    const span = openedRange.to - openedRange.from;
    const first = openedRange.from;
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
          person.gender,
          // Each seeded person is named by this one case; the triggers that keep this scope
          // (migration 0037) do not run under session_replication_role = replica.
          array([post.id]),
          array([post.countryCode]),
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
        // Most nationals assisted live in the host country; some cross it; the role is not always asked.
        s.weighted<string | null>([
          ['destination', 55],
          ['transit', 20],
          ['origin', 3],
          [null, 22],
        ]),
        s.chance(category === 'labour_rights' ? 0.4 : 0.03),
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
         WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = a.case_id)
       UNION ALL SELECT 'persons.case_consulate_ids', count(*)::int FROM amparo_persons_with_drifted_case_scope()`,
    );
    const dangling = broken.rows.filter((r) => r.n > 0);
    if (dangling.length)
      throw new Error(
        `seeded rows break foreign keys or the persons' case scope: ${JSON.stringify(dangling)}`,
      );

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
