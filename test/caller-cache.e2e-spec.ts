import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { detentionCaseBody } from './utils/case-bodies';
import { createConsulate, createUser, signIn } from './utils/identity';
import { statementsSentDuring } from './utils/sent-statements';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

// Issue 20: a read takes its caller from a cache in the API's process, and the database checks it
// in the request's first round trip. Two API instances stand for two API processes sharing the
// database: whatever changes through one (or straight in the database) takes effect at once on the
// other's next request, with no message between them.
describe('The cache of signed-in callers', () => {
  let stack: TestStack;
  let apiA: INestApplication;
  let apiB: INestApplication;
  let dataSource: DataSource;
  const caseOf: Record<'A' | 'B', string> = { A: '', B: '' };
  const postOf: Record<'A' | 'B', string> = { A: '', B: '' };

  beforeAll(async () => {
    stack = await createTestStack();
    apiA = await createTestApi(stack.config);
    apiB = await createTestApi(stack.config);
    dataSource = apiA.get(DataSource);
    for (const name of ['A', 'B'] as const) {
      postOf[name] = await createConsulate(stack, 'MX');
      const officer = await createUser(stack, [{ role: 'officer', consulateId: postOf[name] }]);
      const { accessToken } = await signIn(apiB, officer.email);
      const created = await request(apiB.getHttpServer())
        .post('/api/v1/cases')
        .set('Authorization', `Bearer ${accessToken}`)
        .send(
          detentionCaseBody(postOf[name], name, 'MX', {
            familyNames: 'Caché',
            documentPrefix: 'CACHE',
          }),
        );
      expect(created.status).toBe(201);
      caseOf[name] = created.body.id;
    }
  });

  afterAll(async () => {
    await apiA?.close();
    await apiB?.close();
    await stack?.teardown();
  });

  /** An officer of post A, signed in, who has read a case through API A (so it is cached there). */
  async function cachedOfficer() {
    const officer = await createUser(stack, [{ role: 'officer', consulateId: postOf.A }]);
    const session = await signIn(apiB, officer.email);
    const read = (id: string, api = apiA) =>
      request(api.getHttpServer())
        .get(`/api/v1/cases/${id}`)
        .set('Authorization', `Bearer ${session.accessToken}`);
    expect((await read(caseOf.A)).status).toBe(200);
    return { officer, session, read };
  }

  const sentDuring = statementsSentDuring;

  it('serves a read without reading the caller, checking it in the BEGIN of its transaction', async () => {
    const { read } = await cachedOfficer();
    let status = 0;
    const sent = await sentDuring(async () => {
      status = (await read(caseOf.A)).status;
    });
    expect(status).toBe(200);
    expect(sent.some((sql) => sql.includes('FROM users u'))).toBe(false);
    expect(sent[0]).toContain('amparo_assert_current_caller');
  });

  it('refuses at once a user disabled elsewhere (401), and their refreshed caller is not served', async () => {
    const { officer, read } = await cachedOfficer();
    await dataSource.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [officer.id]);
    const res = await read(caseOf.A);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses at once a session ended through the other API (logout)', async () => {
    const { session, read } = await cachedOfficer();
    const logout = await request(apiB.getHttpServer())
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${session.accessToken}`);
    expect(logout.status).toBeLessThan(300);
    expect((await read(caseOf.A)).status).toBe(401);
  });

  it('follows a grant moved to another post at once: the old post is out of scope, the new one in', async () => {
    const { officer, read } = await cachedOfficer();
    await dataSource.query(`UPDATE role_grants SET consulate_id = $2 WHERE user_id = $1`, [
      officer.id,
      postOf.B,
    ]);
    expect((await read(caseOf.A)).status).toBe(404);
    expect((await read(caseOf.B)).status).toBe(200);
    // And the other API, which had not cached the officer, agrees.
    expect((await read(caseOf.A, apiB)).status).toBe(404);
  });

  it('gives a permission granted since at once, though the cached caller lacked it', async () => {
    const { officer, session } = await cachedOfficer();
    const statistics = () =>
      request(apiA.getHttpServer())
        .get('/api/v1/users')
        .set('Authorization', `Bearer ${session.accessToken}`);
    expect((await statistics()).status).toBe(403);
    await dataSource.query(
      `INSERT INTO role_grants (user_id, role, country_code) VALUES ($1, 'admin', 'MX')`,
      [officer.id],
    );
    expect((await statistics()).status).toBe(200);
  });

  it('writes nothing for a stale caller: the retried read records one audit event, as the fresh caller', async () => {
    const { officer, read } = await cachedOfficer();
    await dataSource.query(`UPDATE users SET display_name = 'Renombrada' WHERE id = $1`, [
      officer.id,
    ]);
    const res = await read(caseOf.A);
    expect(res.status).toBe(200);
    const events = await dataSource.query(`SELECT action FROM audit_events WHERE request_id = $1`, [
      res.headers['x-request-id'],
    ]);
    expect(events).toEqual([{ action: 'case.read' }]);
  });
});
