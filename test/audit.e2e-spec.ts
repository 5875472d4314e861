import { NestExpressApplication } from '@nestjs/platform-express';
import { AuditSealer, verifyAuditChain } from '@amparo/audit';
import { externalDataSourceOptions } from '@amparo/database';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { eventually } from './utils/eventually';
import { TEST_PASSWORD, createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

describe('Audit log: append-only and tamper-evident', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let auditDb: DataSource;
  let officer: { id: string; email: string };
  let adminToken: string;
  let consulateId: string;
  const http = () => request(api.getHttpServer());
  const sealer = () => api.get(AuditSealer);

  const eventCount = async (where = 'TRUE', params: unknown[] = []) =>
    (
      await stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE ${where}`,
        params,
      )
    )[0].n;

  const maxSeq = async () =>
    (await stack.query<{ m: string }>('SELECT max(seq)::text AS m FROM audit_events'))[0].m;

  const createUserAs = (token: string, email: string, displayName = 'Rosa Quispe Mamani') =>
    http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ email, displayName, grants: [{ role: 'officer', consulateId }] });

  beforeAll(async () => {
    stack = await createTestStack();
    api = await createTestApi(stack.config);
    auditDb = new DataSource({
      ...externalDataSourceOptions(stack.database.url, 1),
      logging: false,
    });
    await auditDb.initialize();
    consulateId = await createConsulate(stack, 'MX');
    officer = await createUser(stack, [{ role: 'officer', consulateId }]);
    const admin = await createUser(stack, [{ role: 'admin', countryCode: 'MX' }]);
    adminToken = (await signIn(api, admin.email)).accessToken;
  });

  afterAll(async () => {
    if (auditDb?.isInitialized) await auditDb.destroy();
    await api?.close();
    await stack?.teardown();
  });

  it('chains the events written by sign-ins, failed logins and user creation into an intact log', async () => {
    await signIn(api, officer.email);
    const bad = await http()
      .post('/api/v1/auth/login')
      .send({ email: officer.email, password: 'not the right password at all' });
    expect(bad.status).toBe(401);
    expect((await createUserAs(adminToken, `new-${randomUUID()}@amparo.test`)).status).toBe(201);

    const actions = await stack.query<{ action: string; outcome: string }>(
      'SELECT DISTINCT action, outcome FROM audit_events',
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'auth.login', outcome: 'success' },
        { action: 'auth.login', outcome: 'failure' },
        { action: 'auth.mfa.confirm', outcome: 'success' },
        { action: 'user.create', outcome: 'success' },
      ]),
    );
    await sealer().seal();
    const report = await verifyAuditChain(auditDb);
    expect(report.events).toBe(await eventCount());
    expect(report.events).toBeGreaterThan(0);
    expect(report).toMatchObject({ unsealed: 0, findings: [] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit events, even for the database superuser', async () => {
    const before = await stack.query('SELECT * FROM audit_events ORDER BY seq');
    expect(before.length).toBeGreaterThan(0);
    await expect(stack.query(`UPDATE audit_events SET outcome = 'success'`)).rejects.toThrow(
      'append-only',
    );
    await expect(stack.query('DELETE FROM audit_events')).rejects.toThrow('append-only');
    await expect(stack.query('TRUNCATE audit_events')).rejects.toThrow('append-only');
    expect(await stack.query('SELECT * FROM audit_events ORDER BY seq')).toEqual(before);
  });

  it('adds no user.create event when creating a user fails on a duplicate email', async () => {
    const before = await eventCount(`action = 'user.create'`);
    const duplicate = await createUserAs(adminToken, officer.email);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('EMAIL_TAKEN');
    expect(await eventCount(`action = 'user.create'`)).toBe(before);
  });

  it('drops an event already written when its transaction fails at commit, and the chain stays intact', async () => {
    // Fails the transaction at COMMIT, after the service has written its user.create event.
    await stack.query(`
      CREATE FUNCTION test_refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused at commit by the test'; END $$`);
    await stack.query(`
      CREATE CONSTRAINT TRIGGER test_refuse_at_commit AFTER INSERT ON users
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (NEW.display_name = 'Rolled Back') EXECUTE FUNCTION test_refuse_at_commit()`);
    const email = `rolled-back-${randomUUID()}@amparo.test`;
    const before = await eventCount();
    try {
      expect((await createUserAs(adminToken, email, 'Rolled Back')).status).toBe(500);
    } finally {
      await stack.query('DROP TRIGGER test_refuse_at_commit ON users');
      await stack.query('DROP FUNCTION test_refuse_at_commit()');
    }
    expect(await stack.query('SELECT id FROM users WHERE email = $1', [email])).toEqual([]);
    expect(await eventCount()).toBe(before);

    // The next event links to the last committed one, not to the rolled-back one.
    expect((await createUserAs(adminToken, `after-${randomUUID()}@amparo.test`)).status).toBe(201);
    // The rolled-back number is sealed as a gap once every transaction of its time has ended.
    await eventually(async () =>
      (await sealer().seal())?.headSeq === (await maxSeq()) ? true : undefined,
    );
    expect(await verifyAuditChain(auditDb)).toMatchObject({
      events: before + 1,
      unsealed: 0,
      findings: [],
    });
  });

  it('never stores a password, an email or a display name in any column of an event', async () => {
    const wrongPassword = `wrong horse ${randomUUID()}`;
    const unknownEmail = `nobody-${randomUUID()}@amparo.test`;
    const newEmail = `Created-${randomUUID()}@Amparo.test`;
    const newName = `Xochitl ${randomUUID().slice(0, 8)} Tzul`;
    const before = await eventCount();
    await signIn(api, officer.email);
    await http()
      .post('/api/v1/auth/login')
      .send({ email: officer.email, password: wrongPassword })
      .expect(401);
    await http()
      .post('/api/v1/auth/login')
      .send({ email: unknownEmail, password: TEST_PASSWORD })
      .expect(401);
    expect((await createUserAs(adminToken, newEmail, newName)).status).toBe(201);
    expect(await eventCount()).toBeGreaterThanOrEqual(before + 4);

    const rows = await stack.query<{ text: string }>(
      'SELECT lower(row_to_json(e)::text) AS text FROM audit_events e',
    );
    const secrets = [
      TEST_PASSWORD,
      wrongPassword,
      officer.email,
      unknownEmail,
      newEmail,
      newName,
      '$argon2id$',
    ].map((s) => s.toLowerCase());
    const leaks = rows.flatMap((row) => secrets.filter((s) => row.text.includes(s)));
    expect(leaks).toEqual([]);
  });
});
