import { NestExpressApplication } from '@nestjs/platform-express';
import {
  DIMENSION_IDS,
  DimensionId,
  StatisticsTable,
  StatisticsTables,
  fitsMeasure,
} from '@amparo/statistics';
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

  // Every dimension that describes a case or its person, drawn in pairs over random cases whose
  // every coded field is random: exact counts and the same disclosure control for each of them.
  const richCase = fc.record({
    category: fc.constantFrom(...CATEGORIES),
    sex: fc.constantFrom(...SEXES),
    gender: fc.constantFrom(null, 'woman', 'man', 'non_binary'),
    nationality: fc.constantFrom('MX', 'GT'),
    origin: fc.constantFrom(null, 'MX-OAX', 'MX-CHP'),
    birthYear: fc.constantFrom(null, 2015, 1990),
    flags: fc.constantFrom([], ['detained'], ['detained', 'disability']),
    closed: fc.boolean(),
    eventSubdivision: fc.constantFrom(null, 'US-CA'),
    hostCountryRole: fc.constantFrom(null, 'origin', 'transit', 'destination'),
    temporaryWorker: fc.boolean(),
  });
  type RichCase = typeof richCase extends fc.Arbitrary<infer T> ? T : never;

  /** What each dimension reads of a case opened in 2025 at the one post (MX-PRP, in the US). */
  const CODE_OF: Partial<Record<DimensionId, (c: RichCase) => string>> = {
    period: () => '2025',
    sending_country: () => 'MX',
    consulate: () => 'MX-PRP',
    host_country: () => 'US',
    host_subdivision: (c) => c.eventSubdivision ?? '_U',
    category: (c) => c.category,
    vulnerability: (c) => (c.flags.length > 1 ? 'multiple' : (c.flags[0] ?? 'none')),
    sex: (c) => SEX_CODES[c.sex],
    age_group: (c) => (c.birthYear === 2015 ? 'Y0T11' : c.birthYear === 1990 ? 'Y30T59' : '_U'),
    status: (c) => (c.closed ? 'closed' : 'open'),
    closure_reason: (c) => (c.closed ? 'resolved' : '_Z'),
    crisis_event: () => '_Z',
    origin_subdivision: (c) => c.origin ?? '_U',
    nationality: (c) => c.nationality,
    host_country_role: (c) => c.hostCountryRole ?? '_U',
    temporary_worker: (c) => (c.temporaryWorker ? 'Y' : 'N'),
    gender: (c) => c.gender ?? '_U',
  };
  // Fixed code lists cut to the codes the cases can have, so that tables stay small.
  const FILTERS = {
    category: [...CATEGORIES],
    vulnerability: ['none', 'detained', 'multiple'],
    status: ['open', 'closed'],
    closure_reason: ['resolved', '_Z'],
  };
  const CASE_DIMENSIONS = Object.keys(CODE_OF) as DimensionId[];
  const drawn = new Set<DimensionId>();

  async function replaceRichCases(cases: RichCase[]) {
    await stack.query('DELETE FROM return_movement_cases');
    await stack.query('DELETE FROM return_movements');
    await stack.query('DELETE FROM cases');
    await stack.query('DELETE FROM persons');
    const column = <T>(pick: (c: RichCase) => T) => cases.map(pick);
    await stack.query(
      `WITH input AS (
         SELECT gen_random_uuid() AS person_id, t.*
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[],
                       $8::boolean[], $9::text[], $10::text[], $11::boolean[])
             AS t(category, sex, gender, nationality, origin, birth_year, flags, closed, event_subdivision,
                  host_country_role, temporary_worker))
       , persons_added AS (
         INSERT INTO persons (id, country_code, given_names, family_names, sex, gender, nationality_code,
                              origin_subdivision_code, date_of_birth)
         SELECT person_id, 'MX', 'Persona', 'Sintética', sex, gender, nationality, origin,
                make_date(birth_year, 1, 1) FROM input)
       INSERT INTO cases (reference, consulate_id, country_code, primary_category, primary_person_id,
                          opened_at, created_by, vulnerability_flags, status, closed_at, closure_reason,
                          event_subdivision_code, host_country_role, temporary_worker)
       SELECT 'P-' || gen_random_uuid(), $12, 'MX', category, person_id, '2025-06-15T12:00:00Z', $13,
              COALESCE(string_to_array(NULLIF(flags, ''), ','), '{}'), CASE WHEN closed THEN 'closed' ELSE 'open' END,
              CASE WHEN closed THEN '2025-07-01T00:00:00Z'::timestamptz END,
              CASE WHEN closed THEN 'resolved' END, event_subdivision, host_country_role, temporary_worker
         FROM input`,
      [
        column((c) => c.category),
        column((c) => c.sex),
        column((c) => c.gender),
        column((c) => c.nationality),
        column((c) => c.origin),
        column((c) => c.birthYear),
        column((c) => c.flags.join(',')),
        column((c) => c.closed),
        column((c) => c.eventSubdivision),
        column((c) => c.hostCountryRole),
        column((c) => c.temporaryWorker),
        post,
        creator,
      ],
    );
  }

  const dimensionPair = fc.uniqueArray(fc.constantFrom(...CASE_DIMENSIONS), {
    minLength: 2,
    maxLength: 2,
  });
  const richCases = fc.array(richCase, { minLength: 0, maxLength: 50 });

  it('publishes true counts by every case and person dimension, none derivable', async () => {
    // Each dimension at least once beside another, whatever the random pairs; then random pairs.
    const examples = CASE_DIMENSIONS.map((d, i): [RichCase[], DimensionId[]] => [
      fc.sample(richCases, { numRuns: 1, seed: i })[0],
      [d, CASE_DIMENSIONS[(i + 1) % CASE_DIMENSIONS.length]],
    ]);
    await fc.assert(
      fc.asyncProperty(richCases, dimensionPair, async (cases, dimensions) => {
        dimensions.forEach((d) => drawn.add(d));
        await replaceRichCases(cases);
        const table = await tables.table(
          {
            measure: 'cases_opened',
            dimensions,
            period: 'year',
            from: '2025-01-01',
            to: '2025-12-31',
            filters: Object.fromEntries(
              Object.entries(FILTERS).filter(([id]) => dimensions.includes(id as DimensionId)),
            ),
          },
          { countries: ['MX'], consulateIds: [] },
        );
        for (const cell of table.cells) {
          const n = cases.filter((c) =>
            dimensions.every((d, i) => cell.codes[i] === '_T' || CODE_OF[d]!(c) === cell.codes[i]),
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
      { numRuns: 40, examples },
    );
  }, 300_000);

  // Persons returned (issue 17): one completed movement per mode, each random person on it through
  // a case of their own; the view, the count and the same disclosure control.
  const returnSet = fc.array(
    fc.record({
      mode: fc.constantFrom(...MODES),
      sex: fc.constantFrom(...SEXES),
      gender: fc.constantFrom(null, 'woman', 'man'),
      origin: fc.constantFrom(null, 'MX-OAX'),
    }),
    { minLength: 0, maxLength: 40 },
  );
  type ReturnedPerson = { mode: string; sex: string; gender: string | null; origin: string | null };
  /** Land movements end in Baja California: a person of no recorded origin counts there. */
  const LAND_DESTINATION = 'MX-BCN';
  const RETURN_CODE_OF: Partial<Record<DimensionId, (p: ReturnedPerson) => string>> = {
    sex: (p) => SEX_CODES[p.sex as 'male'],
    gender: (p) => p.gender ?? '_U',
    origin_subdivision: (p) => p.origin ?? (p.mode === 'land' ? LAND_DESTINATION : '_U'),
    nationality: () => 'MX',
  };
  const returnDimensions = new Set<DimensionId>(['return_mode']);

  async function replaceReturns(persons: ReturnedPerson[]) {
    await replaceCases(persons.map((p) => ({ category: 'return', sex: p.sex, month: 6 })));
    // The person's gender and origin, matched by sex as the modes are below.
    const people = await stack.query<{ id: string; sex: string }>(
      'SELECT id, sex FROM persons ORDER BY id',
    );
    const bySex = new Map<string, ReturnedPerson[]>();
    for (const p of persons) bySex.set(p.sex, [...(bySex.get(p.sex) ?? []), p]);
    const assigned = new Map<string, ReturnedPerson>();
    for (const row of people) {
      const p = bySex.get(row.sex)!.shift()!;
      assigned.set(row.id, p);
      await stack.query(
        'UPDATE persons SET gender = $2, origin_subdivision_code = $3 WHERE id = $1',
        [row.id, p.gender, p.origin],
      );
    }
    const cases = await stack.query<{ id: string; personId: string; sex: string }>(
      `SELECT c.id, c.primary_person_id AS "personId", p.sex
         FROM cases c JOIN persons p ON p.id = c.primary_person_id ORDER BY c.id`,
    );
    const modeOf = new Map(cases.map((c) => [c.id, assigned.get(c.personId)!.mode]));
    for (const mode of MODES) {
      const [{ id }] = await stack.query<{ id: string }>(
        `INSERT INTO return_movements (country_code, consulate_id, mode, status, planned_departure_at,
            actual_departure_at, actual_arrival_at, from_country_code, from_place, to_place, created_by)
         VALUES ('MX', $1, $2, 'completed', '2025-06-14T12:00:00Z', '2025-06-14T12:00:00Z',
                 '2025-06-15T12:00:00Z', 'US', 'San Ysidro', 'Tijuana', $3) RETURNING id`,
        [post, mode, creator],
      );
      await stack.query('UPDATE return_movements SET to_subdivision_code = $2 WHERE id = $1', [
        id,
        mode === 'land' ? LAND_DESTINATION : null,
      ]);
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

  it('counts persons returned by mode and a person dimension: true counts only, none derivable', async () => {
    const personDimensions = Object.keys(RETURN_CODE_OF) as DimensionId[];
    await fc.assert(
      fc.asyncProperty(returnSet, fc.constantFrom(...personDimensions), async (persons, second) => {
        returnDimensions.add(second);
        await replaceReturns(persons);
        const table = await tables.table(
          {
            measure: 'returns',
            dimensions: ['return_mode', second],
            period: 'year',
            from: '2025-01-01',
            to: '2025-12-31',
            filters: {},
          },
          { countries: ['MX'], consulateIds: [] },
        );
        for (const cell of table.cells) {
          const [mode, code] = cell.codes;
          const n = persons.filter(
            (p) =>
              (mode === '_T' || p.mode === mode) &&
              (code === '_T' || RETURN_CODE_OF[second]!(p) === code),
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
      {
        numRuns: 40,
        // Each person dimension at least once.
        examples: personDimensions.map((d, i): [ReturnedPerson[], DimensionId] => [
          fc.sample(returnSet, { numRuns: 1, seed: i })[0],
          d,
        ]),
      },
    );
  }, 240_000);

  it('draws every dimension that applies to cases or returns (a new dimension must join a property)', () => {
    const applicable = DIMENSION_IDS.filter(
      (d) => fitsMeasure(d, 'cases_opened') || fitsMeasure(d, 'returns'),
    );
    const exercised = new Set<DimensionId>([...drawn, ...returnDimensions]);
    expect(applicable.filter((d) => !exercised.has(d))).toEqual([]);
  });
});
