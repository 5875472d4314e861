import { NestExpressApplication } from '@nestjs/platform-express';
import { StatisticsTable, StatisticsTables } from '@amparo/statistics';
import fc from 'fast-check';
import { rank } from '../libs/statistics/src/disclosure/linear-derivability.test-helper';
import { createConsulate, createUser } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

const CATEGORIES = ['trafficking', 'health', 'return', 'death'] as const;
const SEXES = ['female', 'male', 'unknown'] as const;
const MODES = ['land', 'air', 'sea'] as const;
const SEX_CODES: Record<(typeof SEXES)[number], string> = { female: 'F', male: 'M', unknown: '_U' };
const K = 5;

// Few categories and sexes so that small cells, zeros and suppression patterns all occur.
const caseSet = fc.array(
  fc.record({
    category: fc.constantFrom(...CATEGORIES),
    sex: fc.constantFrom(...SEXES),
    month: fc.integer({ min: 1, max: 12 }),
  }),
  { minLength: 0, maxLength: 60 },
);

/**
 * Random case sets through the real pipeline (PostgreSQL aggregate → disclosure control): every
 * published cell is the true count, none is 1..k-1, and no suppressed cell can be derived from
 * the published cells (inner cells, margins and the total) by linear algebra.
 */
describe('Statistics on random case sets (property, real PostgreSQL)', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let tables: StatisticsTables;
  let post: string;
  let creator: string;

  beforeAll(async () => {
    stack = await createTestStack({ STATISTICS_DISCLOSURE_K: String(K) });
    app = await createTestApi(stack.config);
    tables = app.get(StatisticsTables);
    post = await createConsulate(stack, 'MX', 'PRP');
    creator = (await createUser(stack, [{ role: 'officer', consulateId: post }])).id;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  async function replaceCases(cases: { category: string; sex: string; month: number }[]) {
    await stack.query('DELETE FROM return_movement_cases');
    await stack.query('DELETE FROM return_movements');
    await stack.query('DELETE FROM cases');
    await stack.query('DELETE FROM persons');
    await stack.query(
      `WITH input AS (
         SELECT gen_random_uuid() AS person_id, t.*
           FROM unnest($1::text[], $2::text[], $3::int[]) AS t(category, sex, month))
       , persons_added AS (
         INSERT INTO persons (id, country_code, given_names, family_names, sex, nationality_code)
         SELECT person_id, 'MX', 'Persona', 'Sintética', sex, 'MX' FROM input)
       INSERT INTO cases (reference, consulate_id, country_code, primary_category, primary_person_id,
                          opened_at, created_by)
       SELECT 'P-' || gen_random_uuid(), $4, 'MX', category, person_id,
              make_timestamptz(2025, month, 15, 12, 0, 0, 'UTC'), $5
         FROM input`,
      [
        cases.map((c) => c.category),
        cases.map((c) => c.sex),
        cases.map((c) => c.month),
        post,
        creator,
      ],
    );
  }

  function trueCount(
    cases: { category: string; sex: string }[],
    category: string,
    sex: string,
  ): number {
    return cases.filter(
      (c) =>
        (category === '_T' || c.category === category) &&
        (sex === '_T' || SEX_CODES[c.sex as 'male'] === sex),
    ).length;
  }

  /** Each cell's 0/1 row over the inner cells, from its codes alone. */
  function rows(table: StatisticsTable): bigint[][] {
    const inner = table.cells.filter((c) => !c.codes.includes('_T'));
    return table.cells.map((cell) =>
      inner.map((i) =>
        i.codes.every((code, d) => cell.codes[d] === '_T' || cell.codes[d] === code) ? 1n : 0n,
      ),
    );
  }

  it('publishes true counts only, never 1..k-1, and leaves no suppressed cell derivable', async () => {
    await fc.assert(
      fc.asyncProperty(caseSet, async (cases) => {
        await replaceCases(cases);
        const table = await tables.table(
          {
            measure: 'cases_opened',
            dimensions: ['category', 'sex'],
            period: 'year',
            from: '2025-01-01',
            to: '2025-12-31',
            filters: { category: [...CATEGORIES] },
          },
          { countries: ['MX'], consulateIds: [] },
        );
        for (const cell of table.cells) {
          const [category, sex] = cell.codes;
          const n = trueCount(cases, category, sex);
          if (cell.suppressed) {
            expect(cell.value).toBeNull();
            expect(n).toBeGreaterThan(0); // zeros are published, never suppressed
          } else {
            expect(cell.value).toBe(n);
            expect(n === 0 || n >= K).toBe(true);
          }
        }
        const all = rows(table);
        const published = all.filter((_, i) => !table.cells[i].suppressed);
        const publishedRank = rank(published);
        table.cells.forEach((cell, i) => {
          if (cell.suppressed) expect(rank([...published, all[i]])).toBeGreaterThan(publishedRank);
        });
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  // Persons returned (issue 17): one completed movement per mode, each random person on it through
  // a case of their own; the view, the count and the same disclosure control.
  const returnSet = fc.array(
    fc.record({ mode: fc.constantFrom(...MODES), sex: fc.constantFrom(...SEXES) }),
    { minLength: 0, maxLength: 40 },
  );

  async function replaceReturns(persons: { mode: string; sex: string }[]) {
    await replaceCases(persons.map((p) => ({ category: 'return', sex: p.sex, month: 6 })));
    const cases = await stack.query<{ id: string; personId: string; sex: string }>(
      `SELECT c.id, c.primary_person_id AS "personId", p.sex
         FROM cases c JOIN persons p ON p.id = c.primary_person_id ORDER BY c.id`,
    );
    // Pair each case with a mode: the multiset of (mode, sex) is what the property counts.
    const pool = new Map<string, string[]>();
    for (const p of persons) pool.set(p.sex, [...(pool.get(p.sex) ?? []), p.mode]);
    const modeOf = new Map(cases.map((c) => [c.id, pool.get(c.sex)!.shift()!]));
    for (const mode of MODES) {
      const [{ id }] = await stack.query<{ id: string }>(
        `INSERT INTO return_movements (country_code, consulate_id, mode, status, planned_departure_at,
            actual_departure_at, actual_arrival_at, from_country_code, from_place, to_place, created_by)
         VALUES ('MX', $1, $2, 'completed', '2025-06-14T12:00:00Z', '2025-06-14T12:00:00Z',
                 '2025-06-15T12:00:00Z', 'US', 'San Ysidro', 'Tijuana', $3) RETURNING id`,
        [post, mode, creator],
      );
      for (const c of cases.filter((c) => modeOf.get(c.id) === mode)) {
        await stack.query(
          `INSERT INTO return_movement_cases (movement_id, case_id, case_reference, consulate_id, country_code,
              person_ids, child_return, added_by)
           VALUES ($1, $2, 'P', $3, 'MX', $4, false, $5)`,
          [id, c.id, post, [c.personId], creator],
        );
      }
    }
  }

  it('counts persons returned by mode and sex: true counts only, none derivable', async () => {
    await fc.assert(
      fc.asyncProperty(returnSet, async (persons) => {
        await replaceReturns(persons);
        const table = await tables.table(
          {
            measure: 'returns',
            dimensions: ['return_mode', 'sex'],
            period: 'year',
            from: '2025-01-01',
            to: '2025-12-31',
            filters: {},
          },
          { countries: ['MX'], consulateIds: [] },
        );
        for (const cell of table.cells) {
          const [mode, sex] = cell.codes;
          const n = persons.filter(
            (p) =>
              (mode === '_T' || p.mode === mode) &&
              (sex === '_T' || SEX_CODES[p.sex as 'male'] === sex),
          ).length;
          if (cell.suppressed) {
            expect(cell.value).toBeNull();
            expect(n).toBeGreaterThan(0);
          } else {
            expect(cell.value).toBe(n);
            expect(n === 0 || n >= K).toBe(true);
          }
        }
        const all = rows(table);
        const published = all.filter((_, i) => !table.cells[i].suppressed);
        const publishedRank = rank(published);
        table.cells.forEach((cell, i) => {
          if (cell.suppressed) expect(rank([...published, all[i]])).toBeGreaterThan(publishedRank);
        });
      }),
      { numRuns: 40 },
    );
  }, 180_000);
});
