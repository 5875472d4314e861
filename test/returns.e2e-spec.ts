import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RowScope, withinRowScope } from '@amparo/database';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;
type Cells = Record<string, { value: number | null; suppressed: boolean }>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const utcDay = (days = 0) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * Returns of Mexican nationals organised by a Mexican post: an accompanied child return (refused
 * without an escort, then without a best-interest assessment; handed over at origin; completed), an
 * air return of three adults, scope across posts and countries, and the statistics of persons
 * returned by mode and origin subdivision, read with k = 3.
 */
describe('Return movements', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const posts = {} as Record<'mx' | 'mxOther' | 'gt', string>;
  const orgs = {} as Record<'dif' | 'gtAuthority' | 'shelter' | 'reception' | 'abroad', string>;
  const { tokens, signInAs } = signedInUsers(() => ({ app, stack }));
  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  const organisation = async (
    type: string,
    services: string[],
    countries: string[],
    subdivisions: string[] = [],
  ) => {
    const [row] = await stack.query<{ id: string }>(
      `INSERT INTO organisations (name, type, services, coverage_countries, coverage_subdivisions, languages)
       VALUES ($1, $2, $3, $4, $5, '{es}') RETURNING id`,
      [`Organisation ${randomUUID().slice(0, 8)}`, type, services, countries, subdivisions],
    );
    return row.id;
  };

  async function newCase(person: Body, overrides: Body = {}) {
    const res = await http()
      .post('/api/v1/cases')
      .set(as('officer'))
      .send({
        consulateId: posts.mx,
        primaryCategory: 'return',
        eventCountryCode: 'US',
        summary: 'Wishes to go back home; family waiting at origin.',
        consent: {
          services: true,
          disclosureToOrganisations: true,
          disclosureToOtherCountry: false,
          tracing: false,
        },
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Tonatiuh',
              familyNames: `Retorno ${randomUUID().slice(0, 8)}`,
              sex: 'male',
              nationalityCode: 'MX',
              ...person,
            },
          },
        ],
        ...overrides,
      });
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    return {
      id: res.body.id as string,
      personId: res.body.persons[0].person.id as string,
    };
  }

  const movementBody = (overrides: Body = {}): Body => ({
    mode: 'land',
    plannedDepartureAt: ago(6),
    plannedArrivalAt: ago(1),
    fromCountryCode: 'US',
    fromPlace: 'Puerto fronterizo de San Ysidro',
    toSubdivisionCode: 'MX-OAX',
    toPlace: 'Módulo de atención a niñez migrante, Oaxaca',
    receivingInstitutionId: orgs.reception,
    ...overrides,
  });

  async function createMovement(overrides: Body = {}, who = 'officer') {
    const res = await http()
      .post('/api/v1/return-movements')
      .set(as(who))
      .set('Idempotency-Key', randomUUID())
      .send(movementBody(overrides));
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    return res.body as { id: string; version: number };
  }

  const post = (who: string, path: string, body: Body) =>
    http().post(`/api/v1/return-movements/${path}`).set(as(who)).send(body);
  const get = (who: string, id: string) =>
    http().get(`/api/v1/return-movements/${id}`).set(as(who));
  const auditCount = async (action: string, resourceId: string) =>
    Number(
      (
        await stack.query<{ n: string }>(
          'SELECT count(*) AS n FROM audit_events WHERE action = $1 AND resource_id = $2',
          [action, resourceId],
        )
      )[0].n,
    );

  let child: { id: string; personId: string };
  let childReturn: string;
  const adults: { id: string; personId: string }[] = [];
  let airReturn: string;

  beforeAll(async () => {
    stack = await createTestStack({ STATISTICS_DISCLOSURE_K: '3' });
    app = await createTestApi(stack.config);
    posts.mx = await createConsulate(stack, 'MX');
    posts.mxOther = await createConsulate(stack, 'MX');
    posts.gt = await createConsulate(stack, 'GT');
    await signInAs('officer', [{ role: 'officer', consulateId: posts.mx }]);
    await signInAs('consul', [{ role: 'consul', consulateId: posts.mx }]);
    await signInAs('supervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
    await signInAs('otherPost', [{ role: 'officer', consulateId: posts.mxOther }]);
    await signInAs('otherCountry', [{ role: 'supervisor', countryCode: 'GT' }]);
    await signInAs('gtOfficer', [{ role: 'officer', consulateId: posts.gt }]);
    await signInAs('analyst', [{ role: 'analyst', countryCode: 'MX' }]);
    orgs.dif = await organisation('child_protection_authority', ['child_protection'], ['MX']);
    orgs.gtAuthority = await organisation(
      'child_protection_authority',
      ['child_protection'],
      ['GT'],
    );
    orgs.shelter = await organisation(
      'civil_society',
      ['shelter', 'reintegration'],
      ['MX'],
      ['MX-JAL'],
    );
    orgs.reception = await organisation(
      'government_agency',
      ['repatriation_support', 'reintegration'],
      ['MX'],
    );
    orgs.abroad = await organisation('civil_society', ['reintegration'], ['US']);

    child = await newCase(
      { givenNames: 'Itzel', sex: 'female', dateOfBirth: '2013-02-11' },
      { primaryCategory: 'unaccompanied_child' },
    );
    for (let i = 0; i < 3; i++)
      adults.push(await newCase({ dateOfBirth: '1988-07-01', originSubdivisionCode: 'MX-JAL' }));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  describe('an accompanied child return', () => {
    it('is planned by an officer of the post and becomes a child return when the child’s case goes on it', async () => {
      const created = await createMovement();
      childReturn = created.id;
      expect(created).toMatchObject({
        status: 'planned',
        countryCode: 'MX',
        consulateId: posts.mx,
      });
      const added = await post('officer', `${childReturn}/cases`, {
        caseId: child.id,
        personIds: [child.personId],
      });
      expect([added.status, added.body.errors]).toEqual([201, undefined]);
      expect(added.body).toMatchObject({
        accompaniedChildReturn: true,
        cases: [{ caseId: child.id, personIds: [child.personId], childReturn: true }],
      });
    });

    it('refuses to leave without a named escort, and changes nothing', async () => {
      const before = (await get('officer', childReturn)).body;
      const res = await post('officer', `${childReturn}/depart`, { actualDepartureAt: ago(5) });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('RETURN_ESCORT_REQUIRED');
      expect(res.headers['content-type']).toContain('application/problem+json');
      const after = (await get('officer', childReturn)).body;
      expect([after.status, after.version]).toEqual([before.status, before.version]);
    });

    it('refuses to leave without the child’s best-interest assessment once an escort is named', async () => {
      const escort = await post('officer', `${childReturn}/escorts`, {
        name: 'Lucía Ramírez Ortega',
        role: 'Oficial de protección consular',
      });
      expect([escort.status, escort.body.errors]).toEqual([201, undefined]);
      expect(escort.body.escorts).toHaveLength(1);
      const res = await post('officer', `${childReturn}/depart`, { actualDepartureAt: ago(5) });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('BEST_INTEREST_ASSESSMENT_REQUIRED');
      expect((await get('officer', childReturn)).body.status).toBe('planned');
    });

    it('leaves once the assessment is recorded', async () => {
      const assessed = await http()
        .post(`/api/v1/cases/${child.id}/best-interest-assessments`)
        .set(as('officer'))
        .send({
          personId: child.personId,
          assessedAt: ago(30),
          assessorName: 'Mtra. Rosa Elena Cruz',
          assessorRole: 'Psicóloga, DIF Oaxaca',
          findings: 'Her grandmother in Oaxaca is able and willing to care for her.',
          recommendedSolution: 'return_to_family_in_origin',
        });
      expect([assessed.status, assessed.body.errors]).toEqual([201, undefined]);
      const res = await post('officer', `${childReturn}/depart`, { actualDepartureAt: ago(5) });
      expect([res.status, res.body.errors]).toEqual([200, undefined]);
      expect(res.body.status).toBe('in_transit');
    });

    it('refuses to complete before the child is handed over', async () => {
      const res = await post('officer', `${childReturn}/complete`, { actualArrivalAt: ago(1) });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('RETURN_HANDOVER_REQUIRED');
    });

    it.each([
      [
        'a time in the future',
        () => ({ handedOverAt: new Date(Date.now() + DAY).toISOString() }),
        'handedOverAt',
        'IN_THE_FUTURE',
      ],
      [
        'a time before departure',
        () => ({ handedOverAt: ago(8) }),
        'handedOverAt',
        'BEFORE_DEPARTURE',
      ],
      [
        'an organisation that is not a child-protection authority',
        () => ({ authorityId: orgs.shelter }),
        'authorityId',
        'NOT_CHILD_PROTECTION_AT_ORIGIN',
      ],
      [
        'the authority of another country',
        () => ({ authorityId: orgs.gtAuthority }),
        'authorityId',
        'NOT_CHILD_PROTECTION_AT_ORIGIN',
      ],
      [
        'a person who is not the child',
        () => ({ personId: adults[0].personId }),
        'personId',
        'NOT_A_CHILD_RETURNING',
      ],
    ])('refuses a handover with %s, and records nothing', async (_what, change, field, code) => {
      const before = (await get('officer', childReturn)).body;
      const res = await post('officer', `${childReturn}/handovers`, {
        caseId: child.id,
        personId: child.personId,
        authorityId: orgs.dif,
        officialName: 'Lic. Mario Hernández',
        officialTitle: 'Procurador de Protección de Niñas, Niños y Adolescentes',
        handedOverAt: ago(2),
        ...change(),
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
      const after = (await get('officer', childReturn)).body;
      expect([after.handovers, after.version]).toEqual([[], before.version]);
    });

    it('records the handover to the authority at origin and completes, on the child’s timeline', async () => {
      const handover = await post('officer', `${childReturn}/handovers`, {
        caseId: child.id,
        personId: child.personId,
        authorityId: orgs.dif,
        officialName: 'Lic. Mario Hernández',
        officialTitle: 'Procurador de Protección de Niñas, Niños y Adolescentes',
        handedOverAt: ago(2),
      });
      expect([handover.status, handover.body.errors]).toEqual([201, undefined]);
      expect(handover.body.handovers).toEqual([
        expect.objectContaining({ personId: child.personId, authorityId: orgs.dif }),
      ]);
      const again = await post('officer', `${childReturn}/handovers`, {
        caseId: child.id,
        personId: child.personId,
        authorityId: orgs.dif,
        officialName: 'Lic. Mario Hernández',
        officialTitle: 'Procurador',
        handedOverAt: ago(2),
      });
      expect([again.status, again.body.code]).toEqual([409, 'RETURN_HANDOVER_EXISTS']);
      const completed = await post('officer', `${childReturn}/complete`, {
        actualArrivalAt: ago(1),
      });
      expect([completed.status, completed.body.errors]).toEqual([200, undefined]);
      expect(completed.body.status).toBe('completed');
      const actions = await http().get(`/api/v1/cases/${child.id}/actions`).set(as('officer'));
      expect(actions.body.items.map((a: { type: string }) => a.type)).toContain(
        'accompanied_return',
      );
      const onCase = await http().get(`/api/v1/cases/${child.id}/returns`).set(as('officer'));
      expect(onCase.status).toBe(200);
      expect(onCase.body.items).toEqual([
        expect.objectContaining({
          movement: expect.objectContaining({ id: childReturn, status: 'completed' }),
          childReturn: true,
        }),
      ]);
    });

    it('writes each step to the audit trail', async () => {
      for (const action of [
        'return_movement.create',
        'return_movement.case.add',
        'return_movement.escort.add',
        'return_movement.depart',
        'return_movement.handover',
        'return_movement.complete',
        'return_movement.read',
      ])
        expect([action, (await auditCount(action, childReturn)) > 0]).toEqual([action, true]);
      // Refused departures change nothing, so they leave no departure event.
      expect(await auditCount('return_movement.depart', childReturn)).toBe(1);
      expect(await auditCount('return_movement.handover', childReturn)).toBe(1);
      const [timeline] = await stack.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_events
          WHERE resource_type = 'case' AND resource_id = $1 AND action = 'case.action.add'`,
        [child.id],
      );
      expect(Number(timeline.n)).toBe(1);
    });
  });

  describe('an adults’ return by air', () => {
    it('takes three cases, each once, and refuses a case already on a live movement', async () => {
      airReturn = (
        await createMovement({
          mode: 'air',
          toSubdivisionCode: 'MX-JAL',
          toPlace: 'Aeropuerto de Guadalajara',
        })
      ).id;
      for (const adult of adults) {
        const res = await post('officer', `${airReturn}/cases`, {
          caseId: adult.id,
          personIds: [adult.personId],
        });
        expect([res.status, res.body.errors]).toEqual([201, undefined]);
        expect(res.body.accompaniedChildReturn).toBe(false);
      }
      const other = await createMovement();
      const twice = await post('officer', `${other.id}/cases`, {
        caseId: adults[0].id,
        personIds: [adults[0].personId],
      });
      expect([twice.status, twice.body.code]).toEqual([409, 'CASE_ALREADY_ON_RETURN']);
      const stray = await post('officer', `${other.id}/cases`, {
        caseId: adults[0].id,
        personIds: [child.personId],
      });
      expect(stray.status).toBe(400);
      const missing = await http()
        .delete(`/api/v1/return-movements/${other.id}/cases/${randomUUID()}`)
        .set(as('officer'));
      expect([missing.status, missing.body.code]).toEqual([404, 'RETURN_CASE_NOT_FOUND']);
      const cancelled = await post('officer', `${other.id}/cancel`, { reason: 'Flight cancelled' });
      expect(cancelled.body.status).toBe('cancelled');
    });

    it('changes a planned movement only with the version read (If-Match)', async () => {
      const current = await get('officer', airReturn);
      const without = await http()
        .patch(`/api/v1/return-movements/${airReturn}`)
        .set(as('officer'))
        .send({ notes: 'Vuelo AM 401' });
      expect(without.status).toBe(428);
      const stale = await http()
        .patch(`/api/v1/return-movements/${airReturn}`)
        .set(as('officer'))
        .set('If-Match', '"v1"')
        .send({ notes: 'Vuelo AM 401' });
      expect(stale.status).toBe(412);
      const wrong = await http()
        .patch(`/api/v1/return-movements/${airReturn}`)
        .set(as('officer'))
        .set('If-Match', current.headers.etag)
        .send({ toSubdivisionCode: 'GT-01' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([
        expect.objectContaining({
          field: 'toSubdivisionCode',
          code: 'SUBDIVISION_OUTSIDE_COUNTRY',
        }),
      ]);
      const ok = await http()
        .patch(`/api/v1/return-movements/${airReturn}`)
        .set(as('officer'))
        .set('If-Match', current.headers.etag)
        .send({ notes: 'Vuelo AM 401' });
      expect([ok.status, ok.body.notes]).toEqual([200, 'Vuelo AM 401']);
    });

    it('departs without an escort (no child on it) and completes, a repatriation on each timeline', async () => {
      expect(
        (await post('officer', `${airReturn}/depart`, { actualDepartureAt: ago(4) })).status,
      ).toBe(200);
      const done = await post('consul', `${airReturn}/complete`, { actualArrivalAt: ago(1) });
      expect([done.status, done.body.errors]).toEqual([200, undefined]);
      const actions = await http().get(`/api/v1/cases/${adults[1].id}/actions`).set(as('officer'));
      expect(actions.body.items.map((a: { type: string }) => a.type)).toContain('repatriation');
    });

    it('refers a returned person for reintegration to an organisation covering the place of return', async () => {
      const refer = (organisationId: string) =>
        http()
          .post(
            `/api/v1/return-movements/${airReturn}/cases/${adults[0].id}/reintegration-referrals`,
          )
          .set(as('officer'))
          .set('Idempotency-Key', randomUUID())
          .send({
            organisationId,
            need: 'Job training and a place to stay in Guadalajara.',
            fields: ['names'],
            followUpDue: utcDay(14),
          });
      const abroad = await refer(orgs.abroad);
      expect(abroad.status).toBe(400);
      expect(abroad.body.errors).toEqual([expect.objectContaining({ field: 'organisationId' })]);
      const res = await refer(orgs.shelter);
      expect([res.status, res.body.errors]).toEqual([201, undefined]);
      expect(res.body.services).toEqual(['reintegration']);
      const page = await get('officer', airReturn);
      const onPage = page.body.cases.find((c: { caseId: string }) => c.caseId === adults[0].id);
      expect(onPage.reintegrationReferrals).toEqual([
        expect.objectContaining({ organisationId: orgs.shelter, status: 'pending' }),
      ]);
      expect(onPage.persons).toEqual([
        expect.objectContaining({ id: adults[0].personId, returning: true, handoverNeeded: false }),
      ]);
    });
  });

  describe('scope', () => {
    it('shows a movement to the country’s supervisor, read-only', async () => {
      expect((await get('supervisor', childReturn)).status).toBe(200);
      const list = await http().get('/api/v1/return-movements').set(as('supervisor'));
      expect(list.body.items.map((m: { id: string }) => m.id)).toEqual(
        expect.arrayContaining([childReturn, airReturn]),
      );
      const write = await post('supervisor', `${airReturn}/cancel`, {
        reason: 'Not theirs to cancel',
      });
      expect(write.status).toBe(403);
    });

    it.each(['otherPost', 'otherCountry', 'gtOfficer'])(
      'answers 404 to %s, for reading and writing, and lists nothing',
      async (who) => {
        expect((await get(who, childReturn)).status).toBe(404);
        const write = await post(who, `${childReturn}/escorts`, { name: 'Intruder', role: 'None' });
        expect([404, 403]).toContain(write.status);
        const list = await http().get('/api/v1/return-movements').set(as(who));
        expect(list.body.items).toEqual([]);
        const onCase = await http().get(`/api/v1/cases/${child.id}/returns`).set(as(who));
        expect(onCase.status).toBe(404);
      },
    );

    it('keeps every return table behind the database wall: another post or country sees no row', async () => {
      const tables = [
        'return_movements',
        'return_movement_cases',
        'return_movement_escorts',
        'return_handovers',
      ];
      const counts = (scope: RowScope) =>
        withinRowScope(app.get(DataSource), scope, (m) =>
          Promise.all(
            tables.map(async (t) => {
              const column = t === 'return_movements' ? 'id' : 'movement_id';
              const [{ n }] = await m.query(
                `SELECT count(*)::int AS n FROM ${t} WHERE ${column} = $1`,
                [childReturn],
              );
              return n as number;
            }),
          ),
        );
      expect(await counts({ consulates: [posts.mxOther], countries: ['GT'] })).toEqual([
        0, 0, 0, 0,
      ]);
      expect(await counts({ consulates: [posts.mx], countries: [] })).toEqual([1, 1, 1, 1]);
      expect(await counts({ consulates: [], countries: ['MX'] })).toEqual([1, 1, 1, 1]);
    });

    it('refuses a case of another post to an officer who does not work it', async () => {
      const theirs = await createMovement({}, 'otherPost');
      const res = await post('otherPost', `${theirs.id}/cases`, {
        caseId: adults[2].id,
        personIds: [adults[2].personId],
      });
      expect(res.status).toBe(404);
    });
  });

  describe('statistics', () => {
    const table = async (dimension: string): Promise<Cells> => {
      const res = await http()
        .get('/api/v1/statistics')
        .query({ measure: 'returns', dimensions: dimension, from: utcDay(-1), to: utcDay(0) })
        .set(as('analyst'));
      expect([res.status, res.body.errors]).toEqual([200, undefined]);
      return Object.fromEntries(
        res.body.cells.map(
          (c: {
            coordinates: Record<string, string>;
            value: number | null;
            suppressed: boolean;
          }) => [c.coordinates[dimension], { value: c.value, suppressed: c.suppressed }],
        ),
      );
    };
    const shown = (value: number) => ({ value, suppressed: false });

    /** Exactly one of the given cells is suppressed with the lone child; the other is exact. */
    const oneMoreSuppressed = (cells: Cells, exact: Record<string, number>) => {
      const [[codeA, a], [codeB, b]] = Object.entries(exact);
      expect([cells[codeA], cells[codeB]].filter((c) => c.suppressed)).toHaveLength(1);
      const open = cells[codeA].suppressed ? [codeB, b] : [codeA, a];
      expect(cells[open[0]]).toEqual(shown(open[1] as number));
      expect(Object.values(cells).filter((c) => c.suppressed && c.value !== null)).toEqual([]);
    };

    it('counts persons returned by mode, the lone child suppressed with one more cell', async () => {
      const cells = await table('return_mode');
      expect(cells.land).toEqual({ value: null, suppressed: true });
      expect(cells.sea).toEqual(shown(0));
      oneMoreSuppressed(cells, { air: 3, _T: 4 });
    });

    it('counts persons returned by origin subdivision: the recorded origin, else where they went', async () => {
      const cells = await table('origin_subdivision');
      expect(Object.keys(cells).sort()).toEqual(['MX-JAL', 'MX-OAX', '_T']);
      expect(cells['MX-OAX']).toEqual({ value: null, suppressed: true });
      oneMoreSuppressed(cells, { 'MX-JAL': 3, _T: 4 });
    });

    it('refuses a returns dimension for another measure', async () => {
      const res = await http()
        .get('/api/v1/statistics')
        .query({ measure: 'referrals', dimensions: 'return_mode', from: utcDay(-1), to: utcDay(0) })
        .set(as('analyst'));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'dimensions', code: 'DIMENSION_NOT_APPLICABLE' }),
      ]);
    });
  });
});
