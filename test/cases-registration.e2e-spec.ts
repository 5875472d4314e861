import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;

interface FoundPerson {
  id: string;
  givenNames: string;
  familyNames: string;
  score: number;
  caseIds: string[];
}

interface Duplicate {
  personId: string;
  matchedOn: string[];
}

describe('Cases: registration, idempotency, concurrency, validation, search and duplicates', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const api = () => request(app.getHttpServer());
  const post = (token: string, path: string) =>
    api().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const get = (token: string, path: string) =>
    api().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const patch = (token: string, path: string) =>
    api().patch(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await stack.query<{ n: string }>(sql, params);
    return Number(row.n);
  }

  async function tokenFor(grants: { role: string; consulateId?: string; countryCode?: string }[]) {
    const user = await createUser(stack, grants);
    return (await signIn(app, user.email)).accessToken;
  }
  const officerAt = (consulateId: string) => tokenFor([{ role: 'officer', consulateId }]);

  const person = (overrides: Body = {}): Body => ({
    givenNames: 'Ximena',
    familyNames: 'Quiroga Belmonte',
    dateOfBirth: '1994-09-21',
    sex: 'female',
    nationalityCode: 'MX',
    ...overrides,
  });
  const caseOf = (consulateId: string, persons: Body[], extra: Body = {}): Body => ({
    consulateId,
    primaryCategory: 'immigration_detention',
    persons,
    ...extra,
  });
  const primary = (overrides: Body = {}): Body => ({ role: 'primary', person: person(overrides) });

  const sequenceOf = (reference: string) => Number(reference.slice(-6));

  describe('references', () => {
    let lax: string;
    let sdg: string;
    let laxOfficer: string;
    let sdgOfficer: string;

    beforeAll(async () => {
      lax = await createConsulate(stack, 'MX', 'LAX');
      sdg = await createConsulate(stack, 'MX', 'SDG');
      laxOfficer = await officerAt(lax);
      sdgOfficer = await officerAt(sdg);
    });

    it('gives 50 simultaneous registrations at one post 50 distinct references numbered 1 to 50', async () => {
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => post(laxOfficer, '/cases').send(caseOf(lax, [primary()]))),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
      const references = responses.map((r) => r.body.reference as string);
      for (const reference of references)
        expect(reference).toMatch(new RegExp(`^MX-LAX-${year}-\\d{6}$`));
      expect(new Set(references).size).toBe(50);
      expect(references.map(sequenceOf).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect(references).toContain(`MX-LAX-${year}-000001`);
      expect(await count('SELECT count(*) AS n FROM cases WHERE consulate_id = $1', [lax])).toBe(
        50,
      );
    });

    it('numbers each post on its own sequence', async () => {
      const first = await post(sdgOfficer, '/cases').send(caseOf(sdg, [primary()]));
      expect(first.status).toBe(201);
      expect(first.body.reference).toBe(`MX-SDG-${year}-000001`);
      const next = await post(laxOfficer, '/cases').send(caseOf(lax, [primary()]));
      expect(next.body.reference).toBe(`MX-LAX-${year}-000051`);
      expect(await count('SELECT count(*) AS n FROM cases WHERE consulate_id = $1', [sdg])).toBe(1);
      expect(await count('SELECT count(*) AS n FROM cases WHERE consulate_id = $1', [lax])).toBe(
        51,
      );
    });

    it('numbers each year on its own sequence, by the year the case was opened', async () => {
      const lastYear = await post(laxOfficer, '/cases').send(
        caseOf(lax, [primary()], { openedAt: `${year - 1}-06-15T12:00:00.000Z` }),
      );
      expect(lastYear.status).toBe(201);
      expect(lastYear.body.reference).toBe(`MX-LAX-${year - 1}-000001`);
      const thisYear = await post(laxOfficer, '/cases').send(caseOf(lax, [primary()]));
      expect(thisYear.body.reference).toBe(`MX-LAX-${year}-000052`);
      const rows = await stack.query<{ reference: string }>(
        'SELECT reference FROM cases WHERE consulate_id = $1',
        [lax],
      );
      expect(rows).toHaveLength(53);
      expect(new Set(rows.map((r) => r.reference)).size).toBe(53);
    });
  });

  describe('Idempotency-Key', () => {
    let desk: string;
    let officer: string;
    let colleague: string;
    const casesAtDesk = () =>
      count('SELECT count(*) AS n FROM cases WHERE consulate_id = $1', [desk]);

    beforeAll(async () => {
      desk = await createConsulate(stack, 'MX');
      officer = await officerAt(desk);
      colleague = await officerAt(desk);
    });

    const body = () =>
      caseOf(desk, [primary({ givenNames: 'Eréndira', familyNames: 'Solís Manrique' })]);

    it('replays the first response to a retry with the same key and body, without a second case', async () => {
      const key = randomUUID();
      const first = await post(officer, '/cases').set('Idempotency-Key', key).send(body());
      expect(first.status).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const before = await casesAtDesk();
      const retry = await post(officer, '/cases').set('Idempotency-Key', key).send(body());
      expect(retry.status).toBe(first.status);
      expect(retry.body).toEqual(first.body);
      expect(retry.body.id).toBe(first.body.id);
      expect(retry.body.reference).toBe(first.body.reference);
      expect(retry.headers.location).toBe(first.headers.location);
      expect(retry.headers.location).toBe(`/api/v1/cases/${first.body.id}`);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await casesAtDesk()).toBe(before);
    });

    it('refuses the same key with a different body with 422 IDEMPOTENCY_KEY_REUSED', async () => {
      const key = randomUUID();
      const first = await post(officer, '/cases').set('Idempotency-Key', key).send(body());
      expect(first.status).toBe(201);
      const before = await casesAtDesk();
      const other = await post(officer, '/cases')
        .set('Idempotency-Key', key)
        .send({ ...body(), riskLevel: 'high' });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await casesAtDesk()).toBe(before);
    });

    it('creates exactly one case for 20 simultaneous requests with one key, and answers all with it', async () => {
      const key = randomUUID();
      const before = await casesAtDesk();
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          post(officer, '/cases').set('Idempotency-Key', key).send(body()),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
      const ids = new Set(responses.map((r) => r.body.id as string));
      expect(ids.size).toBe(1);
      expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
      expect(await casesAtDesk()).toBe(before + 1);
      expect(await count('SELECT count(*) AS n FROM cases WHERE id = $1', [[...ids][0]])).toBe(1);
    });

    it('keeps keys per user: another officer using the same key registers a case of their own', async () => {
      const key = randomUUID();
      const mine = await post(officer, '/cases').set('Idempotency-Key', key).send(body());
      const before = await casesAtDesk();
      const theirs = await post(colleague, '/cases').set('Idempotency-Key', key).send(body());
      expect(theirs.status).toBe(201);
      expect(theirs.headers['idempotent-replayed']).toBeUndefined();
      expect(theirs.body.id).not.toBe(mine.body.id);
      expect(theirs.body.reference).not.toBe(mine.body.reference);
      expect(await casesAtDesk()).toBe(before + 1);
    });

    it('does not burn a key on a request that failed validation: a corrected retry with it registers the case', async () => {
      const key = randomUUID();
      const before = await casesAtDesk();
      const invalid = await post(officer, '/cases')
        .set('Idempotency-Key', key)
        .send(caseOf(desk, [primary({ dateOfBirth: '2999-01-01' })]));
      expect(invalid.status).toBe(400);
      expect(await casesAtDesk()).toBe(before);
      // The failed attempt released the key, so a different (corrected) body may use it.
      const corrected = await post(officer, '/cases').set('Idempotency-Key', key).send(body());
      expect(corrected.status).toBe(201);
      expect(corrected.headers['idempotent-replayed']).toBeUndefined();
      expect(await casesAtDesk()).toBe(before + 1);
      const retry = await post(officer, '/cases').set('Idempotency-Key', key).send(body());
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(corrected.body.id);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      // Now that the key holds a response, the failed body is a different request for it.
      const stale = await post(officer, '/cases')
        .set('Idempotency-Key', key)
        .send(caseOf(desk, [primary({ dateOfBirth: '2999-01-01' })]));
      expect(stale.status).toBe(422);
      expect(stale.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await casesAtDesk()).toBe(before + 1);
    });

    it('replays a consular action recorded twice with one key, and refuses the key for another action', async () => {
      const created = await post(officer, '/cases').send(body());
      const caseId = created.body.id as string;
      const key = randomUUID();
      const action = {
        type: 'consular_visit',
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        placeType: 'detention_centre',
        notes: 'First visit.',
      };
      const first = await post(officer, `/cases/${caseId}/actions`)
        .set('Idempotency-Key', key)
        .send(action);
      expect(first.status).toBe(201);
      const retry = await post(officer, `/cases/${caseId}/actions`)
        .set('Idempotency-Key', key)
        .send(action);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.location).toBe(first.headers.location);
      expect(retry.headers.location).toBe(`/api/v1/cases/${caseId}/actions/${first.body.id}`);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      const other = await post(officer, `/cases/${caseId}/actions`)
        .set('Idempotency-Key', key)
        .send({ ...action, notes: 'Second visit.' });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const list = await get(officer, `/cases/${caseId}/actions`);
      expect(list.body.items).toHaveLength(1);
      expect(
        await count('SELECT count(*) AS n FROM consular_actions WHERE case_id = $1', [caseId]),
      ).toBe(1);
    });
  });

  describe('optimistic concurrency', () => {
    let desk: string;
    let officer: string;

    beforeAll(async () => {
      desk = await createConsulate(stack, 'MX');
      officer = await officerAt(desk);
    });

    const register = async () => {
      const created = await post(officer, '/cases').send(
        caseOf(desk, [primary({ givenNames: 'Anselmo', familyNames: 'Barragán Ortiz' })]),
      );
      expect(created.status).toBe(201);
      expect(created.headers.etag).toBe('"v1"');
      return created.body.id as string;
    };

    it('lets exactly one of two simultaneous changes with the same ETag win, and stores the winner', async () => {
      const id = await register();
      const [high, critical] = await Promise.all([
        patch(officer, `/cases/${id}`).set('If-Match', '"v1"').send({ riskLevel: 'high' }),
        patch(officer, `/cases/${id}`).set('If-Match', '"v1"').send({ riskLevel: 'critical' }),
      ]);
      expect([high.status, critical.status].sort()).toEqual([200, 412]);
      const [winner, loser] = high.status === 200 ? [high, critical] : [critical, high];
      expect(loser.body.code).toBe('VERSION_CONFLICT');
      expect(winner.headers.etag).toBe('"v2"');
      const stored = await get(officer, `/cases/${id}`);
      expect(stored.headers.etag).toBe('"v2"');
      expect(stored.body.riskLevel).toBe(winner.body.riskLevel);
      expect(stored.body.version).toBe(2);
      const history = await get(officer, `/cases/${id}/history`);
      expect(
        history.body.items.filter((h: { field: string }) => h.field === 'riskLevel'),
      ).toHaveLength(1);
      const next = await patch(officer, `/cases/${id}`)
        .set('If-Match', '"v2"')
        .send({ riskLevel: 'medium' });
      expect(next.status).toBe(200);
      expect(next.headers.etag).toBe('"v3"');
    });

    it('requires If-Match (428) and treats a malformed one as a conflict (412)', async () => {
      const id = await register();
      const missing = await patch(officer, `/cases/${id}`).send({ riskLevel: 'high' });
      expect(missing.status).toBe(428);
      expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
      for (const malformed of ['v1', '"1"', '"v1', 'W/v1', '*']) {
        const res = await patch(officer, `/cases/${id}`)
          .set('If-Match', malformed)
          .send({ riskLevel: 'high' });
        expect({ malformed, status: res.status, code: res.body.code }).toEqual({
          malformed,
          status: 412,
          code: 'VERSION_CONFLICT',
        });
      }
      const unchanged = await get(officer, `/cases/${id}`);
      expect(unchanged.headers.etag).toBe('"v1"');
      expect(unchanged.body.riskLevel).toBe('low');
    });
  });

  describe('validation', () => {
    let desk: string;
    let officer: string;
    const counts = async () => ({
      cases: await count('SELECT count(*) AS n FROM cases'),
      persons: await count('SELECT count(*) AS n FROM persons'),
      documents: await count('SELECT count(*) AS n FROM person_documents'),
    });

    beforeAll(async () => {
      desk = await createConsulate(stack, 'MX');
      officer = await officerAt(desk);
    });

    const valid = (overrides: Body = {}) =>
      primary({
        givenNames: 'Tonatiuh',
        familyNames: 'Villaseñor Cano',
        dateOfBirth: '1988-11-03',
        documents: [
          { type: 'national_id', number: 'VICT881103HJCLNN08', issuingCountryCode: 'MX' },
          { type: 'passport', number: 'P9081726', issuingCountryCode: 'MX' },
        ],
        ...overrides,
      });
    const secondary = { role: 'involved', relationship: 'brother', person: person() };
    const tomorrow = () => new Date(Date.now() + 86_400_000);

    it('accepts the well-formed case the refusals below are variations of', async () => {
      const res = await post(officer, '/cases').send(
        caseOf(desk, [valid({ originSubdivisionCode: 'MX-JAL' }), secondary], {
          eventCountryCode: 'US',
          eventSubdivisionCode: 'US-CA',
          openedAt: new Date(Date.now() - 60_000).toISOString(),
        }),
      );
      expect(res.status).toBe(201);
    });

    const refusals: [string, () => Body, [string, string][]][] = [
      [
        'a birth date in the future',
        () => caseOf(desk, [valid({ dateOfBirth: tomorrow().toISOString().slice(0, 10) })]),
        [['persons.0.person.dateOfBirth', 'IN_THE_FUTURE']],
      ],
      [
        'an estimated age that disagrees with the birth date',
        () => caseOf(desk, [valid({ estimatedAge: 20 })]),
        [['persons.0.person.estimatedAge', 'DISAGREES_WITH_BIRTH_DATE']],
      ],
      [
        'a Mexican national id that is not a CURP',
        () =>
          caseOf(desk, [
            valid({
              documents: [{ type: 'national_id', number: 'VICT8811-03', issuingCountryCode: 'MX' }],
            }),
          ]),
        [['persons.0.person.documents.0.number', 'BAD_FORMAT']],
      ],
      [
        'a passport number that is too short',
        () =>
          caseOf(desk, [
            valid({ documents: [{ type: 'passport', number: 'G12', issuingCountryCode: 'MX' }] }),
          ]),
        [['persons.0.person.documents.0.number', 'BAD_FORMAT']],
      ],
      [
        'a passport number that is too long',
        () =>
          caseOf(desk, [
            secondary,
            valid({
              documents: [
                { type: 'passport', number: 'P9081726', issuingCountryCode: 'MX' },
                { type: 'passport', number: 'G1234567890', issuingCountryCode: 'MX' },
              ],
            }),
          ]),
        [['persons.1.person.documents.1.number', 'BAD_FORMAT']],
      ],
      ['no primary person', () => caseOf(desk, [secondary]), [['persons', 'ONE_PRIMARY_PERSON']]],
      [
        'two primary persons',
        () => caseOf(desk, [valid(), primary()]),
        [['persons', 'ONE_PRIMARY_PERSON']],
      ],
      [
        'a family name of only spaces, which would be stored empty',
        () => caseOf(desk, [valid({ familyNames: '   ' })]),
        [['persons.0.person.familyNames', 'BLANK']],
      ],
      [
        'an unknown nationality',
        () => caseOf(desk, [valid({ nationalityCode: 'XX' })]),
        [['persons.0.person.nationalityCode', 'UNKNOWN_COUNTRY']],
      ],
      [
        'a place of origin outside the nationality country',
        () => caseOf(desk, [valid({ originSubdivisionCode: 'GT-01' })]),
        [['persons.0.person.originSubdivisionCode', 'SUBDIVISION_OUTSIDE_COUNTRY']],
      ],
      [
        'an event subdivision outside the event country',
        () => caseOf(desk, [valid()], { eventCountryCode: 'US', eventSubdivisionCode: 'MX-JAL' }),
        [['eventSubdivisionCode', 'SUBDIVISION_OUTSIDE_COUNTRY']],
      ],
      [
        'an unknown event country',
        () => caseOf(desk, [valid()], { eventCountryCode: 'QQ' }),
        [['eventCountryCode', 'UNKNOWN_COUNTRY']],
      ],
      [
        'an opening date in the future',
        () => caseOf(desk, [valid()], { openedAt: tomorrow().toISOString() }),
        [['openedAt', 'IN_THE_FUTURE']],
      ],
      [
        'an unknown field on the case',
        () => caseOf(desk, [valid()], { colour: 'red' }),
        [['colour', 'UNKNOWN_FIELD']],
      ],
      [
        'an unknown field on a person',
        () => caseOf(desk, [valid({ colour: 'red' })]),
        [['persons.0.person.colour', 'UNKNOWN_FIELD']],
      ],
    ];

    it('refuses the same existing person linked twice with 400 and the second link at fault, creating nothing', async () => {
      const first = await post(officer, '/cases').send(caseOf(desk, [valid()]));
      expect(first.status).toBe(201);
      const personId = first.body.persons[0].person.id as string;
      const before = await counts();
      const res = await post(officer, '/cases').send(
        caseOf(desk, [
          { role: 'primary', personId },
          { role: 'involved', personId },
        ]),
      );
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(
        res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      ).toEqual([['persons.1.personId', 'PERSON_REPEATED']]);
      expect(await counts()).toEqual(before);
    });

    it.each(refusals)(
      'refuses %s with 400 and the field at fault, creating nothing',
      async (_, body, expected) => {
        const before = await counts();
        const res = await post(officer, '/cases').send(body());
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(
          res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        ).toEqual(expected);
        expect(await counts()).toEqual(before);
      },
    );
  });

  describe('person search', () => {
    let desk: string;
    let otherDesk: string;
    let foreignDesk: string;
    let officer: string;
    let otherOfficer: string;
    let foreignOfficer: string;
    let supervisor: string;
    let jose: string;
    let josefina: string;
    let mariaJose: string;
    let rosendo: string;
    let anaLucia: string;
    let foreignJose: string;

    const register = async (token: string, consulateId: string, p: Body) => {
      const res = await post(token, '/cases').send(caseOf(consulateId, [primary(p)]));
      expect(res.status).toBe(201);
      return res.body.persons[0].person.id as string;
    };
    const search = async (token: string, q: string): Promise<FoundPerson[]> => {
      const res = await get(token, '/persons').query({ q });
      expect(res.status).toBe(200);
      return res.body.items;
    };
    const ids = (items: FoundPerson[]) => items.map((p) => p.id);

    beforeAll(async () => {
      desk = await createConsulate(stack, 'MX');
      otherDesk = await createConsulate(stack, 'MX');
      foreignDesk = await createConsulate(stack, 'GT');
      officer = await officerAt(desk);
      otherOfficer = await officerAt(otherDesk);
      foreignOfficer = await officerAt(foreignDesk);
      supervisor = await tokenFor([{ role: 'supervisor', countryCode: 'MX' }]);
      jose = await register(officer, desk, {
        givenNames: 'José',
        familyNames: 'Hernández López',
        dateOfBirth: '1990-04-12',
        sex: 'male',
        documents: [
          { type: 'passport', number: 'G7654321', issuingCountryCode: 'MX' },
          { type: 'national_id', number: 'HELJ900412HDFRPS09', issuingCountryCode: 'MX' },
        ],
      });
      mariaJose = await register(officer, desk, {
        givenNames: 'María José',
        familyNames: 'Pérez',
        dateOfBirth: '1992-07-30',
      });
      josefina = await register(officer, desk, {
        givenNames: 'Josefina',
        familyNames: 'Hernández',
        dateOfBirth: '1975-01-08',
      });
      rosendo = await register(otherOfficer, otherDesk, {
        givenNames: 'Rosendo',
        familyNames: 'Hernández Vega',
        dateOfBirth: '1969-02-14',
        sex: 'male',
      });
      anaLucia = await register(officer, desk, {
        givenNames: 'Ana Lucía',
        familyNames: 'García-Ochoa',
        dateOfBirth: '2011-09-23',
      });
      foreignJose = await register(foreignOfficer, foreignDesk, {
        givenNames: 'José',
        familyNames: 'Hernández López',
        dateOfBirth: '1990-04-12',
        sex: 'male',
        nationalityCode: 'GT',
        documents: [{ type: 'passport', number: 'G7654321', issuingCountryCode: 'GT' }],
      });
    });

    it('ranks José Hernández López first for a misspelt "jose hernadez"', async () => {
      const found = await search(officer, 'jose hernadez');
      expect(found[0].id).toBe(jose);
      expect(found[0].givenNames).toBe('José');
      expect(found[0].familyNames).toBe('Hernández López');
    });

    it('finds him with the words in another order and in upper case', async () => {
      expect(ids(await search(officer, 'HERNANDEZ JOSE'))).toContain(jose);
    });

    it('finds him with a typo on a consonant too', async () => {
      expect((await search(officer, 'jose hermandez lopez'))[0].id).toBe(jose);
      expect((await search(officer, 'jose hermandez'))[0].id).toBe(jose);
      expect(ids(await search(officer, 'hermandez'))).toEqual(
        expect.arrayContaining([jose, josefina]),
      );
    });

    it('forgives a missing, an extra or two swapped letters in any word', async () => {
      for (const q of ['jose hernndez', 'jose hernanddez', 'jose henrandez', 'jsoe hernandez'])
        expect((await search(officer, q))[0]?.id).toBe(jose);
    });

    it('finds him when a space between two words is lost or typed as a letter', async () => {
      for (const q of ['josehernandez lopez', 'jose hernandezelopez'])
        expect((await search(officer, q))[0]?.id).toBe(jose);
    });

    it('finds him when one of three words is wrong (a second family name misremembered)', async () => {
      expect((await search(officer, 'jose hernandez garcia'))[0]?.id).toBe(jose);
    });

    it('finds a hyphenated family name typed as two words, and a single word of it', async () => {
      expect((await search(officer, 'ana garcia ochoa'))[0]?.id).toBe(anaLucia);
      expect(ids(await search(officer, 'ochoa'))).toEqual([anaLucia]);
    });

    it('finds no one for a name that is two typos away in one word, or for initials alone', async () => {
      expect(ids(await search(officer, 'jose hrenadnez'))).not.toContain(jose);
      expect(await search(officer, 'j. h.')).toEqual([]);
    });

    it('does not return persons who share only a given name with the query', async () => {
      // "jose perez" is María José Pérez; José Hernández López (word similarity 0.45) and Josefina
      // Hernández (0.36) share only "jose", and a national registry would list thousands of them.
      const found = ids(await search(officer, 'jose perez'));
      expect(found[0]).toBe(mariaJose);
      expect(found).not.toContain(jose);
      expect(found).not.toContain(josefina);
    });

    it('finds him first by his full name without accents', async () => {
      const found = await search(officer, 'jose hernandez lopez');
      expect(found[0].id).toBe(jose);
      expect(ids(found)).not.toContain(mariaJose);
    });

    it.each([
      ['his passport number with a dash', 'G-7654321'],
      ['his passport number in lower case with spaces', 'g 765 4321'],
      ['his CURP in lower case', 'helj900412hdfrps09'],
      ['his CURP with dashes', 'HELJ-900412-HDFRPS-09'],
    ])('finds exactly him by %s', async (_, q) => {
      expect(ids(await search(officer, q))).toEqual([jose]);
    });

    it('never returns a person of another country’s post, by name or by document', async () => {
      for (const token of [officer, supervisor]) {
        for (const q of ['jose hernandez lopez', 'G7654321', 'hernandez']) {
          expect(ids(await search(token, q))).not.toContain(foreignJose);
        }
      }
      // The person is there and findable by that country's own officer.
      expect(ids(await search(foreignOfficer, 'G7654321'))).toEqual([foreignJose]);
      expect(ids(await search(foreignOfficer, 'jose hernandez lopez'))).toContain(foreignJose);
      expect(ids(await search(foreignOfficer, 'jose hernandez lopez'))).not.toContain(jose);
    });

    it('lets a supervisor find persons across the country’s posts, and an officer only at its own', async () => {
      const bySupervisor = ids(await search(supervisor, 'hernandez'));
      expect(bySupervisor).toEqual(expect.arrayContaining([jose, josefina, rosendo]));
      const byOfficer = ids(await search(officer, 'hernandez'));
      expect(byOfficer).toEqual(expect.arrayContaining([jose, josefina]));
      expect(byOfficer).not.toContain(rosendo);
      const byOtherOfficer = ids(await search(otherOfficer, 'hernandez'));
      expect(byOtherOfficer).toContain(rosendo);
      expect(byOtherOfficer).not.toContain(jose);
      expect(byOtherOfficer).not.toContain(josefina);
    });
  });

  describe('possible duplicates and linking', () => {
    let desk: string;
    let officer: string;
    let foreignDesk: string;
    let foreignOfficer: string;
    let guadalupe: { caseId: string; personId: string };
    let fidencio: string;
    let foreignGuadalupe: string;

    const guadalupeBody = (overrides: Body = {}) =>
      person({
        givenNames: 'Guadalupe',
        familyNames: 'Cuauhtémoc Rangel Ochoa',
        dateOfBirth: '1985-03-02',
        documents: [{ type: 'passport', number: 'N4839201', issuingCountryCode: 'MX' }],
        ...overrides,
      });
    const create = async (p: Body) => {
      const res = await post(officer, '/cases').send(
        caseOf(desk, [{ role: 'primary', person: p }]),
      );
      expect(res.status).toBe(201);
      return res;
    };
    const offered = (res: { body: { possibleDuplicates: Duplicate[] } }, personId: string) =>
      res.body.possibleDuplicates.find((d) => d.personId === personId);
    const ageOf = (birth: string) => {
      const now = new Date();
      const [y, m, d] = birth.split('-').map(Number);
      const beforeBirthday =
        now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
      return now.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
    };

    beforeAll(async () => {
      desk = await createConsulate(stack, 'MX');
      officer = await officerAt(desk);
      foreignDesk = await createConsulate(stack, 'GT');
      foreignOfficer = await officerAt(foreignDesk);
      const foreign = await post(foreignOfficer, '/cases').send(
        caseOf(foreignDesk, [
          { role: 'primary', person: guadalupeBody({ nationalityCode: 'GT' }) },
        ]),
      );
      expect(foreign.status).toBe(201);
      foreignGuadalupe = foreign.body.persons[0].person.id;
      const first = await create(guadalupeBody());
      guadalupe = { caseId: first.body.id, personId: first.body.persons[0].person.id };
      const fidencioCase = await create(
        person({
          givenNames: 'Fidencio',
          familyNames: 'Tlacotalpan Zaragoza',
          dateOfBirth: undefined,
          estimatedAge: 30,
          sex: 'male',
        }),
      );
      fidencio = fidencioCase.body.persons[0].person.id;
    });

    it('offers a person with a similar name and the same birth date, matched on name and birth date', async () => {
      const res = await create(
        guadalupeBody({ familyNames: 'Cuautemoc Rangel Ochoa', documents: undefined }),
      );
      const match = offered(res, guadalupe.personId);
      expect(match).toBeDefined();
      expect(match!.matchedOn).toEqual(expect.arrayContaining(['name', 'birth_date']));
      expect(match!.matchedOn).not.toContain('document');
    });

    it('does not offer a similar name alone, with another birth date', async () => {
      const res = await create(guadalupeBody({ dateOfBirth: '1961-10-20', documents: undefined }));
      expect(offered(res, guadalupe.personId)).toBeUndefined();
    });

    it('offers a similar name with an estimated age within two years of the other’s age, matched on age band', async () => {
      const age = ageOf('1985-03-02');
      const far = await create(
        guadalupeBody({ dateOfBirth: undefined, estimatedAge: age + 4, documents: undefined }),
      );
      expect(offered(far, guadalupe.personId)).toBeUndefined();
      const near = await create(
        guadalupeBody({ dateOfBirth: undefined, estimatedAge: age + 2, documents: undefined }),
      );
      expect(offered(near, guadalupe.personId)?.matchedOn).toEqual(
        expect.arrayContaining(['name', 'age_band']),
      );
      const byEstimate = await create(
        person({
          givenNames: 'Fidencio',
          familyNames: 'Tlacotalpan Zaragosa',
          dateOfBirth: undefined,
          estimatedAge: 28,
          sex: 'male',
        }),
      );
      expect(offered(byEstimate, fidencio)?.matchedOn).toEqual(
        expect.arrayContaining(['name', 'age_band']),
      );
    });

    it('offers a person with the same passport number whatever the name, matched on document', async () => {
      const res = await create(
        person({
          givenNames: 'Wenceslao',
          familyNames: 'Pichardo Ibarra',
          dateOfBirth: '2001-12-24',
          documents: [{ type: 'passport', number: 'n-4839201', issuingCountryCode: 'MX' }],
        }),
      );
      expect(offered(res, guadalupe.personId)?.matchedOn).toEqual(['document']);
    });

    it('never offers a person registered by another country', async () => {
      const res = await create(guadalupeBody());
      expect(offered(res, guadalupe.personId)?.matchedOn).toEqual(
        expect.arrayContaining(['name', 'birth_date', 'document']),
      );
      expect(offered(res, foreignGuadalupe)).toBeUndefined();
    });

    it('links an existing person to a new case, who then appears in both cases', async () => {
      const linked = await post(officer, '/cases').send(
        caseOf(desk, [{ role: 'primary', personId: guadalupe.personId }], {
          primaryCategory: 'documentation',
        }),
      );
      expect(linked.status).toBe(201);
      expect(linked.body.possibleDuplicates).toEqual([]);
      const personsOf = async (caseId: string) => {
        const res = await get(officer, `/cases/${caseId}`);
        expect(res.status).toBe(200);
        return res.body.persons.map((p: { role: string; person: { id: string } }) => [
          p.role,
          p.person.id,
        ]);
      };
      expect(await personsOf(linked.body.id)).toEqual([['primary', guadalupe.personId]]);
      expect(await personsOf(guadalupe.caseId)).toEqual([['primary', guadalupe.personId]]);
      expect(
        await count('SELECT count(*) AS n FROM case_persons WHERE person_id = $1', [
          guadalupe.personId,
        ]),
      ).toBe(2);
      const found = (await get(officer, '/persons').query({ q: 'N4839201' })).body.items.find(
        (p: FoundPerson) => p.id === guadalupe.personId,
      );
      expect([...found.caseIds].sort()).toEqual([guadalupe.caseId, linked.body.id].sort());
    });

    it('refuses to link a person registered by another country with 400 UNKNOWN_PERSON', async () => {
      const before = await count('SELECT count(*) AS n FROM cases');
      const res = await post(officer, '/cases').send(
        caseOf(desk, [{ role: 'primary', personId: foreignGuadalupe }]),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'persons.0.personId', code: 'UNKNOWN_PERSON' }),
      ]);
      expect(await count('SELECT count(*) AS n FROM cases')).toBe(before);
      expect(
        await count('SELECT count(*) AS n FROM case_persons WHERE person_id = $1', [
          foreignGuadalupe,
        ]),
      ).toBe(1);
    });
  });

  describe('audit', () => {
    it('records case.create with the case id and no personal data', async () => {
      const desk = await createConsulate(stack, 'MX');
      const officer = await officerAt(desk);
      const created = await post(officer, '/cases').send(
        caseOf(desk, [
          primary({
            givenNames: 'Itzamná',
            familyNames: 'Quetzalcóatl Yáñez',
            dateOfBirth: '1979-08-17',
            documents: [
              { type: 'passport', number: 'Q5647382', issuingCountryCode: 'MX' },
              { type: 'national_id', number: 'QUYI790817HYNTXT04', issuingCountryCode: 'MX' },
            ],
          }),
        ]),
      );
      expect(created.status).toBe(201);
      const rows = await stack.query<{ row: Record<string, unknown> }>(
        `SELECT to_jsonb(e) AS row FROM audit_events e WHERE e.action = 'case.create' AND e.resource_id = $1`,
        [created.body.id],
      );
      expect(rows).toHaveLength(1);
      const event = rows[0].row;
      expect(event.resource_type).toBe('case');
      expect(event.consulate_id).toBe(desk);
      expect(event.country_code).toBe('MX');
      expect(event.outcome).toBe('success');
      const text = JSON.stringify(event).toLowerCase();
      for (const personal of [
        'itzamn',
        'quetzal',
        'yáñez',
        'yanez',
        '1979-08-17',
        'q5647382',
        'quyi790817hyntxt04',
      ]) {
        expect({ personal, found: text.includes(personal) }).toEqual({ personal, found: false });
      }
    });
  });
});
