import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { GrantSpec, createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

// Those who assign a case (its post's consul, its country's supervisor) pick the assignee from the
// officers of the case's post by name; nobody else learns who works there through this route.
describe('GET /cases/{id}/assignable-officers', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  let caseId: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const named = async (name: string, grants: GrantSpec[], disabled = false) => {
    const user = await createUser(stack, grants);
    await stack.query(`UPDATE users SET display_name = $2, status = $3 WHERE id = $1`, [
      user.id,
      name,
      disabled ? 'disabled' : 'active',
    ]);
    ids[name] = user.id;
    return user;
  };

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    const otherPost = await createConsulate(stack, 'MX');
    const foreignPost = await createConsulate(stack, 'GT');
    const users = {
      consul: await named('Zacarías Cónsul', [{ role: 'consul', consulateId: post }]),
      officer: await named('Beatriz Oficial', [{ role: 'officer', consulateId: post }]),
      supervisor: await named('Sofía Supervisora', [{ role: 'supervisor', countryCode: 'MX' }]),
      otherConsul: await named('Óscar Otro', [{ role: 'consul', consulateId: otherPost }]),
      foreignConsul: await named('Gloria Extranjera', [
        { role: 'consul', consulateId: foreignPost },
      ]),
    };
    await named('Adela Oficial', [{ role: 'officer', consulateId: post }]);
    await named('Dora Inactiva', [{ role: 'officer', consulateId: post }], true);
    await named('Pedro Otra Sede', [{ role: 'officer', consulateId: otherPost }]);
    for (const [role, user] of Object.entries(users))
      tokens[role] = (await signIn(app, user.email)).accessToken;

    const created = await request(app.getHttpServer())
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${tokens.officer}`)
      .send({
        consulateId: post,
        primaryCategory: 'documentation',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Ana',
              familyNames: 'Prueba',
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 30,
            },
          },
        ],
      })
      .expect(201);
    caseId = created.body.id;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const ask = (role: string, id = caseId) =>
    request(app.getHttpServer())
      .get(`/api/v1/cases/${id}/assignable-officers`)
      .set('Authorization', `Bearer ${tokens[role]}`);

  const expected = () => [
    { id: ids['Adela Oficial'], displayName: 'Adela Oficial' },
    { id: ids['Beatriz Oficial'], displayName: 'Beatriz Oficial' },
    { id: ids['Zacarías Cónsul'], displayName: 'Zacarías Cónsul' },
  ];

  it.each(['consul', 'supervisor'])(
    'gives the %s the active officers and consuls of the case’s post, by name',
    async (role) => {
      const res = await ask(role).expect(200);
      expect(res.body).toEqual({ items: expected() });
    },
  );

  it('refuses an officer of the post, who may not assign', async () => {
    const res = await ask('officer').expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it.each(['otherConsul', 'foreignConsul'])(
    'answers a consul of another post (%s) as if the case did not exist',
    async (role) => {
      const res = await ask(role).expect(404);
      expect(res.body.code).toBe('CASE_NOT_FOUND');
    },
  );

  it('answers an unknown case with 404', async () => {
    const res = await ask('consul', randomUUID()).expect(404);
    expect(res.body.code).toBe('CASE_NOT_FOUND');
  });

  it('names only people the assignment would accept', async () => {
    const [first] = (await ask('consul').expect(200)).body.items;
    const current = await request(app.getHttpServer())
      .get(`/api/v1/cases/${caseId}`)
      .set('Authorization', `Bearer ${tokens.consul}`)
      .expect(200);
    const assigned = await request(app.getHttpServer())
      .post(`/api/v1/cases/${caseId}/assignment`)
      .set('Authorization', `Bearer ${tokens.consul}`)
      .set('If-Match', current.headers.etag)
      .send({ officerId: first.id })
      .expect(200);
    expect(assigned.body.assignedOfficerId).toBe(first.id);
  });

  it('records each listing in the audit log against the case and the caller', async () => {
    await ask('supervisor').expect(200);
    const rows = await stack.query<{ actor_user_id: string }>(
      `SELECT actor_user_id FROM audit_events
        WHERE action = 'case.assignable_officers.read' AND resource_id = $1`,
      [caseId],
    );
    expect(rows.map((r) => r.actor_user_id)).toContain(ids['Sofía Supervisora']);
    const refused = await stack.query(
      `SELECT 1 FROM audit_events
        WHERE action = 'case.assignable_officers.read' AND actor_user_id = $1`,
      [ids['Óscar Otro']],
    );
    expect(refused).toEqual([]);
  });
});
