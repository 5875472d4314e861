import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { insertCases, times } from './utils/statistics-fixtures';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

interface Cell {
  coordinates: Record<string, string>;
  value: number | null;
  suppressed: boolean;
}

describe('Statistics: GET /api/v1/statistics', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const tokens: Record<string, string> = {};
  let posts: Record<'lax' | 'chi' | 'gt', string>;

  beforeAll(async () => {
    stack = await createTestStack({ STATISTICS_MAX_TABLE_CELLS: '150' });
    app = await createTestApi(stack.config);
    posts = {
      lax: await createConsulate(stack, 'MX', 'LAX'),
      chi: await createConsulate(stack, 'MX', 'CHI'),
      gt: await createConsulate(stack, 'GT', 'LAX'),
    };
    const users = {
      officer: await createUser(stack, [{ role: 'officer', consulateId: posts.lax }]),
      supervisor: await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]),
      analystGt: await createUser(stack, [{ role: 'analyst', countryCode: 'GT' }]),
      admin: await createUser(stack, [{ role: 'admin', countryCode: 'MX' }]),
    };
    for (const [name, user] of Object.entries(users)) {
      tokens[name] = (await signIn(app, user.email)).accessToken;
    }
    const lax = { consulateId: posts.lax, country: 'MX' };
    await insertCases(stack, users.officer.id, [
      ...times(12, {
        ...lax,
        category: 'trafficking',
        sex: 'female',
        dateOfBirth: '2010-01-01',
        openedAt: '2025-03-10T12:00:00Z',
      }),
      ...times(3, {
        ...lax,
        category: 'health',
        sex: 'male',
        dateOfBirth: '1980-05-05',
        openedAt: '2025-03-10T12:00:00Z',
      }),
      ...times(2, {
        ...lax,
        category: 'return',
        sex: 'female',
        openedAt: '2025-03-10T00:00:00Z',
        closedAt: '2025-04-10T00:00:00Z',
      }),
      ...times(5, { ...lax, category: 'return', sex: 'female', openedAt: '2025-03-10T00:00:00Z' }),
      ...times(4, { ...lax, category: 'health', openedAt: '2024-06-01T00:00:00Z' }),
      {
        ...lax,
        category: 'return',
        openedAt: '2025-05-01T00:00:00Z',
        closedAt: '2025-05-02T00:00:00Z',
        closureReason: 'duplicate',
      },
    ]);
    const chi = { consulateId: posts.chi, country: 'MX' };
    await insertCases(stack, users.officer.id, [
      ...times(5, {
        ...chi,
        category: 'health',
        sex: 'male',
        openedAt: '2025-02-01T00:00:00Z',
        closedAt: '2025-02-11T00:00:00Z',
      }),
      { ...chi, category: 'health', sex: 'male', openedAt: '2025-02-01T00:00:00Z' },
      { ...chi, category: 'death', openedAt: '2025-08-01T00:00:00Z' },
    ]);
    await insertCases(stack, users.officer.id, [
      ...times(9, {
        consulateId: posts.gt,
        country: 'GT',
        category: 'trafficking',
        sex: 'female',
        openedAt: '2025-07-01T00:00:00Z',
      }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const get = (who: string, query: string) =>
    request(app.getHttpServer())
      .get(`/api/v1/statistics?${query}`)
      .set('Authorization', `Bearer ${tokens[who]}`);
  const cell = (cells: Cell[], coordinates: Record<string, string>) =>
    cells.find((c) => Object.entries(coordinates).every(([k, v]) => c.coordinates[k] === v))!;
  const YEAR_2025 = 'from=2025-01-01&to=2025-12-31';

  function expectNoSmallPublishedCount(cells: Cell[], k = 5) {
    for (const c of cells) {
      if (c.suppressed) expect(c.value).toBeNull();
      else expect(c.value === 0 || (c.value ?? 0) >= k).toBe(true);
    }
  }

  it('gives a supervisor the country table by category, matching SQL, with small counts suppressed', async () => {
    const res = await get('supervisor', `measure=cases_opened&dimensions=category&${YEAR_2025}`);
    expect(res.status).toBe(200);
    const cells: Cell[] = res.body.cells;
    const [{ n }] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE country_code = 'MX' AND primary_category = 'trafficking'
          AND opened_at >= '2025-01-01' AND opened_at < '2026-01-01'`,
    );
    expect(cell(cells, { category: 'trafficking' })).toEqual(
      expect.objectContaining({ value: n, suppressed: false }),
    );
    expect(n).toBe(12);
    // One death: suppressed, and not recoverable from the total.
    expect(cell(cells, { category: 'death' })).toEqual(
      expect.objectContaining({ value: null, suppressed: true }),
    );
    expect(cells.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(cell(cells, { category: 'asylum' })).toEqual(
      expect.objectContaining({ value: 0, suppressed: false }),
    );
    // Every category is listed (zeros too), plus the total.
    expect(cells).toHaveLength(17);
    expectNoSmallPublishedCount(cells);
    expect(res.body.disclosure).toEqual(
      expect.objectContaining({ k: 5, method: expect.any(String), rule: expect.any(String) }),
    );
    expect(res.body.dimensions[0].codes).toContainEqual({
      code: 'trafficking',
      label: { es: 'Trata de personas', en: 'Trafficking in persons' },
    });
  });

  it('never counts cases closed as duplicates, nor cases outside the range', async () => {
    const res = await get('supervisor', `measure=cases_opened&dimensions=category&${YEAR_2025}`);
    const total = cell(res.body.cells, { category: '_T' });
    // 12 + 3 + 7 + 6 + 1 = 29 (not the duplicate, not the 2024 cases).
    expect(total).toEqual(expect.objectContaining({ value: 29, suppressed: false }));
  });

  it('scopes an officer to their post and an analyst to their granted country', async () => {
    const officer = await get('officer', `measure=cases_opened&dimensions=sex&${YEAR_2025}`);
    expect(officer.status).toBe(200);
    // LAX: 12 + 2 + 5 women and 3 men (the duplicate is not counted). The 3 are suppressed, and
    // so are the 19 women, who with the published total would give the 3 away.
    expect(cell(officer.body.cells, { sex: '_T' }).value).toBe(22);
    expect(cell(officer.body.cells, { sex: 'M' })).toEqual(
      expect.objectContaining({ value: null, suppressed: true }),
    );
    expect(cell(officer.body.cells, { sex: 'F' }).suppressed).toBe(true);
    expect(officer.body.scope).toEqual({ countries: [], consulateIds: [posts.lax] });
    expectNoSmallPublishedCount(officer.body.cells);

    const analyst = await get('analystGt', `measure=cases_opened&dimensions=category&${YEAR_2025}`);
    expect(cell(analyst.body.cells, { category: '_T' }).value).toBe(9);
  });

  it('breaks down by period and by two dimensions with margins', async () => {
    const res = await get(
      'supervisor',
      `measure=cases_opened&dimensions=period,sex&period=semester&${YEAR_2025}`,
    );
    expect(res.status).toBe(200);
    const cells: Cell[] = res.body.cells;
    expect(res.body.dimensions[0].codes.map((c: { code: string }) => c.code)).toEqual([
      '2025-S1',
      '2025-S2',
    ]);
    // 28 in the first semester and the one death in the second: with the grand total published,
    // the first semester's total would give the second away, so both are suppressed.
    expect(cell(cells, { period: '_T', sex: '_T' }).value).toBe(29);
    expect(cell(cells, { period: '2025-S2', sex: '_T' }).suppressed).toBe(true);
    expect(cell(cells, { period: '2025-S1', sex: '_T' }).suppressed).toBe(true);
    expect(cell(cells, { period: '_T', sex: 'F' }).value).toBe(19);
    expectNoSmallPublishedCount(cells);
  });

  it('counts cases open at each period end, and medians of days to closure only where counts are published', async () => {
    const open = await get(
      'supervisor',
      `measure=cases_open_at_end&dimensions=period&period=quarter&${YEAR_2025}`,
    );
    expect(open.status).toBe(200);
    // End of Q1: 12 + 3 + 7 + the 4 opened in 2024 (LAX) + 1 (CHI; 5 closed in February) = 27.
    expect(cell(open.body.cells, { period: '2025-Q1' }).value).toBe(27);

    const medians = await get(
      'supervisor',
      `measure=median_days_to_closure&dimensions=category&${YEAR_2025}`,
    );
    expect(medians.status).toBe(200);
    // Seven closures: five after 10 days, two after 31.
    expect(cell(medians.body.cells, { category: '_T' })).toEqual(
      expect.objectContaining({ value: 10, suppressed: false }),
    );
    expect(cell(medians.body.cells, { category: 'return' })).toEqual(
      expect.objectContaining({ value: null, suppressed: true }),
    );
  });

  it('filters by code, and records each query in the audit trail', async () => {
    const res = await get(
      'supervisor',
      `measure=cases_opened&dimensions=category&category=health,trafficking&${YEAR_2025}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.cells.map((c: Cell) => c.coordinates.category).sort()).toEqual([
      '_T',
      'health',
      'trafficking',
    ]);
    expect(cell(res.body.cells, { category: '_T' }).value).toBe(21);
    const audited = await stack.query(
      `SELECT 1 FROM audit_events WHERE action = 'statistics.query' AND details->>'measure' = 'cases_opened'`,
    );
    expect(audited.length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown measure', 'measure=cases_lost', 'measure', 'UNKNOWN_MEASURE'],
    [
      'four dimensions',
      'measure=cases_opened&dimensions=sex,category,status,period',
      'dimensions',
      'TOO_MANY_DIMENSIONS',
    ],
    [
      'a dimension of another measure',
      'measure=cases_opened&dimensions=action_type',
      'dimensions',
      'DIMENSION_NOT_APPLICABLE',
    ],
    [
      'reversed dates',
      'measure=cases_opened&from=2025-12-31&to=2025-01-01',
      'to',
      'RANGE_REVERSED',
    ],
    ['a bad date', 'measure=cases_opened&from=2025-02-30&to=2025-03-01', 'from', 'INVALID_DATE'],
    ['an unknown code', 'measure=cases_opened&category=piracy', 'filters.category', 'UNKNOWN_CODE'],
  ])('answers 400 problem details for %s', async (_name, query, field, code) => {
    const full = query.includes('from=') ? query : `${query}&${YEAR_2025}`;
    const res = await get('supervisor', full);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('refuses an unknown query parameter and a table larger than the configured maximum', async () => {
    const unknown = await get('supervisor', `measure=cases_opened&${YEAR_2025}&colour=red`);
    expect(unknown.status).toBe(400);
    const large = await get(
      'supervisor',
      `measure=cases_opened&dimensions=category,vulnerability&${YEAR_2025}`,
    );
    expect(large.status).toBe(422);
    expect(large.body.code).toBe('STATISTICS_TABLE_TOO_LARGE');
  });

  it.each([
    ['a supervisor', 'sending_country=GT', 'supervisor', 'sending_country', 'GT'],
    ['a supervisor', 'consulate=GT-LAX', 'supervisor', 'consulate', 'GT-LAX'],
    ['an analyst', 'sending_country=MX', 'analystGt', 'sending_country', 'MX'],
    ['an analyst', 'consulate=GT-LAX,MX-LAX', 'analystGt', 'consulate', 'MX-LAX'],
    ['an officer', 'consulate=MX-CHI', 'officer', 'consulate', 'MX-CHI'],
    ['an officer', 'sending_country=GT', 'officer', 'sending_country', 'GT'],
  ])(
    'refuses %s a filter outside their scope (%s), naming it, and records no query',
    async (_who, filter, who, field, value) => {
      const before = await stack.query(
        `SELECT id FROM audit_events WHERE action = 'statistics.query'`,
      );
      const query = `measure=cases_opened&dimensions=category&${filter}&${YEAR_2025}`;
      const es = await get(who, query);
      expect(es.status).toBe(403);
      expect(es.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(es.body).toEqual(
        expect.objectContaining({
          code: 'FILTER_OUTSIDE_SCOPE',
          title: 'Filtro fuera de su alcance',
          detail: expect.stringContaining(`El filtro ${field} incluye ${value}`),
        }),
      );
      expect(es.body.errors).toEqual([
        expect.objectContaining({ field: `filters.${field}`, code: 'FILTER_OUTSIDE_SCOPE' }),
      ]);
      const en = await get(who, query).set('Accept-Language', 'en');
      expect(en.body.detail).toContain(`The ${field} filter includes ${value}`);
      expect(
        await stack.query(`SELECT id FROM audit_events WHERE action = 'statistics.query'`),
      ).toHaveLength(before.length);
    },
  );

  it.each([
    ['a supervisor', 'supervisor', 'consulate=MX-CHI&sending_country=MX', 7],
    ['an analyst', 'analystGt', 'sending_country=GT&consulate=GT-LAX', 9],
    [
      'an officer, their own post and its country',
      'officer',
      'consulate=MX-LAX&sending_country=MX',
      22,
    ],
  ])('accepts %s filters inside their scope', async (_who, who, filter, total) => {
    const res = await get(who, `measure=cases_opened&dimensions=category&${filter}&${YEAR_2025}`);
    expect(res.status).toBe(200);
    expect(cell(res.body.cells, { category: '_T' }).value).toBe(total);
  });

  it('refuses callers without statistics access', async () => {
    expect((await get('admin', `measure=cases_opened&${YEAR_2025}`)).status).toBe(403);
    const anonymous = await request(app.getHttpServer()).get(
      `/api/v1/statistics?measure=cases_opened&${YEAR_2025}`,
    );
    expect(anonymous.status).toBe(401);
  });
});
