import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

describe('Restricted cases and break-the-glass access', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  const tokens: Record<'owner' | 'colleague' | 'consul' | 'supervisor', string> = {} as never;
  let caseId: string;

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX', 'SFO');
    const owner = await createUser(stack, [{ role: 'officer', consulateId: post }]);
    const colleague = await createUser(stack, [{ role: 'officer', consulateId: post }]);
    const consul = await createUser(stack, [{ role: 'consul', consulateId: post }]);
    const supervisor = await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]);
    tokens.owner = (await signIn(app, owner.email)).accessToken;
    tokens.colleague = (await signIn(app, colleague.email)).accessToken;
    tokens.consul = (await signIn(app, consul.email)).accessToken;
    tokens.supervisor = (await signIn(app, supervisor.email)).accessToken;
    const created = await http('owner')
      .post('/api/v1/cases')
      .send({
        consulateId: post,
        primaryCategory: 'asylum',
        summary: 'Seeks international protection.',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Lucía',
              familyNames: 'Ramos',
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 30,
            },
          },
        ],
      });
    caseId = created.body.id;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  function http(who: keyof typeof tokens) {
    const agent = request(app.getHttpServer());
    const auth = (req: request.Test) => req.set('Authorization', `Bearer ${tokens[who]}`);
    return {
      get: (url: string) => auth(agent.get(url)),
      post: (url: string) => auth(agent.post(url)),
      patch: (url: string) => auth(agent.patch(url)),
    };
  }

  it('restricts an asylum case automatically to its officer and the consul', async () => {
    expect((await http('owner').get(`/api/v1/cases/${caseId}`)).body.restricted).toBe(true);
    expect((await http('consul').get(`/api/v1/cases/${caseId}`)).status).toBe(200);
    const colleague = await http('colleague').get(`/api/v1/cases/${caseId}`);
    expect(colleague.status).toBe(403);
    expect(colleague.body.code).toBe('CASE_RESTRICTED');
    expect(JSON.stringify(colleague.body)).not.toContain('Lucía');
    expect((await http('supervisor').get(`/api/v1/cases/${caseId}`)).status).toBe(403);
    const list = await http('colleague').get('/api/v1/cases');
    const row = list.body.items.find((c: { id: string }) => c.id === caseId);
    expect(row.primaryPerson).toBeNull();
  });

  it('needs a reason of at least 20 characters', async () => {
    const short = await http('colleague')
      .post(`/api/v1/cases/${caseId}/access-requests`)
      .send({ reason: 'urgent' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0]).toMatchObject({ field: 'reason', code: 'TOO_SHORT' });
  });

  it('opens the case for two hours, audited, and shows it to the consul for review', async () => {
    const granted = await http('colleague')
      .post(`/api/v1/cases/${caseId}/access-requests`)
      .send({ reason: 'The assigned officer is away and the hearing is in one hour.' });
    expect(granted.status).toBe(201);
    const hours =
      (new Date(granted.body.expiresAt).getTime() - new Date(granted.body.grantedAt).getTime()) /
      3600_000;
    expect(hours).toBeCloseTo(2, 2);
    expect((await http('colleague').get(`/api/v1/cases/${caseId}`)).status).toBe(200);
    const [event] = await stack.query<{ actor_user_id: string }>(
      `SELECT actor_user_id FROM audit_events WHERE action = 'case.break_glass' AND resource_id = $1`,
      [caseId],
    );
    expect(event).toBeDefined();

    const review = await http('consul').get('/api/v1/access-requests?status=unreviewed');
    expect(review.body.items.map((r: { id: string }) => r.id)).toContain(granted.body.id);
    const reviewed = await http('consul')
      .post(`/api/v1/access-requests/${granted.body.id}/review`)
      .send({ outcome: 'justified' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.reviewOutcome).toBe('justified');
    const again = await http('consul')
      .post(`/api/v1/access-requests/${granted.body.id}/review`)
      .send({ outcome: 'unjustified' });
    expect(again.status).toBe(409);
    expect(
      (await http('consul').get('/api/v1/access-requests?status=unreviewed')).body.items,
    ).toHaveLength(0);
    expect((await http('colleague').get('/api/v1/access-requests')).status).toBe(403);
  });

  it('closes the glass again when the two hours are over', async () => {
    await stack.query(
      `UPDATE case_access_requests SET expires_at = now() - interval '1 second' WHERE case_id = $1`,
      [caseId],
    );
    expect((await http('colleague').get(`/api/v1/cases/${caseId}`)).status).toBe(403);
  });

  it('refuses a request from someone who can already read the case, or is outside its scope', async () => {
    const owner = await http('owner')
      .post(`/api/v1/cases/${caseId}/access-requests`)
      .send({ reason: 'I only want to check something here.' });
    expect(owner.status).toBe(409);
    expect(owner.body.code).toBe('ACCESS_NOT_NEEDED');
    const otherPost = await createConsulate(stack, 'GT');
    const stranger = await createUser(stack, [{ role: 'officer', consulateId: otherPost }]);
    const strangerToken = (await signIn(app, stranger.email)).accessToken;
    const outside = await request(app.getHttpServer())
      .post(`/api/v1/cases/${caseId}/access-requests`)
      .set('Authorization', `Bearer ${strangerToken}`)
      .send({ reason: 'I would like to read this case, please.' });
    expect(outside.status).toBe(404);
  });

  it('lets only the consul lift a restriction (never on an asylum case)', async () => {
    const created = await http('owner')
      .post('/api/v1/cases')
      .send({
        consulateId: post,
        primaryCategory: 'trafficking',
        restricted: true,
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Rosa',
              familyNames: 'Díaz',
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 19,
            },
          },
        ],
      });
    const byOfficer = await http('owner')
      .patch(`/api/v1/cases/${created.body.id}`)
      .set('If-Match', created.headers.etag)
      .send({ restricted: false });
    expect(byOfficer.status).toBe(403);
    expect(byOfficer.body.code).toBe('RESTRICTION_NEEDS_CONSUL');
    const consul = await http('consul')
      .patch(`/api/v1/cases/${created.body.id}`)
      .set('If-Match', created.headers.etag)
      .send({ restricted: false });
    expect(consul.status).toBe(200);
    expect(consul.body.restricted).toBe(false);
  });
});
