import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { exportedDocument } from './utils/json-export';
import { createConsulate, createUser, signIn } from './utils/identity';
import { insertCases, times } from './utils/statistics-fixtures';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

/** One cell of a one-dimensional table by sex, as the API or an export publishes it. */
interface SexCell {
  sex: string;
  value: number | null;
  suppressed: boolean;
}

/**
 * What someone learns from a published table by sex with its total: the suppressed cells they can
 * pin. Zeros are published, so each suppressed cell holds at least 1. With the total published, a
 * lone suppressed cell is the total minus the others; several suppressed cells whose sum is their
 * number are each 1 (and the one person in such a cell learns the others are alone too).
 */
function pinnedCells(cells: readonly SexCell[]): string[] {
  const total = cells.find((c) => c.sex === '_T')!;
  const hidden = cells.filter((c) => c.sex !== '_T' && c.suppressed);
  if (total.suppressed || hidden.length === 0) return [];
  const rest = cells
    .filter((c) => c.sex !== '_T' && !c.suppressed)
    .reduce((sum, c) => sum - c.value!, total.value!);
  return hidden.length === 1 || rest === hidden.length ? hidden.map((c) => c.sex) : [];
}

/**
 * Disclosure control end to end: a small count next to its total, and cells of 1 whose sum the
 * total would give away, through the statistics API and through an export. The unit specs prove
 * the algorithm; these prove that what leaves the registry went through it.
 */
describe('Disclosure control of what leaves the registry (statistics API and exports)', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let exportsDir: string;
  let token: string;

  beforeAll(async () => {
    exportsDir = await mkdtemp(join(tmpdir(), 'amparo-disclosure-'));
    stack = await createTestStack({ EXPORTS_DIR: exportsDir });
    app = await createTestApi(stack.config);
    worker = await createTestWorker(stack.config);
    await worker.init();
    const post = await createConsulate(stack, 'MX', 'LAX');
    const supervisor = await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]);
    const officer = await createUser(stack, [{ role: 'officer', consulateId: post }]);
    token = (await signIn(app, supervisor.email)).accessToken;
    const at = { consulateId: post, country: 'MX', openedAt: '2025-03-01T00:00:00Z' };
    await insertCases(stack, officer.id, [
      // Trafficking by sex: 12 women and 3 men, total 15. The 3 alone would be 15 − 12.
      ...times(12, { ...at, category: 'trafficking', sex: 'female' }),
      ...times(3, { ...at, category: 'trafficking', sex: 'male' }),
      // Returns by sex: 9 women, 1 man, 1 intersex person, total 11. Publishing 9 and 11 tells
      // that the two suppressed cells add up to 2, hence hold 1 each.
      ...times(9, { ...at, category: 'return', sex: 'female' }),
      { ...at, category: 'return', sex: 'male' },
      { ...at, category: 'return', sex: 'intersex' },
      // Labour cases, for the dimensions of issue 18: 12 alike and 3 that differ in every one of
      // them (gender, nationality, origin, the host country's role, the temporary-worker flag).
      ...times(12, {
        ...at,
        category: 'labour_rights',
        gender: 'woman',
        nationality: 'MX',
        originSubdivision: 'MX-OAX',
        hostCountryRole: 'destination',
        temporaryWorker: true,
      }),
      ...times(3, {
        ...at,
        category: 'labour_rights',
        gender: 'man',
        nationality: 'GT',
        originSubdivision: 'MX-CHP',
        hostCountryRole: 'transit',
        temporaryWorker: false,
      }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await stack?.teardown();
    await rm(exportsDir, { recursive: true, force: true });
  });

  const auth = () => ({ Authorization: `Bearer ${token}` });
  const QUERY = { measure: 'cases_opened', from: '2025-01-01', to: '2025-12-31' };

  async function fromApi(category: string): Promise<SexCell[]> {
    const res = await request(app.getHttpServer())
      .get('/api/v1/statistics')
      .query({ ...QUERY, dimensions: 'sex', category })
      .set(auth());
    expect(res.status).toBe(200);
    return res.body.cells.map(
      (c: { coordinates: { sex: string }; value: number | null; suppressed: boolean }) => ({
        sex: c.coordinates.sex,
        value: c.value,
        suppressed: c.suppressed,
      }),
    );
  }

  async function fromExport(category: string): Promise<SexCell[]> {
    const document = await exportedDocument(app.getHttpServer(), auth(), {
      kind: 'statistics',
      measures: [QUERY.measure],
      dimensions: ['sex'],
      period: 'year',
      from: QUERY.from,
      to: QUERY.to,
      filters: { category: [category] },
    });
    return document.rows.map((r) => ({
      sex: r.SEX as string,
      value: r.OBS_VALUE,
      suppressed: r.CONF_STATUS === 'C',
    }));
  }

  describe.each([
    ['the statistics API', fromApi],
    ['an export', fromExport],
  ])('%s', (_where, publish) => {
    it('suppresses a second cell beside a lone small count, so the total does not give it away', async () => {
      const cells = await publish('trafficking');
      expect(cells).toContainEqual({ sex: 'M', value: null, suppressed: true });
      expect(cells.filter((c) => c.sex !== 'M' && c.value !== 0 && c.suppressed)).not.toEqual([]);
      expect(pinnedCells(cells)).toEqual([]);
    });

    it('suppresses a third cell beside two cells of 1, so their sum is not given away', async () => {
      const cells = await publish('return');
      expect(cells).toContainEqual({ sex: 'M', value: null, suppressed: true });
      expect(cells).toContainEqual({ sex: '_O', value: null, suppressed: true });
      expect(cells.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(3);
      expect(pinnedCells(cells)).toEqual([]);
    });
  });

  // The same rule for every dimension of issue 18: the 3 labour cases that differ are one small
  // cell beside a published total, so a second cell is suppressed with it.
  it.each([
    ['gender', 'man'],
    ['nationality', 'GT'],
    ['origin_subdivision', 'MX-CHP'],
    ['host_country_role', 'transit'],
    ['temporary_worker', 'N'],
  ])(
    'suppresses a lone small count by %s so that the total does not give it away',
    async (dimension, small) => {
      const res = await request(app.getHttpServer())
        .get('/api/v1/statistics')
        .query({ ...QUERY, dimensions: dimension, category: 'labour_rights' })
        .set(auth());
      expect(res.status).toBe(200);
      const cells: SexCell[] = res.body.cells.map(
        (c: {
          coordinates: Record<string, string>;
          value: number | null;
          suppressed: boolean;
        }) => ({
          sex: c.coordinates[dimension],
          value: c.value,
          suppressed: c.suppressed,
        }),
      );
      expect(cells).toContainEqual({ sex: small, value: null, suppressed: true });
      expect(cells.filter((c) => c.sex !== small && c.value !== 0 && c.suppressed)).not.toEqual([]);
      expect(pinnedCells(cells)).toEqual([]);
    },
  );
});
