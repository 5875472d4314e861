import { NestExpressApplication } from '@nestjs/platform-express';
import { TEST_ADMIN_DATABASE_URL, uniqueName } from '@amparo/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

async function asSuperuser(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Under the production role (a login granted `amparo_app`, where the row-level policies bind, not
 * the superuser of the other specs): a request is created, listed by both sides and accepted, the
 * receiving country's case opened in its own wall.
 */
describe('Assistance requests as amparo_app', () => {
  const login = uniqueName('amparo_app_login');
  const password = randomBytes(18).toString('base64url');
  let stack: TestStack;
  let app: NestExpressApplication;

  beforeAll(async () => {
    await asSuperuser(`CREATE ROLE ${login} LOGIN PASSWORD '${password}'`);
    await asSuperuser(`GRANT amparo_app TO ${login}`);
    stack = await createTestStack(
      {},
      {
        routeDatabaseUrl: (url) => {
          const u = new URL(url);
          u.username = login;
          u.password = password;
          return u.toString();
        },
      },
    );
    app = await createTestApi(stack.config);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
    await asSuperuser(`DROP ROLE IF EXISTS ${login}`);
  });

  it('creates, lists and accepts a request across two countries', async () => {
    const mxPost = await createConsulate(stack, 'MX');
    const gtPost = await createConsulate(stack, 'GT');
    const token = async (role: string, consulateId: string) =>
      (await signIn(app, (await createUser(stack, [{ role, consulateId }])).email)).accessToken;
    const mx = await token('officer', mxPost);
    const gt = await token('consul', gtPost);
    const api = (t: string) => ({
      get: (url: string) =>
        request(app.getHttpServer()).get(url).set('Authorization', `Bearer ${t}`),
      post: (url: string, body: object) =>
        request(app.getHttpServer()).post(url).set('Authorization', `Bearer ${t}`).send(body),
    });
    const created = await api(mx).post('/api/v1/cases', {
      consulateId: mxPost,
      primaryCategory: 'health',
      summary: 'Hospitalised after a workplace accident.',
      consent: {
        services: true,
        disclosureToOrganisations: false,
        disclosureToOtherCountry: true,
        tracing: false,
      },
      persons: [
        {
          role: 'primary',
          person: {
            givenNames: 'Rosa',
            familyNames: 'Tlapa',
            sex: 'female',
            nationalityCode: 'MX',
          },
        },
      ],
    });
    expect(created.status).toBe(201);
    const sent = await api(mx).post(`/api/v1/cases/${created.body.id}/assistance-requests`, {
      receivingConsulateId: gtPost,
      kind: 'assistance',
      reason: 'urgency',
      reasonNote: 'She is in a hospital two hours from our post; yours is next door.',
      fields: ['names', 'sex', 'nationality'],
    });
    expect(sent.status).toBe(201);
    for (const [t, direction] of [
      [mx, 'outgoing'],
      [gt, 'incoming'],
    ]) {
      const listed = await api(t).get(`/api/v1/assistance-requests?direction=${direction}`);
      expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([sent.body.id]);
    }
    const accepted = await api(gt).post(`/api/v1/assistance-requests/${sent.body.id}/accept`, {
      primaryCategory: 'health',
    });
    expect(accepted.status).toBe(200);
    const gtCase = await api(gt).get(`/api/v1/cases/${accepted.body.receivingCaseId}`);
    expect(gtCase.status).toBe(200);
    expect(gtCase.body.persons[0].person.givenNames).toBe('Rosa');
    expect((await api(mx).get(`/api/v1/cases/${accepted.body.receivingCaseId}`)).status).toBe(404);
    expect((await api(gt).get(`/api/v1/cases/${created.body.id}`)).status).toBe(404);
  });
});
