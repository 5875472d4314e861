import { NestExpressApplication } from '@nestjs/platform-express';
import { verifyAuditChain } from '@amparo/audit';
import { externalDataSourceOptions } from '@amparo/database';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TEST_PASSWORD, createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run audit:verify` as an operator would, against the given database. */
function runAuditVerify(databaseUrl: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'audit:verify'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('Audit log: append-only and tamper-evident', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let auditDb: DataSource;
  let officer: { id: string; email: string };
  let adminToken: string;
  let consulateId: string;
  const http = () => request(api.getHttpServer());

  /** Changes the log the way an attacker with superuser rights would: triggers off, then on. */
  async function tamper(sql: string, params: unknown[] = []): Promise<void> {
    const client = new Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await client.query(sql, params);
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      await client.end();
    }
  }

  const eventCount = async (where = 'TRUE', params: unknown[] = []) =>
    (
      await stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE ${where}`,
        params,
      )
    )[0].n;

  /** A sequence number in the middle of the log, and the one right after it. */
  async function middleEvent(): Promise<{ seq: string; next: string }> {
    const rows = await stack.query<{ seq: string }>(
      'SELECT seq::text AS seq FROM audit_events e ORDER BY e.seq',
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const at = Math.floor(rows.length / 2);
    return { seq: rows[at].seq, next: rows[at + 1].seq };
  }

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
    const report = await verifyAuditChain(auditDb);
    expect(report.events).toBe(await eventCount());
    expect(report.events).toBeGreaterThan(0);
    expect(report.altered).toEqual([]);
    expect(report.broken).toEqual([]);
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
    expect(await verifyAuditChain(auditDb)).toEqual({
      events: before + 1,
      altered: [],
      broken: [],
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

  it('npm run audit:verify reports an intact log with its number of events and exits 0', async () => {
    const run = await runAuditVerify(stack.database.url);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(`audit log intact: ${await eventCount()} events`);
    expect(run.code).toBe(0);
  }, 60000);

  it('finds an event whose content was changed behind the triggers', async () => {
    const { seq } = await middleEvent();
    const [{ details }] = await stack.query<{ details: object }>(
      'SELECT details FROM audit_events WHERE seq = $1',
      [seq],
    );
    await tamper(
      `UPDATE audit_events SET details = details || '{"reason":"forged"}' WHERE seq = $1`,
      [seq],
    );
    expect(await verifyAuditChain(auditDb)).toMatchObject({ altered: [seq], broken: [] });

    await tamper('UPDATE audit_events SET details = $2 WHERE seq = $1', [seq, details]);
    expect(await verifyAuditChain(auditDb)).toMatchObject({ altered: [], broken: [] });
  });

  it('lists altered events in the order of the log, not in text order of their numbers', async () => {
    const seqs = (
      await stack.query<{ seq: string }>(
        'SELECT seq::text AS seq FROM audit_events e ORDER BY e.seq',
      )
    ).map((r) => r.seq);
    const early = seqs.find((s) => s.length === 1 && s !== '1');
    const late = seqs.find((s) => s.length === 2);
    expect([early, late]).toEqual([expect.any(String), expect.any(String)]);
    const forge = (change: string) =>
      tamper(`UPDATE audit_events SET details = ${change} WHERE seq = ANY($1::bigint[])`, [
        [early, late],
      ]);
    await forge(`details || '{"forged":true}'`);
    try {
      expect((await verifyAuditChain(auditDb)).altered).toEqual([early, late]);
    } finally {
      await forge(`details - 'forged'`);
    }
    expect(await verifyAuditChain(auditDb)).toMatchObject({ altered: [], broken: [] });
  });

  it('finds the broken link when a forger also recomputes the changed event’s hash', async () => {
    const { seq, next } = await middleEvent();
    const [original] = await stack.query<{ outcome: string; hash: string }>(
      'SELECT outcome, hash FROM audit_events WHERE seq = $1',
      [seq],
    );
    const forged = original.outcome === 'success' ? 'failure' : 'success';
    await tamper('UPDATE audit_events SET outcome = $2 WHERE seq = $1', [seq, forged]);
    await tamper('UPDATE audit_events e SET hash = audit_event_digest(e) WHERE seq = $1', [seq]);
    expect(await verifyAuditChain(auditDb)).toMatchObject({ altered: [], broken: [next] });

    await tamper('UPDATE audit_events SET outcome = $2, hash = $3 WHERE seq = $1', [
      seq,
      original.outcome,
      original.hash,
    ]);
    expect(await verifyAuditChain(auditDb)).toMatchObject({ altered: [], broken: [] });
  });

  it('finds the gap left by an event deleted from the middle of the log', async () => {
    const { seq, next } = await middleEvent();
    const [{ row }] = await stack.query<{ row: object }>(
      'SELECT row_to_json(e) AS row FROM audit_events e WHERE seq = $1',
      [seq],
    );
    await tamper('DELETE FROM audit_events WHERE seq = $1', [seq]);
    expect(await verifyAuditChain(auditDb)).toMatchObject({ altered: [], broken: [next] });

    await tamper(
      'INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, $1::json)',
      [row],
    );
    expect(await verifyAuditChain(auditDb)).toMatchObject({ altered: [], broken: [] });
  });

  it('npm run audit:verify names the altered event and the broken link, and exits 1', async () => {
    const rows = await stack.query<{ seq: string; row: object }>(
      'SELECT seq::text AS seq, row_to_json(e) AS row FROM audit_events e ORDER BY e.seq',
    );
    const altered = rows[1];
    const deleted = rows[rows.length - 3];
    const afterDeleted = rows[rows.length - 2];
    await tamper(`UPDATE audit_events SET action = action || '.forged' WHERE seq = $1`, [
      altered.seq,
    ]);
    await tamper('DELETE FROM audit_events WHERE seq = $1', [deleted.seq]);
    try {
      const run = await runAuditVerify(stack.database.url);
      expect(run.stdout.trim().split('\n')).toEqual([
        `event ${altered.seq}: content altered`,
        `event ${afterDeleted.seq}: previous event missing or altered`,
        `audit log NOT intact: 1 altered event, 1 broken link in ${rows.length - 1} events`,
      ]);
      expect(run.code).toBe(1);
    } finally {
      await tamper('UPDATE audit_events SET action = $2 WHERE seq = $1', [
        altered.seq,
        (altered.row as { action: string }).action,
      ]);
      await tamper(
        'INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, $1::json)',
        [deleted.row],
      );
    }
    expect(await verifyAuditChain(auditDb)).toMatchObject({ altered: [], broken: [] });
  }, 60000);
});
