import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

// A referral and an assistance request name their case's post: when a transfer moves the case to
// another post of its country, they follow it. The new post works them; the old post, which no
// longer has the case, no longer sees them either.
describe('Referrals and assistance requests follow their case to its new post', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const posts: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let caseId: string;
  let referralId: string;
  let requestId: string;

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    posts.from = await createConsulate(stack, 'MX');
    posts.to = await createConsulate(stack, 'MX');
    posts.gt = await createConsulate(stack, 'GT');
    for (const [who, grants] of Object.entries({
      fromOfficer: [{ role: 'officer', consulateId: posts.from }],
      toConsul: [{ role: 'consul', consulateId: posts.to }],
      gtConsul: [{ role: 'consul', consulateId: posts.gt }],
    })) {
      const user = await createUser(stack, grants);
      tokens[who] = (await signIn(app, user.email)).accessToken;
    }
    const [{ id: organisationId }] = await stack.query<{ id: string }>(
      `INSERT INTO organisations (name, type, services, coverage_countries, active)
       VALUES ('Casa Refugio', 'civil_society', '{shelter}', '{US}', true) RETURNING id`,
    );
    const created = await http()
      .post('/api/v1/cases')
      .set(as('fromOfficer'))
      .send({
        consulateId: posts.from,
        primaryCategory: 'crime_victim',
        consent: {
          services: true,
          disclosureToOrganisations: true,
          disclosureToOtherCountry: true,
          tracing: false,
        },
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Elena',
              familyNames: 'Mudanza',
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 41,
            },
          },
        ],
      })
      .expect(201);
    caseId = created.body.id;
    referralId = (
      await http()
        .post(`/api/v1/cases/${caseId}/referrals`)
        .set(as('fromOfficer'))
        .send({
          organisationId,
          services: ['shelter'],
          need: 'A safe place to stay tonight.',
          fields: ['names'],
        })
        .expect(201)
    ).body.id;
    requestId = (
      await http()
        .post(`/api/v1/cases/${caseId}/assistance-requests`)
        .set(as('fromOfficer'))
        .send({
          receivingConsulateId: posts.gt,
          kind: 'assistance',
          reason: 'no_post_in_place',
          reasonNote: 'She is moving to where only Guatemala has a post.',
          fields: ['names', 'sex', 'nationality'],
        })
        .expect(201)
    ).body.id;
    const transfer = await http()
      .post(`/api/v1/cases/${caseId}/transfers`)
      .set(as('fromOfficer'))
      .send({ toConsulateId: posts.to, reason: 'She moved into the other post’s district.' })
      .expect(201);
    await http()
      .post(`/api/v1/transfers/${transfer.body.id}/accept`)
      .set(as('toConsul'))
      .send({})
      .expect(200);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it("moves the case's referral to the new post, with the new reference", async () => {
    const moved = await http()
      .get('/api/v1/cases/' + caseId)
      .set(as('toConsul'));
    const listed = await http().get('/api/v1/referrals').query({ limit: 200 }).set(as('toConsul'));
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: referralId,
        consulateId: posts.to,
        caseReference: moved.body.reference,
      }),
    ]);
    expect((await http().get(`/api/v1/referrals/${referralId}`).set(as('toConsul'))).status).toBe(
      200,
    );
    const old = await http().get('/api/v1/referrals').query({ limit: 200 }).set(as('fromOfficer'));
    expect(old.body.items).toEqual([]);
    expect(
      (await http().get(`/api/v1/referrals/${referralId}`).set(as('fromOfficer'))).status,
    ).toBe(404);
  });

  it("moves the case's assistance request to the new post, and the other country still answers it", async () => {
    const outgoing = await http()
      .get('/api/v1/assistance-requests')
      .query({ direction: 'outgoing' })
      .set(as('toConsul'));
    expect(outgoing.status).toBe(200);
    expect(outgoing.body.items.map((r: { id: string }) => r.id)).toEqual([requestId]);
    expect(
      (await http().get(`/api/v1/assistance-requests/${requestId}`).set(as('fromOfficer'))).status,
    ).toBe(404);
    // The new post may revoke what it now owns; the Guatemalan post sees the same request.
    expect(
      (await http().get(`/api/v1/assistance-requests/${requestId}`).set(as('gtConsul'))).status,
    ).toBe(200);
    const revoked = await http()
      .post(`/api/v1/assistance-requests/${requestId}/revoke`)
      .set(as('toConsul'))
      .send({ reason: 'The new post will assist her in person.' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
  });
});
