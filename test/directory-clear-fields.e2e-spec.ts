import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

/**
 * An update clears an optional field with `null` (an emptied form field used to be left out, and
 * the old contact stayed silently); a required field refuses it; the audit trail names what was
 * cleared.
 */
describe('Directory updates clear optional fields with null', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let token: string;
  let consulateId: string;

  const patch = (path: string, body: object) =>
    request(app.getHttpServer())
      .patch(`/api/v1${path}`)
      .set('Authorization', `Bearer ${token}`)
      .set('Accept-Language', 'en')
      .send(body);
  const post = (path: string, body: object) =>
    request(app.getHttpServer())
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);
  const lastUpdate = async (action: string, resourceId: string) => {
    const [event] = await stack.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_events WHERE action = $1 AND resource_id = $2
        ORDER BY occurred_at DESC LIMIT 1`,
      [action, resourceId],
    );
    return event?.details;
  };

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    consulateId = await createConsulate(stack, 'MX');
    const admin = await createUser(stack, [{ role: 'admin', countryCode: 'MX' }]);
    token = (await signIn(app, admin.email)).accessToken;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it("clears an organisation's contacts and languages, keeps what was not sent, and audits it", async () => {
    const created = await post('/organisations', {
      name: 'Casa del Migrante Clear',
      type: 'civil_society',
      services: ['shelter'],
      coverageCountries: ['MX'],
      languages: ['es', 'mam'],
      email: 'contact@casa.example',
      phone: '+52 55 1234 5678',
      website: 'https://casa.example',
      address: 'Calle 1',
      acronym: 'CMC',
    });
    expect(created.body).toMatchObject({ name: 'Casa del Migrante Clear' });

    const res = await patch(`/organisations/${created.body.id}`, {
      email: null,
      website: null,
      languages: null,
      acronym: 'CM',
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      email: null,
      website: null,
      languages: [],
      acronym: 'CM',
      phone: '+52 55 1234 5678',
      address: 'Calle 1',
    });
    const read = await request(app.getHttpServer())
      .get(`/api/v1/organisations/${created.body.id}`)
      .set('Authorization', `Bearer ${token}`);
    expect(read.body).toMatchObject({ email: null, website: null, phone: '+52 55 1234 5678' });
    const details = await lastUpdate('organisation.update', created.body.id);
    expect(details).toEqual({
      fields: ['email', 'website', 'languages', 'acronym'],
      cleared: ['email', 'website', 'languages'],
    });
  });

  it("clears a consulate's phones and a official's work contacts", async () => {
    const consulate = await patch(`/consulates/${consulateId}`, {
      phone: '+1 213 555 0100',
      emergencyPhone: '+1 213 555 0199',
    });
    expect(consulate.status).toBe(200);
    const cleared = await patch(`/consulates/${consulateId}`, {
      emergencyPhone: null,
      jurisdiction: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({
      phone: '+1 213 555 0100',
      emergencyPhone: null,
      jurisdiction: [],
    });
    // Emptying a list that was empty is no removal.
    expect(await lastUpdate('consulate.update', consulateId)).toEqual({
      fields: ['emergencyPhone', 'jurisdiction'],
      cleared: ['emergencyPhone'],
    });

    const official = await post('/officials', {
      consulateId,
      name: 'Ana Clear',
      title: 'Cónsul',
      accreditedFrom: '2025-01-15',
      workEmail: 'ana@sre.example',
      workPhone: '+52 55 0000 0000',
    });
    expect(official.status).toBe(201);
    const updated = await patch(`/officials/${official.body.id}`, { workEmail: null });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ workEmail: null, workPhone: '+52 55 0000 0000' });
    expect(await lastUpdate('official.update', official.body.id)).toEqual({
      fields: ['workEmail'],
      cleared: ['workEmail'],
    });
  });

  it.each([
    ['/consulates', 'city'],
    ['/consulates', 'name'],
    ['/officials', 'title'],
    ['/organisations', 'services'],
    ['/organisations', 'active'],
  ])('refuses null for the required field %s %s, and changes nothing', async (path, field) => {
    const id =
      path === '/consulates'
        ? consulateId
        : path === '/officials'
          ? (
              await post('/officials', {
                consulateId,
                name: 'Luis Required',
                title: 'Cónsul',
                accreditedFrom: '2025-01-15',
              })
            ).body.id
          : (
              await post('/organisations', {
                name: 'Required Org',
                type: 'civil_society',
                services: ['shelter'],
                coverageCountries: ['MX'],
              })
            ).body.id;

    expect(id).toEqual(expect.any(String));
    const read = () =>
      request(app.getHttpServer())
        .get(`/api/v1${path}/${id}`)
        .set('Authorization', `Bearer ${token}`);
    const before = (await read()).body as Record<string, unknown>;

    const res = await patch(`${path}/${id}`, { [field]: null });

    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      { field, code: 'REQUIRED', message: 'This field is required.' },
    ]);
    expect((await read()).body).toEqual(before);
  });

  it('still refuses an empty string for an optional contact (null is the way to clear)', async () => {
    const res = await patch(`/consulates/${consulateId}`, { email: '' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('email');
  });

  it('says what a web address must look like when it refuses one', async () => {
    const res = await patch(`/consulates/${consulateId}`, { website: 'consulado sin protocolo' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'website',
        code: 'NOT_A_URL',
        message: 'Must be a full web address, starting with https:// or http://.',
      },
    ]);
  });
});
