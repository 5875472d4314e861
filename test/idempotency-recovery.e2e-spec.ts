import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { testConfig } from '@amparo/testing';
import { Client } from 'pg';
import request from 'supertest';
import { freePort, spawnApiProcess, TestChild } from './utils/child-processes';
import { eventually } from './utils/eventually';
import { createConsulate, createUser, signIn, TEST_PASSWORD } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

/**
 * An Idempotency-Key is never left stuck by a request that died: when the request's connection
 * is gone before its commit (the API killed, the database dropping it), a retry with the key runs
 * at once and registers the case exactly once.
 */
describe('Idempotency keys after a failure', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let desk: string;
  let officer: string;
  let officerEmail: string;

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    desk = await createConsulate(stack, 'MX');
    const user = await createUser(stack, [{ role: 'officer', consulateId: desk }]);
    officerEmail = user.email;
    officer = (await signIn(app, user.email)).accessToken;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const caseBody = () => ({
    consulateId: desk,
    primaryCategory: 'labour_rights',
    summary: 'Unpaid wages at a packing plant.',
    persons: [
      {
        role: 'primary',
        person: {
          givenNames: 'Ulises',
          familyNames: 'Canché',
          estimatedAge: 31,
          sex: 'male',
          nationalityCode: 'MX',
        },
      },
    ],
  });
  const register = (key: string) =>
    request(app.getHttpServer())
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${officer}`)
      .set('Idempotency-Key', key)
      .send(caseBody());
  /** Holds the next case insert inside its transaction, after the key is claimed, until released. */
  const holdCaseInserts = async () => {
    const blocker = new Client({ connectionString: stack.database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE cases IN SHARE ROW EXCLUSIVE MODE');
    return {
      waitingBackend: () =>
        eventually(async () => {
          const waiting = await stack.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = 'amparo' AND wait_event_type = 'Lock'`,
          );
          return waiting.length === 1 ? waiting[0].pid : undefined;
        }),
      release: async () => {
        await blocker.query('ROLLBACK');
        await blocker.end();
      },
    };
  };
  const casesAtDesk = async () =>
    Number(
      (
        await stack.query<{ n: string }>(
          'SELECT count(*) AS n FROM cases WHERE consulate_id = $1',
          [desk],
        )
      )[0].n,
    );

  it('lets a retry register the case at once when the first request lost its connection before committing', async () => {
    const key = randomUUID();
    const before = await casesAtDesk();
    const hold = await holdCaseInserts();
    try {
      const first = register(key).then((res) => res);
      // The database drops the first request's connection mid-transaction.
      await stack.query('SELECT pg_terminate_backend($1)', [await hold.waitingBackend()]);
      const failed = await first;
      expect(failed.status).toBeGreaterThanOrEqual(500);
    } finally {
      await hold.release();
    }
    expect(await casesAtDesk()).toBe(before);
    const startedAt = Date.now();
    const retry = await register(key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(await casesAtDesk()).toBe(before + 1);
    const again = await register(key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(retry.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await casesAtDesk()).toBe(before + 1);
  });

  it('stores the response in the transaction of the case: no key without its case, no case without its key', async () => {
    const key = randomUUID();
    const created = await register(key);
    expect(created.status).toBe(201);
    const [row] = await stack.query<{ statusCode: number; xmins: string }>(
      `SELECT k.status_code AS "statusCode", (k.xmin::text = c.xmin::text)::text AS xmins
         FROM idempotency_keys k, cases c WHERE k.key = $1 AND c.id = $2`,
      [key, created.body.id],
    );
    expect(row).toEqual({ statusCode: 201, xmins: 'true' });
  });

  it('lets a retry on another API process register the case at once when the first process was killed mid-request', async () => {
    const env = { DATABASE_URL: stack.database.url, DATABASE_POOL_SIZE: '2' };
    const call = async (port: number, token: string, key: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'idempotency-key': key,
          'content-type': 'application/json',
        },
        body: JSON.stringify(caseBody()),
      });
      return {
        status: res.status,
        replayed: res.headers.get('idempotent-replayed'),
        body: (await res.json()) as { id: string },
      };
    };
    const signInAt = async (port: number) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: officerEmail, password: TEST_PASSWORD }),
      });
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const key = randomUUID();
    const before = await casesAtDesk();
    let killed: TestChild | undefined;
    try {
      const firstPort = await freePort();
      killed = await spawnApiProcess(firstPort, env);
      const hold = await holdCaseInserts();
      try {
        const first = call(firstPort, await signInAt(firstPort), key).then(
          () => 'answered',
          () => 'connection lost',
        );
        await hold.waitingBackend();
        await killed.stop('SIGKILL');
        expect(await first).toBe('connection lost');
      } finally {
        await hold.release();
      }
      // The retry reaches another process (this test's own app) on the same database.
      const startedAt = Date.now();
      const retry = await register(key);
      expect({ status: retry.status, replayed: retry.headers['idempotent-replayed'] }).toEqual({
        status: 201,
        replayed: undefined,
      });
      expect(Date.now() - startedAt).toBeLessThan(5000);
      const again = await register(key);
      expect({
        status: again.status,
        replayed: again.headers['idempotent-replayed'],
        id: again.body.id,
      }).toEqual({
        status: 201,
        replayed: 'true',
        id: retry.body.id,
      });
      expect(await casesAtDesk()).toBe(before + 1);
    } finally {
      await killed?.stop('SIGKILL');
    }
  }, 120_000);

  it('answers simultaneous retries of one key on a single database connection (the embedded default’s pool) without deadlock', async () => {
    const single = await createTestApi(
      testConfig({ DATABASE_URL: stack.database.url, DATABASE_POOL_SIZE: '1' }),
    );
    try {
      const token = (await signIn(single, officerEmail)).accessToken;
      const key = randomUUID();
      const before = await casesAtDesk();
      const responses = await Promise.all(
        Array.from({ length: 4 }, () =>
          request(single.getHttpServer())
            .post('/api/v1/cases')
            .set('Authorization', `Bearer ${token}`)
            .set('Idempotency-Key', key)
            .send(caseBody()),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(await casesAtDesk()).toBe(before + 1);
    } finally {
      await single.close();
    }
  });
});
