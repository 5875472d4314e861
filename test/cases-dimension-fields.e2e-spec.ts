import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;

/**
 * The case fields and the person field that statistics count (issue 18): the host country's role in
 * the national's migration, the temporary-worker programme, the person's coded gender. Registered
 * with the case, changed with PATCH (history and audit like every field), refused with a clear 400
 * when the code is not one of the list, and shown on the case and in the case list.
 */
describe('Case fields host-country role and temporary worker, person gender', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));
  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const body = (fields: Body = {}, person: Body = {}): Body => ({
    consulateId: post,
    primaryCategory: 'labour_rights',
    summary: 'Seasonal farm worker; the employer withholds the last month of wages.',
    persons: [
      {
        role: 'primary',
        person: {
          givenNames: 'Inés',
          familyNames: `Campos ${randomUUID().slice(0, 8)}`,
          sex: 'female',
          dateOfBirth: '1994-02-11',
          nationalityCode: 'MX',
          ...person,
        },
      },
    ],
    ...fields,
  });

  const create = (fields: Body = {}, person: Body = {}) =>
    http().post('/api/v1/cases').set(as('officer')).send(body(fields, person));
  const count = async (table: string) =>
    Number((await stack.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('registers the role, the programme and the gender, and shows them on the case and in the list', async () => {
    const res = await create(
      { hostCountryRole: 'transit', temporaryWorker: true },
      { gender: 'non_binary' },
    );
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    expect(res.body).toMatchObject({ hostCountryRole: 'transit', temporaryWorker: true });
    expect(res.body.persons[0].person.gender).toBe('non_binary');

    const detail = await http().get(`/api/v1/cases/${res.body.id}`).set(as('officer'));
    expect(detail.body).toMatchObject({ hostCountryRole: 'transit', temporaryWorker: true });
    expect(detail.body.persons[0].person).toMatchObject({ gender: 'non_binary', sex: 'female' });

    const list = await http().get('/api/v1/cases').set(as('officer'));
    expect(list.body.items.find((c: { id: string }) => c.id === res.body.id)).toMatchObject({
      hostCountryRole: 'transit',
      temporaryWorker: true,
    });
  });

  it('records nothing when they are not given: no role, no programme, no gender', async () => {
    const res = await create();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ hostCountryRole: null, temporaryWorker: false });
    expect(res.body.persons[0].person.gender).toBeNull();
  });

  it('changes them with PATCH, each change in the history and the audit event', async () => {
    const created = await create({ hostCountryRole: 'transit', temporaryWorker: true });
    const changed = await http()
      .patch(`/api/v1/cases/${created.body.id}`)
      .set(as('officer'))
      .set('If-Match', created.headers.etag)
      .send({ hostCountryRole: 'destination', temporaryWorker: false });
    expect([changed.status, changed.body.errors]).toEqual([200, undefined]);
    expect(changed.body).toMatchObject({ hostCountryRole: 'destination', temporaryWorker: false });

    const cleared = await http()
      .patch(`/api/v1/cases/${created.body.id}`)
      .set(as('officer'))
      .set('If-Match', changed.headers.etag)
      .send({ hostCountryRole: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.hostCountryRole).toBeNull();

    const history = await http().get(`/api/v1/cases/${created.body.id}/history`).set(as('officer'));
    expect(history.status).toBe(200);
    const entries = (
      history.body.items as { field: string; oldValue: unknown; newValue: unknown }[]
    )
      .filter((e) => ['hostCountryRole', 'temporaryWorker'].includes(e.field))
      .map(({ field, oldValue, newValue }) => [field, oldValue, newValue]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['hostCountryRole', 'transit', 'destination'],
        ['temporaryWorker', true, false],
        ['hostCountryRole', 'destination', null],
      ]),
    );
    expect(entries).toHaveLength(3);
    const audited = await stack.query<{ fields: string[] }>(
      `SELECT details->'fields' AS fields FROM audit_events
        WHERE action = 'case.update' AND resource_id = $1 AND actor_user_id = $2 ORDER BY seq`,
      [created.body.id, ids.officer],
    );
    expect(audited.map((a) => [...a.fields].sort())).toEqual([
      ['hostCountryRole', 'temporaryWorker'],
      ['hostCountryRole'],
    ]);
  });

  it.each([
    ['a role not in the list', { hostCountryRole: 'nowhere' }, {}, 'hostCountryRole'],
    ['a programme flag that is not a boolean', { temporaryWorker: 'yes' }, {}, 'temporaryWorker'],
    ['a gender not in the list', {}, { gender: 'female' }, 'persons.0.person.gender'],
  ])(
    'refuses %s with a 400 naming the field, and registers nothing',
    async (_, fields, person, field) => {
      const before = await count('cases');
      const res = await create(fields, person);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(await count('cases')).toBe(before);
    },
  );

  it('refuses to clear the programme flag with null: it is yes or no, never unknown', async () => {
    const created = await create({ temporaryWorker: true });
    const res = await http()
      .patch(`/api/v1/cases/${created.body.id}`)
      .set(as('officer'))
      .set('If-Match', created.headers.etag)
      .send({ temporaryWorker: null });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'temporaryWorker' })]);
    const registered = await create({ temporaryWorker: null });
    expect(registered.status).toBe(400);
  });

  it.each([
    'primaryCategory',
    'secondaryCategories',
    'vulnerabilityFlags',
    'riskLevel',
    'summary',
    'consent',
    'restricted',
  ])(
    'refuses to clear %s with null (400 naming it) and leaves the case as it was',
    async (field) => {
      const created = await create({});
      const res = await http()
        .patch(`/api/v1/cases/${created.body.id}`)
        .set(as('officer'))
        .set('If-Match', created.headers.etag)
        .send({ [field]: null });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code: 'REQUIRED' })]);
      const after = await http().get(`/api/v1/cases/${created.body.id}`).set(as('officer'));
      expect(after.body.version).toBe(created.body.version);
      expect(after.body[field]).toEqual(created.body[field]);
    },
  );

  it('refuses a PATCH with a role not in the list and leaves the case as it was', async () => {
    const created = await create({ hostCountryRole: 'origin' });
    const res = await http()
      .patch(`/api/v1/cases/${created.body.id}`)
      .set(as('officer'))
      .set('If-Match', created.headers.etag)
      .send({ hostCountryRole: 'elsewhere' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'hostCountryRole' })]);
    const after = await http().get(`/api/v1/cases/${created.body.id}`).set(as('officer'));
    expect(after.body).toMatchObject({ hostCountryRole: 'origin', version: created.body.version });
  });

  it('discloses the gender, like the sex, only when asked for and consented to', async () => {
    const [{ id: organisationId }] = await stack.query<{ id: string }>(
      `INSERT INTO organisations (name, type, services, coverage_countries, languages)
       VALUES ('Red de Trabajadores', 'civil_society', '{labour}', '{US}', '{es}') RETURNING id`,
    );
    const created = await create(
      {
        consent: {
          services: true,
          disclosureToOrganisations: true,
          disclosureToOtherCountry: false,
          tracing: false,
        },
      },
      { gender: 'woman' },
    );
    const preview = (fields: string[]) =>
      http()
        .post(`/api/v1/cases/${created.body.id}/referrals/preview`)
        .set(as('officer'))
        .send({ organisationId, services: ['labour'], fields });

    const sexOnly = await preview(['sex']);
    expect(sexOnly.status).toBe(200);
    expect(sexOnly.body.payload.persons[0]).toEqual({ role: 'primary', sex: 'female' });
    // The intake form's consent covers the gender as it covers the sex.
    const withGender = await preview(['sex', 'gender']);
    expect(withGender.body.payload.persons[0]).toEqual({
      role: 'primary',
      sex: 'female',
      gender: 'woman',
    });
    expect(withGender.body.blockers).toEqual([
      expect.objectContaining({ purposeMissing: false, fieldsMissing: [] }),
    ]);

    // A consent that names the sex but not the gender blocks the gender.
    const consent = await http()
      .post(`/api/v1/cases/${created.body.id}/consents`)
      .set(as('officer'))
      .send({
        personId: created.body.persons[0].person.id,
        purposes: ['disclosure_to_organisations'],
        disclosableFields: ['names', 'sex'],
        method: 'signed_form',
        givenBy: 'person',
      });
    expect([consent.status, consent.body.errors]).toEqual([201, undefined]);
    const blocked = await preview(['sex', 'gender']);
    expect(blocked.body.blockers).toEqual([
      expect.objectContaining({ purposeMissing: false, fieldsMissing: ['gender'] }),
    ]);
  });
});
