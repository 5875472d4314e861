import { BAND_BIRTH_YEARS, SAME_NAME } from '@amparo/cases/persons/persons.service';
import { TestDatabase, createTestDatabase } from '@amparo/testing';
import { Client } from 'pg';

/**
 * The duplicate check of a person with an estimated age reads its similar-name candidates from an
 * index keyed by country and an approximate birth year (migration 0034). That must not lose any
 * person the rule accepts: for random synthetic persons and wanted persons, the rule's similar
 * names in the age band over ALL the persons of the country equal those among the candidates.
 * Ages at the band's edges, birthdays on the day, the day before and after, 29 February, dates of
 * birth beside estimates (both, neither, an estimate without its day), and days in the future.
 */

/** The rule of PersonsService.duplicatesOf for a similar name in the age band, as there. */
const SAME_NAME_IN_BAND = `
  similarity(p.search_name, $2) >= $5::real
  AND abs(coalesce(p.estimated_age + extract(year FROM age($4::date, coalesce(p.estimated_age_on, $4::date)))::int,
                   extract(year FROM age($4::date, p.date_of_birth))::int) - $3::int) <= 2`;

const SYLLABLES = ['ma', 'ria', 'jo', 'se', 'lu', 'is', 'an', 'a', 'ez', 'per', 'lo', 'pez'];

/** A small deterministic generator (mulberry32): a failure names its seed and repeats. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  return { next, int, pick };
}
type Generator = ReturnType<typeof generator>;

const word = (g: Generator) =>
  Array.from({ length: g.int(1, 3) }, () => g.pick(SYLLABLES)).join('');
const name = (g: Generator) => Array.from({ length: g.int(2, 3) }, () => word(g)).join(' ');

/** A day near `today` by whole years, around its month and day (birthdays), or anywhere. */
function dayAround(g: Generator, today: string, yearsBack: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const base = Date.UTC(y - yearsBack, m - 1, Math.min(d, 28));
  const shifted = new Date(base + g.pick([0, 0, -1, 1, -2, 2, g.int(-200, 200)]) * 86400e3);
  const year = y - yearsBack;
  if (g.next() < 0.05) return `${year - (year % 4)}-02-29`;
  return shifted.toISOString().slice(0, 10);
}

const TODAYS = ['2026-12-05', '2028-02-29', '2027-02-28', '2027-03-01', '2026-12-31', '2027-01-01'];

describe('Duplicate candidates by birth year and name (migration 0034)', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    const g = generator(20);
    const names: string[] = [];
    const rows: unknown[][] = [];
    for (let i = 0; i < 3000; i++) {
      const known = g.next() < 0.3 && names.length ? g.pick(names) : name(g);
      names.push(known);
      const [given, ...family] = known.split(' ');
      const today = g.pick(TODAYS);
      const age = g.int(0, 90);
      const kind = g.pick([
        'birth',
        'estimate',
        'estimate',
        'both',
        'neither',
        'undated',
        'future',
      ]);
      const birth =
        kind === 'birth' || kind === 'both'
          ? dayAround(g, today, age)
          : kind === 'future'
            ? dayAround(g, today, -g.int(0, 2))
            : null;
      const estimated = ['estimate', 'both', 'undated'].includes(kind) ? age : null;
      const estimatedOn =
        kind === 'estimate' || kind === 'both' ? dayAround(g, today, g.int(-1, 6)) : null;
      rows.push([g.pick(['MX', 'GT']), given, family.join(' '), birth, estimated, estimatedOn]);
    }
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await client.query(
        `INSERT INTO persons (country_code, given_names, family_names, date_of_birth, estimated_age,
                              estimated_age_on, nationality_code)
         SELECT c, gn, fn, dob, ea, eo, c
           FROM unnest($1::char(2)[], $2::text[], $3::text[], $4::date[], $5::smallint[], $6::date[])
                AS t(c, gn, fn, dob, ea, eo)`,
        [0, 1, 2, 3, 4, 5].map((k) => chunk.map((r) => r[k])),
      );
    }
    await client.query('ANALYZE persons');
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('finds every similar name in the age band that the rule finds among all persons', async () => {
    const g = generator(34);
    const { rows: people } = await client.query<{
      country: string;
      name: string;
      age: number | null;
    }>(
      `SELECT country_code AS country, search_name AS name,
              coalesce(estimated_age, extract(year FROM age(date_of_birth))::int) AS age
         FROM persons ORDER BY id`,
    );
    await client.query('BEGIN');
    // As PersonsService.withTrigramThresholds sets it for the duplicate check.
    await client.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
      String(SAME_NAME - 0.001),
    ]);
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      const person = g.pick(people);
      // The name as recorded, with a typo, or another's; the age at the band's edges or anywhere.
      const wanted =
        g.next() < 0.5
          ? person.name
          : g.next() < 0.5
            ? person.name.replace(/[aeiou]/, 'e')
            : name(g);
      const age = Math.max(0, Math.min(130, (person.age ?? 30) + g.int(-4, 4)));
      const today = g.pick(TODAYS);
      const params = [person.country, wanted, age, today, SAME_NAME];
      const { rows: everyone } = await client.query<{ id: string }>(
        `SELECT p.id FROM persons p WHERE p.country_code = $1 AND ${SAME_NAME_IN_BAND} ORDER BY p.id`,
        params,
      );
      const { rows: candidates } = await client.query<{ id: string }>(
        `SELECT p.id FROM amparo_person_ids_by_similar_name($1, $2,
                   int4range(extract(year FROM $4::date)::int - $3::int - ${BAND_BIRTH_YEARS},
                             extract(year FROM $4::date)::int - $3::int + ${BAND_BIRTH_YEARS}, '[]')) AS c(id)
           JOIN persons p ON p.id = c.id
          WHERE p.country_code = $1 AND ${SAME_NAME_IN_BAND} ORDER BY p.id`,
        params,
      );
      expect({ wanted, age, today, ids: candidates.map((r) => r.id) }).toEqual({
        wanted,
        age,
        today,
        ids: everyone.map((r) => r.id),
      });
      accepted += everyone.length;
    }
    await client.query('ROLLBACK');
    // The comparison means something only if the rule accepted many.
    expect(accepted).toBeGreaterThan(200);
  });

  it('reads the candidates from the index of country, birth year and name', async () => {
    await client.query('BEGIN');
    await client.query('SET LOCAL enable_seqscan = off');
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT p.id FROM persons p
        WHERE amparo_country_key(p.country_code) && amparo_country_key('MX')
          AND amparo_person_birth_years(p.date_of_birth, p.estimated_age, p.estimated_age_on) && int4range(1990, 1996, '[]')
          AND p.search_name % 'maria lopez'`,
    );
    await client.query('ROLLBACK');
    expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain(
      'ix_persons_country_birth_years_search_name',
    );
  });
});
