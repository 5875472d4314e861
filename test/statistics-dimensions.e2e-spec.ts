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
type Cells = Record<string, number | null>;

const DAY = 86_400_000;
const utcDay = (days = 0) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

interface Group {
  hostCountryRole: string | null;
  temporaryWorker: boolean;
  gender: string | null;
  nationalityCode: string;
  originSubdivisionCode: string | null;
  /** An involved person on each case: a man of Guatemala, no recorded origin. */
  involved?: boolean;
}

/**
 * The dimensions of issue 18 through the API, k = 3: the host country's role, the temporary-worker
 * flag, the person's gender, nationality and origin subdivision, for cases opened, persons assisted,
 * referrals and returns. Cases and persons are registered through the API (their new fields with
 * them); referrals through the API; the completed return movement is written straight to its tables.
 *
 * A: 3 cases, transit, no programme, a woman of Mexico from Oaxaca, each with a Guatemalan man;
 * B: 4 cases, destination, temporary workers, a man of Mexico from Chiapas;
 * C: 3 cases, nothing recorded, a person of Guatemala without recorded gender or origin.
 * A and B cases are referred once each; the persons of A and C return on one land movement to Baja
 * California.
 */
describe('Statistics by host-country role, temporary work, gender, nationality and origin', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let exportsDir: string;
  let post: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));
  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  const GROUPS: Record<'A' | 'B' | 'C', Group & { cases: number }> = {
    A: {
      cases: 3,
      hostCountryRole: 'transit',
      temporaryWorker: false,
      gender: 'woman',
      nationalityCode: 'MX',
      originSubdivisionCode: 'MX-OAX',
      involved: true,
    },
    B: {
      cases: 4,
      hostCountryRole: 'destination',
      temporaryWorker: true,
      gender: 'man',
      nationalityCode: 'MX',
      originSubdivisionCode: 'MX-CHP',
    },
    C: {
      cases: 3,
      hostCountryRole: null,
      temporaryWorker: false,
      gender: null,
      nationalityCode: 'GT',
      originSubdivisionCode: null,
    },
  };
  const created: Record<string, { id: string; personIds: string[] }[]> = { A: [], B: [], C: [] };

  const person = (p: Partial<Body>) => ({
    givenNames: 'Dana',
    familyNames: `Dimensión ${randomUUID().slice(0, 8)}`,
    sex: 'unknown',
    dateOfBirth: '1990-04-02',
    ...p,
  });

  async function register(group: Group): Promise<{ id: string; personIds: string[] }> {
    const res = await http()
      .post('/api/v1/cases')
      .set(as('officer'))
      .send({
        consulateId: post,
        primaryCategory: 'labour_rights',
        hostCountryRole: group.hostCountryRole,
        temporaryWorker: group.temporaryWorker,
        consent: {
          services: true,
          disclosureToOrganisations: true,
          disclosureToOtherCountry: false,
          tracing: false,
        },
        persons: [
          {
            role: 'primary',
            person: person({
              gender: group.gender,
              nationalityCode: group.nationalityCode,
              originSubdivisionCode: group.originSubdivisionCode ?? undefined,
            }),
          },
          ...(group.involved
            ? [
                {
                  role: 'involved',
                  relationship: 'brother',
                  person: person({ gender: 'man', nationalityCode: 'GT' }),
                },
              ]
            : []),
        ],
      });
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    return {
      id: res.body.id,
      personIds: res.body.persons.map((p: { person: { id: string } }) => p.person.id),
    };
  }

  beforeAll(async () => {
    exportsDir = await mkdtemp(join(tmpdir(), 'amparo-dimensions-'));
    stack = await createTestStack({ STATISTICS_DISCLOSURE_K: '3', EXPORTS_DIR: exportsDir });
    app = await createTestApi(stack.config);
    worker = await createTestWorker(stack.config);
    await worker.init();
    post = await createConsulate(stack, 'MX');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await signInAs('analyst', [{ role: 'analyst', countryCode: 'MX' }]);
    for (const [name, group] of Object.entries(GROUPS)) {
      for (let i = 0; i < group.cases; i++) created[name].push(await register(group));
    }
    const [{ id: organisationId }] = await stack.query<{ id: string }>(
      `INSERT INTO organisations (name, type, services, coverage_countries, languages)
       VALUES ('Centro Laboral', 'civil_society', '{labour}', '{US}', '{es}') RETURNING id`,
    );
    for (const { id } of [...created.A, ...created.B]) {
      const res = await http()
        .post(`/api/v1/cases/${id}/referrals`)
        .set(as('officer'))
        .set('Idempotency-Key', randomUUID())
        .send({
          organisationId,
          services: ['labour'],
          need: 'Advice on unpaid wages.',
          fields: ['names'],
          followUpDue: utcDay(7),
        });
      expect([res.status, res.body.errors]).toEqual([201, undefined]);
    }
    const [{ id: movementId }] = await stack.query<{ id: string }>(
      `INSERT INTO return_movements (country_code, consulate_id, mode, status, planned_departure_at,
          actual_departure_at, actual_arrival_at, from_country_code, from_place, to_place,
          to_subdivision_code, created_by)
       VALUES ('MX', $1, 'land', 'completed', now(), now(), now(), 'US', 'San Ysidro', 'Tijuana',
               'MX-BCN', $2) RETURNING id`,
      [post, ids.officer],
    );
    for (const { id, personIds } of [...created.A, ...created.C]) {
      await stack.query(
        `INSERT INTO return_movement_cases (movement_id, case_id, case_reference, consulate_id, country_code,
            person_ids, child_return, added_by)
         VALUES ($1, $2, 'R', $3, 'MX', $4, false, $5)`,
        [movementId, id, post, [personIds[0]], ids.officer],
      );
    }
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await stack?.teardown();
    await rm(exportsDir, { recursive: true, force: true });
  });

  /** A one-dimensional table as code → published value (null when suppressed). */
  async function table(measure: string, dimension: string): Promise<Cells> {
    const res = await http()
      .get('/api/v1/statistics')
      .query({ measure, dimensions: dimension, from: utcDay(-1), to: utcDay(1) })
      .set(as('analyst'));
    expect([res.status, res.body.errors]).toEqual([200, undefined]);
    return Object.fromEntries(
      res.body.cells.map((c: { coordinates: Record<string, string>; value: number | null }) => [
        c.coordinates[dimension],
        c.value,
      ]),
    );
  }

  it.each([
    ['cases_opened', 'host_country_role', { origin: 0, transit: 3, destination: 4, _U: 3, _T: 10 }],
    ['cases_opened', 'temporary_worker', { Y: 4, N: 6, _T: 10 }],
    ['cases_opened', 'gender', { woman: 3, man: 4, non_binary: 0, other: 0, _U: 3, _T: 10 }],
    ['cases_opened', 'nationality', { MX: 7, GT: 3, _T: 10 }],
    ['cases_opened', 'origin_subdivision', { 'MX-OAX': 3, 'MX-CHP': 4, _U: 3, _T: 10 }],
    ['persons_assisted', 'gender', { woman: 3, man: 7, non_binary: 0, other: 0, _U: 3, _T: 13 }],
    ['persons_assisted', 'nationality', { MX: 7, GT: 6, _T: 13 }],
    ['persons_assisted', 'origin_subdivision', { 'MX-OAX': 3, 'MX-CHP': 4, _U: 6, _T: 13 }],
    [
      'persons_assisted',
      'host_country_role',
      { origin: 0, transit: 6, destination: 4, _U: 3, _T: 13 },
    ],
    ['referrals', 'host_country_role', { origin: 0, transit: 3, destination: 4, _U: 0, _T: 7 }],
    ['referrals', 'temporary_worker', { Y: 4, N: 3, _T: 7 }],
    ['referrals', 'gender', { woman: 3, man: 4, non_binary: 0, other: 0, _U: 0, _T: 7 }],
    ['returns', 'origin_subdivision', { 'MX-OAX': 3, 'MX-BCN': 3, _T: 6 }],
    ['returns', 'gender', { woman: 3, man: 0, non_binary: 0, other: 0, _U: 3, _T: 6 }],
    ['returns', 'nationality', { MX: 3, GT: 3, _T: 6 }],
    ['returns', 'host_country_role', { origin: 0, transit: 3, destination: 0, _U: 3, _T: 6 }],
    ['returns', 'temporary_worker', { Y: 0, N: 6, _T: 6 }],
  ])('counts %s by %s exactly', async (measure, dimension, expected) => {
    expect(await table(measure, dimension)).toEqual(expected);
  });

  it('labels the new dimensions and their codes in both languages', async () => {
    const res = await http()
      .get('/api/v1/statistics')
      .query({
        measure: 'cases_opened',
        dimensions: 'host_country_role,gender,temporary_worker',
        from: utcDay(-1),
        to: utcDay(1),
      })
      .set(as('analyst'));
    expect(res.status).toBe(200);
    const axes = res.body.dimensions as {
      id: string;
      label: { es: string; en: string };
      codes: { code: string; label: { es: string; en: string } }[];
    }[];
    const labelOf = (dimension: string, code: string) =>
      axes.find((a) => a.id === dimension)!.codes.find((c) => c.code === code)!.label;
    expect(axes.map((a) => a.label)).toEqual([
      { es: 'Papel del país receptor', en: 'Role of the host country' },
      { es: 'Género', en: 'Gender' },
      { es: 'Programa de trabajo temporal', en: 'Temporary-worker programme' },
    ]);
    expect(labelOf('host_country_role', 'transit')).toEqual({ es: 'Tránsito', en: 'Transit' });
    expect(labelOf('host_country_role', '_U')).toEqual({
      es: 'No registrado',
      en: 'Not recorded',
    });
    expect(labelOf('gender', 'non_binary')).toEqual({ es: 'No binario', en: 'Non-binary' });
    expect(labelOf('temporary_worker', 'Y')).toEqual({ es: 'Sí', en: 'Yes' });
  });

  it('filters by the new codes and refuses a code outside their lists', async () => {
    const filtered = await http()
      .get('/api/v1/statistics')
      .query({
        measure: 'cases_opened',
        dimensions: 'nationality',
        temporary_worker: 'Y',
        from: utcDay(-1),
        to: utcDay(1),
      })
      .set(as('analyst'));
    expect(filtered.status).toBe(200);
    expect(
      filtered.body.cells.map((c: { coordinates: { nationality: string }; value: number }) => [
        c.coordinates.nationality,
        c.value,
      ]),
    ).toEqual([
      ['MX', 4],
      ['_T', 4],
    ]);
    const refused = await http()
      .get('/api/v1/statistics')
      .query({
        measure: 'cases_opened',
        dimensions: 'gender',
        host_country_role: 'nowhere',
        from: utcDay(-1),
        to: utcDay(1),
      })
      .set(as('analyst'));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'filters.host_country_role', code: 'UNKNOWN_CODE' }),
    ]);
  });

  it('exports the new dimensions with their columns, valid against the export schema', async () => {
    const document = await exportedDocument(app.getHttpServer(), as('analyst'), {
      kind: 'statistics',
      measures: ['cases_opened'],
      dimensions: ['host_country_role', 'gender', 'nationality'],
      filters: { temporary_worker: ['Y', 'N'] },
      period: 'year',
      from: utcDay(-1),
      to: utcDay(1),
    });
    expect(validateStatisticsExport(document)).toEqual({ valid: true });
    const rows = document.rows as Record<string, string | number | null>[];
    expect(
      rows.find(
        (r) =>
          r.HOST_COUNTRY_ROLE === 'destination' && r.GENDER === 'man' && r.NATIONALITY === 'MX',
      ),
    ).toMatchObject({ OBS_VALUE: 4, CONF_STATUS: 'F' });
    expect(
      rows.find((r) => r.HOST_COUNTRY_ROLE === '_T' && r.GENDER === '_T' && r.NATIONALITY === '_T'),
    ).toMatchObject({ OBS_VALUE: 10 });
  });
});
