import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { validateStatisticsExport } from '@amparo/statistics';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { exportedDocument } from './utils/json-export';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

type Body = Record<string, unknown>;
type Cells = Record<string, { value: number | null; suppressed: boolean }>;

const DAY = 86_400_000;
const utcDay = (days = 0) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const REASON = 'The family moved to the jurisdiction of the other post';

/**
 * Statistics of the network's cooperation (issue 16): referrals by organisation type and service,
 * assistance requests by receiving country and kind, accepted transfers. Everything is created
 * through the API; the tables are read as a Mexican supervisor or analyst would, with k = 3 so that
 * a handful of referrals makes a publishable cell.
 *
 * Mexico sends 3 referrals to a civil-society organisation (legal aid) and 3 to an international
 * organisation (legal aid and health: `multiple`); 3 assistance requests to Guatemala and 3 to
 * Honduras (2 assistance, 1 notification); and proposes 4 transfers between its posts, 3 accepted
 * and 1 rejected.
 */
describe('Statistics of referrals, assistance requests and transfers', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let exportsDir: string;
  const posts = {} as Record<'mx' | 'mxOther' | 'gt' | 'hn', string>;
  let mxOtherCode: string;
  const organisations = {} as Record<'civil' | 'international', string>;
  const { tokens, signInAs } = signedInUsers(() => ({ app, stack }));

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const range = { from: utcDay(-1), to: utcDay(0) };

  const organisation = async (type: string, services: string[]) => {
    const [row] = await stack.query<{ id: string }>(
      `INSERT INTO organisations (name, type, services, coverage_countries, languages)
       VALUES ($1, $2, $3, '{US}', '{es}') RETURNING id`,
      [`Organisation ${randomUUID().slice(0, 8)}`, type, services],
    );
    return row.id;
  };

  async function newCase(consent = true): Promise<string> {
    const res = await http()
      .post('/api/v1/cases')
      .set(as('mxOfficer'))
      .send({
        consulateId: posts.mx,
        primaryCategory: 'labour_rights',
        eventCountryCode: 'US',
        summary: 'Unpaid wages for three months; the employer withholds her passport.',
        ...(consent
          ? {
              consent: {
                services: true,
                disclosureToOrganisations: true,
                disclosureToOtherCountry: true,
                tracing: false,
              },
            }
          : {}),
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Ximena',
              familyNames: `Cooperación ${randomUUID().slice(0, 8)}`,
              sex: 'female',
              nationalityCode: 'MX',
              dateOfBirth: '1991-05-17',
            },
          },
        ],
      });
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    return res.body.id;
  }

  async function refer(caseId: string, organisationId: string, services: string[]) {
    const res = await http()
      .post(`/api/v1/cases/${caseId}/referrals`)
      .set(as('mxOfficer'))
      .set('Idempotency-Key', randomUUID())
      .send({
        organisationId,
        services,
        need: 'Legal representation at the labour tribunal.',
        fields: ['names'],
        followUpDue: utcDay(7),
      });
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
  }

  async function askForAssistance(caseId: string, receivingConsulateId: string, kind: string) {
    const res = await http()
      .post(`/api/v1/cases/${caseId}/assistance-requests`)
      .set(as('mxOfficer'))
      .set('Idempotency-Key', randomUUID())
      .send({
        receivingConsulateId,
        kind,
        reason: 'no_post_in_place',
        reasonNote: 'Mexico has no post where she now lives; the other country has one nearby.',
        fields: kind === 'notification' ? ['names'] : ['names', 'sex', 'nationality'],
      });
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
  }

  async function transfer(decision: 'accept' | 'reject') {
    const caseId = await newCase(false);
    const proposed = await http()
      .post(`/api/v1/cases/${caseId}/transfers`)
      .set(as('mxOfficer'))
      .send({ toConsulateId: posts.mxOther, reason: REASON });
    expect(proposed.status).toBe(201);
    const decided = await http()
      .post(`/api/v1/transfers/${proposed.body.id}/${decision}`)
      .set(as('mxOtherConsul'))
      .send(decision === 'reject' ? { reason: 'We have no officer for this language' } : {});
    expect(decided.status).toBe(200);
  }

  beforeAll(async () => {
    exportsDir = await mkdtemp(join(tmpdir(), 'amparo-cooperation-'));
    stack = await createTestStack({ EXPORTS_DIR: exportsDir, STATISTICS_DISCLOSURE_K: '3' });
    app = await createTestApi(stack.config);
    worker = await createTestWorker(stack.config);
    await worker.init();
    posts.mx = await createConsulate(stack, 'MX');
    posts.mxOther = await createConsulate(stack, 'MX');
    posts.gt = await createConsulate(stack, 'GT');
    posts.hn = await createConsulate(stack, 'HN');
    [{ code: mxOtherCode }] = await stack.query<{ code: string }>(
      `SELECT sending_country_code || '-' || post_code AS code FROM consulates WHERE id = $1`,
      [posts.mxOther],
    );
    await signInAs('mxOfficer', [{ role: 'officer', consulateId: posts.mx }]);
    await signInAs('mxOtherConsul', [{ role: 'consul', consulateId: posts.mxOther }]);
    await signInAs('mxSupervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
    await signInAs('mxAnalyst', [{ role: 'analyst', countryCode: 'MX' }]);
    await signInAs('gtAnalyst', [{ role: 'analyst', countryCode: 'GT' }]);
    organisations.civil = await organisation('civil_society', ['legal_aid', 'shelter']);
    organisations.international = await organisation('international_organisation', [
      'legal_aid',
      'health',
    ]);

    const [first, second] = [await newCase(), await newCase()];
    for (const caseId of [first, second, first]) {
      await refer(caseId, organisations.civil, ['legal_aid']);
      await refer(caseId, organisations.international, ['legal_aid', 'health']);
    }
    for (const caseId of [first, second, first])
      await askForAssistance(caseId, posts.gt, 'assistance');
    await askForAssistance(first, posts.hn, 'assistance');
    await askForAssistance(second, posts.hn, 'assistance');
    await askForAssistance(second, posts.hn, 'notification');
    for (const decision of ['accept', 'accept', 'reject', 'accept'] as const)
      await transfer(decision);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await stack?.teardown();
    await rm(exportsDir, { recursive: true, force: true });
  });

  const statistics = (who: string, query: Body) =>
    http()
      .get('/api/v1/statistics')
      .query({ ...range, ...query })
      .set(as(who));

  /** A one-dimensional table as code → cell, `_T` the total. */
  async function table(who: string, measure: string, dimension: string): Promise<Cells> {
    const res = await statistics(who, { measure, dimensions: dimension });
    expect([res.status, res.body.errors]).toEqual([200, undefined]);
    return Object.fromEntries(
      res.body.cells.map(
        (c: { coordinates: Record<string, string>; value: number | null; suppressed: boolean }) => [
          c.coordinates[dimension],
          { value: c.value, suppressed: c.suppressed },
        ],
      ),
    );
  }
  const shown = (value: number) => ({ value, suppressed: false });

  describe.each(['mxSupervisor', 'mxAnalyst'])('as %s of Mexico', (who) => {
    it('counts referrals by organisation type, every type of the directory listed', async () => {
      expect(await table(who, 'referrals', 'organisation_type')).toEqual({
        civil_society: shown(3),
        international_organisation: shown(3),
        government_agency: shown(0),
        child_protection_authority: shown(0),
        _T: shown(6),
      });
    });

    it('counts a referral asking for several services once, under multiple, so the total adds up', async () => {
      const cells = await table(who, 'referrals', 'referral_service');
      expect(cells).toMatchObject({ legal_aid: shown(3), multiple: shown(3), _T: shown(6) });
      expect(cells.health).toEqual(shown(0));
      expect(Object.keys(cells)).toHaveLength(12 + 1 + 1);
    });

    it('counts assistance requests by receiving country, and by sending country', async () => {
      expect(await table(who, 'assistance_requests', 'receiving_country')).toEqual({
        GT: shown(3),
        HN: shown(3),
        _T: shown(6),
      });
      expect(await table(who, 'assistance_requests', 'sending_country')).toEqual({
        MX: shown(6),
        _T: shown(6),
      });
    });

    it('suppresses the lone notification, and a second cell so the total does not give it away', async () => {
      const cells = await table(who, 'assistance_requests', 'assistance_kind');
      expect(cells.notification).toEqual({ value: null, suppressed: true });
      expect([cells.assistance, cells._T].filter((c) => c.suppressed)).toHaveLength(1);
      expect(Object.values(cells).filter((c) => c.suppressed && c.value !== null)).toEqual([]);
    });

    it('counts accepted transfers only, at the post the case moved to', async () => {
      expect(await table(who, 'transfers', 'consulate')).toEqual({
        [mxOtherCode]: shown(3),
        _T: shown(3),
      });
    });
  });

  it("does not count Mexico's requests for a Guatemalan analyst, though they went to Guatemala", async () => {
    expect(await table('gtAnalyst', 'assistance_requests', 'receiving_country')).toEqual({
      _T: shown(0),
    });
    expect(await table('gtAnalyst', 'referrals', 'organisation_type')).toMatchObject({
      _T: shown(0),
    });
  });

  it('refuses a dimension or filter that does not describe the measure, field by field, and records no query', async () => {
    const queries = async () =>
      Number(
        (
          await stack.query<{ n: string }>(
            `SELECT count(*) AS n FROM audit_events WHERE action = 'statistics.query'`,
          )
        )[0].n,
      );
    const before = await queries();
    const res = await statistics('mxAnalyst', {
      measure: 'transfers',
      dimensions: 'receiving_country',
      organisation_type: 'civil_society',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'dimensions',
        code: 'DIMENSION_NOT_APPLICABLE',
        message: expect.stringContaining('assistance_requests'),
      }),
      expect.objectContaining({
        field: 'filters.organisation_type',
        code: 'FILTER_NOT_APPLICABLE',
        message: expect.stringContaining('referrals'),
      }),
    ]);
    expect(await queries()).toBe(before);
  });

  it('exports referrals by organisation type, valid against the export schema', async () => {
    const document = await exportedDocument(app.getHttpServer(), as('mxAnalyst'), {
      kind: 'statistics',
      measures: ['referrals'],
      dimensions: ['organisation_type'],
      period: 'year',
      ...range,
    });
    expect(validateStatisticsExport(document)).toEqual({ valid: true });
    expect(document.metadata.dimensions[0]).toMatchObject({
      id: 'organisation_type',
      column: 'ORGANISATION_TYPE',
    });
    expect(document.rows).toEqual(
      expect.arrayContaining([
        {
          MEASURE: 'referrals',
          ORGANISATION_TYPE: 'civil_society',
          OBS_VALUE: 3,
          CONF_STATUS: 'F',
        },
        { MEASURE: 'referrals', ORGANISATION_TYPE: '_T', OBS_VALUE: 6, CONF_STATUS: 'F' },
      ]),
    );
  });
});
