import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AuditSealer } from '@amparo/audit';
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { eventually } from './utils/eventually';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('Audit log: sealed outside the insert path, checkpoints signed outside the database', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let worker: INestApplicationContext | undefined;
  let checkpointDir: string;
  let consulateId: string;

  /** `npm run audit:verify` as an operator runs it: only the public key and the checkpoints. */
  function runAuditVerify(env: Record<string, string> = {}): Promise<CliRun> {
    return new Promise((resolve, reject) => {
      const child = spawn('npm', ['run', '--silent', 'audit:verify'], {
        cwd: join(__dirname, '..'),
        env: {
          ...process.env,
          DATABASE_URL: stack.database.url,
          AUDIT_CHECKPOINT_DIR: checkpointDir,
          AUDIT_SIGNING_PUBLIC_KEY: PUBLIC_PEM,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  /** Changes the log as a superuser would: triggers off, change, triggers on. */
  async function tamper(sql: string, params: unknown[] = []): Promise<void> {
    const client = new Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await client.query('ALTER TABLE audit_seals DISABLE TRIGGER USER');
      await client.query(sql, params);
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
      await client.query('ALTER TABLE audit_seals ENABLE TRIGGER USER');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  }

  const sealer = () => api.get(AuditSealer);
  const count = async (sql: string) => (await stack.query<{ n: number }>(sql))[0].n;

  /** Seals and checkpoints through the worker's schedule, as production does. */
  async function sealedByWorker(): Promise<void> {
    await eventually(async () => {
      const [row] = await stack.query<{ unsealed: number; head: string | null }>(
        `SELECT (SELECT count(*)::int FROM audit_events e
                  WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.seq = e.seq)) AS unsealed,
                (SELECT max(seq)::text FROM audit_seals) AS head`,
      );
      const file = `checkpoint-${(row.head ?? '').padStart(20, '0')}.json`;
      return row.unsealed === 0 && readdirSync(checkpointDir).includes(file) ? true : undefined;
    });
  }

  async function writeEvents(n: number): Promise<void> {
    const user = await createUser(stack, [{ role: 'officer', consulateId }]);
    for (let i = 0; i < n; i++) await signIn(api, user.email);
  }

  beforeAll(async () => {
    checkpointDir = mkdtempSync(join(tmpdir(), 'amparo-checkpoints-'));
    stack = await createTestStack({
      AUDIT_SIGNING_KEY: PRIVATE_PEM,
      AUDIT_CHECKPOINT_DIR: checkpointDir,
      AUDIT_SEAL_INTERVAL_MS: '200',
    });
    api = await createTestApi(stack.config);
    consulateId = await createConsulate(stack, 'GT');
    await writeEvents(3);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await stack?.teardown();
    rmSync(checkpointDir, { recursive: true, force: true });
  });

  it('takes no lock on the audit insert path and no hash function in the database', async () => {
    const functions = await stack.query<{ name: string; body: string }>(
      `SELECT p.proname AS name, p.prosrc AS body FROM pg_proc p
         JOIN pg_trigger t ON t.tgfoid = p.oid
        WHERE t.tgrelid = 'audit_events'::regclass`,
    );
    expect(functions.map((f) => f.body).join('\n')).not.toMatch(/advisory|digest|hash/i);
    expect(
      await count(`SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'audit_event_digest'`),
    ).toBe(0);
  });

  it('seals events through the worker schedule and writes a signed checkpoint; audit:verify passes', async () => {
    worker = await createTestWorker(stack.config);
    await worker.init();
    await sealedByWorker();
    const run = await runAuditVerify();
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^audit log intact: \d+ events, \d+ sealed, 0 not sealed yet, \d+ signed checkpoints? verified\n$/,
    );
    expect(run.code).toBe(0);
    await worker.close();
    worker = undefined;
  }, 60000);

  it('seals events committed out of number order exactly once, in number order, never past one in flight', async () => {
    await sealer().seal();
    const slow = new Client({ connectionString: stack.database.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      const [{ seq: low }] = (
        await slow.query<{ seq: string }>(
          `INSERT INTO audit_events (action, outcome) VALUES ('test.slow', 'success') RETURNING seq::text`,
        )
      ).rows;
      await writeEvents(2);
      const head = await sealer().seal();
      // Nothing at or past the number still in flight is sealed: the chain waits for it.
      expect(BigInt(head!.headSeq)).toBe(BigInt(low) - 1n);
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    await sealer().seal();
    const seals = await stack.query<{ seq: string; kind: string }>(
      'SELECT s.seq::text AS seq, s.kind FROM audit_seals s ORDER BY s.seq',
    );
    expect(seals.map((s) => s.seq)).toEqual(seals.map((_, i) => String(i + 1)));
    expect(seals.every((s) => s.kind === 'event')).toBe(true);
    expect(await count('SELECT count(*)::int AS n FROM audit_events')).toBe(seals.length);
  });

  it('never seals as a gap the number of the newest writer on the server while it is in flight', async () => {
    await sealer().seal();
    const newest = new Client({ connectionString: stack.database.url });
    await newest.connect();
    try {
      await newest.query('BEGIN');
      // Its id is the newest: no transaction that began after it has ended, so a snapshot's list
      // of running ids (which stops at the snapshot's xmax) does not name it.
      const [{ seq }] = (
        await newest.query<{ seq: string }>(
          `INSERT INTO audit_events (action, outcome) VALUES ('test.newest', 'success') RETURNING seq::text`,
        )
      ).rows;
      for (let run = 0; run < 3; run++) await sealer().seal();
      const [sealed] = await stack.query<{ kind: string }>(
        'SELECT kind FROM audit_seals WHERE seq = $1',
        [seq],
      );
      expect(sealed).toBeUndefined();
      await newest.query('COMMIT');
      await sealer().seal();
      const [after] = await stack.query<{ kind: string }>(
        'SELECT kind FROM audit_seals WHERE seq = $1',
        [seq],
      );
      expect(after).toEqual({ kind: 'event' });
    } finally {
      await newest.end();
    }
  });

  it('keeps extending the chain run after run, past numbers of more digits (9 to 10, 99 to 100)', async () => {
    for (let run = 0; run < 110; run++) {
      await stack.query(
        `INSERT INTO audit_events (action, outcome) VALUES ('test.run', 'success')`,
      );
      const head = await sealer().seal();
      const [{ last }] = await stack.query<{ last: string }>(
        'SELECT max(seq)::text AS last FROM audit_events',
      );
      expect(head).toEqual(expect.objectContaining({ headSeq: last, added: 1 }));
    }
  });

  it('seals a number whose transaction rolled back as a gap, and two sealers never seal twice', async () => {
    const client = new Client({ connectionString: stack.database.url });
    await client.connect();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO audit_events (action, outcome) VALUES ('test.rolled-back', 'success')`,
    );
    await client.query('ROLLBACK');
    await client.end();
    await writeEvents(1);
    const before = await count('SELECT count(*)::int AS n FROM audit_seals');
    const heads = await Promise.all([sealer().seal(), sealer().seal(), sealer().seal()]);
    // Concurrent sealers neither fail nor double up: together they added each seal once.
    const sealed = await count('SELECT count(*)::int AS n FROM audit_seals');
    expect(heads.reduce((sum, h) => sum + (h?.added ?? 0), 0)).toBe(sealed - before);
    // A hole becomes a gap only once every transaction running on the server when its number was
    // handed out has ended; other databases of a shared server (parallel suites) may delay that.
    const gaps = `SELECT count(*)::int AS n FROM audit_seals WHERE kind = 'gap'`;
    await eventually(async () => ((await sealer().seal(), await count(gaps)) ? true : undefined));
    const after = await count('SELECT count(*)::int AS n FROM audit_seals');
    expect(after).toBeGreaterThan(before);
    expect(await count(gaps)).toBe(1);
    expect(after).toBe(
      Number(
        (await stack.query<{ m: string }>('SELECT max(seq)::text AS m FROM audit_events'))[0].m,
      ),
    );
  });

  describe('tampering', () => {
    let seals: { seq: string; kind: string }[];
    beforeAll(async () => {
      worker = await createTestWorker(stack.config);
      await worker.init();
      await sealedByWorker();
      await worker.close();
      worker = undefined;
      seals = await stack.query(
        'SELECT s.seq::text AS seq, s.kind FROM audit_seals s ORDER BY s.seq',
      );
    });

    it('detects the newest events deleted together with their seals', async () => {
      const tail = seals.slice(-2).map((s) => s.seq);
      const events = await stack.query<{ row: object }>(
        'SELECT row_to_json(e) AS row FROM audit_events e WHERE seq = ANY($1::bigint[])',
        [tail],
      );
      const sealRows = await stack.query<{ row: object }>(
        'SELECT row_to_json(s) AS row FROM audit_seals s WHERE seq = ANY($1::bigint[])',
        [tail],
      );
      await tamper('DELETE FROM audit_events WHERE seq = ANY($1::bigint[])', [tail]);
      await tamper('DELETE FROM audit_seals WHERE seq = ANY($1::bigint[])', [tail]);
      try {
        const run = await runAuditVerify();
        expect(run.stdout).toMatch(/checkpoint-\d+\.json: signed head \d+ is beyond the last seal/);
        expect(run.code).toBe(1);
      } finally {
        await tamper(
          `INSERT INTO audit_events SELECT * FROM json_populate_recordset(NULL::audit_events, $1::json)`,
          [JSON.stringify(events.map((e) => e.row))],
        );
        await tamper(
          `INSERT INTO audit_seals SELECT * FROM json_populate_recordset(NULL::audit_seals, $1::json)`,
          [JSON.stringify(sealRows.map((s) => s.row))],
        );
      }
      expect((await runAuditVerify()).code).toBe(0);
    }, 60000);

    it('detects an event rewritten with the chain recomputed after it through SQL', async () => {
      const target = seals[1].seq;
      const before = await stack.query<{ row: object }>(
        'SELECT row_to_json(s) AS row FROM audit_seals s WHERE seq >= $1',
        [target],
      );
      const [{ outcome }] = await stack.query<{ outcome: string }>(
        'SELECT outcome FROM audit_events WHERE seq = $1',
        [target],
      );
      // The forger rewrites the event and re-seals everything after it with SHA-256 in SQL.
      await tamper(`UPDATE audit_events SET outcome = 'denied' WHERE seq = $1`, [target]);
      await tamper(
        `UPDATE audit_seals SET hash = encode(digest(hash || 'x', 'sha256'), 'hex') WHERE seq >= $1`,
        [target],
      );
      try {
        const run = await runAuditVerify();
        expect(run.stdout.split('\n')[0]).toBe(`event ${target}: content altered`);
        expect(run.stdout).toMatch(/the history was rewritten/);
        expect(run.code).toBe(1);
      } finally {
        await tamper('UPDATE audit_events SET outcome = $2 WHERE seq = $1', [target, outcome]);
        await tamper('DELETE FROM audit_seals WHERE seq >= $1', [target]);
        await tamper(
          `INSERT INTO audit_seals SELECT * FROM json_populate_recordset(NULL::audit_seals, $1::json)`,
          [JSON.stringify(before.map((s) => s.row))],
        );
      }
    }, 60000);

    it('detects a gap: an event and its seal deleted from the middle', async () => {
      const target = seals[2].seq;
      const [{ row: event }] = await stack.query<{ row: object }>(
        'SELECT row_to_json(e) AS row FROM audit_events e WHERE seq = $1',
        [target],
      );
      const [{ row: seal }] = await stack.query<{ row: object }>(
        'SELECT row_to_json(s) AS row FROM audit_seals s WHERE seq = $1',
        [target],
      );
      await tamper('DELETE FROM audit_events WHERE seq = $1', [target]);
      await tamper('DELETE FROM audit_seals WHERE seq = $1', [target]);
      try {
        const run = await runAuditVerify();
        expect(run.stdout.split('\n')[0]).toBe(
          `event ${target}: seal missing: the chain has a hole`,
        );
        expect(run.code).toBe(1);
      } finally {
        await tamper(
          'INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, $1::json)',
          [event],
        );
        await tamper(
          'INSERT INTO audit_seals SELECT * FROM json_populate_record(NULL::audit_seals, $1::json)',
          [seal],
        );
      }
      expect((await runAuditVerify()).code).toBe(0);
    }, 60000);

    it('detects a forged checkpoint file (signed with another key)', async () => {
      const files = readdirSync(checkpointDir)
        .filter((f) => f.endsWith('.json'))
        .sort();
      const newest = join(checkpointDir, files[files.length - 1]);
      const original = readFileSync(newest, 'utf8');
      const forged = { ...JSON.parse(original), events: 1 };
      writeFileSync(newest, JSON.stringify(forged));
      try {
        const run = await runAuditVerify();
        expect(run.stdout.split('\n')[0]).toBe(
          `${files[files.length - 1]}: checkpoint signature invalid (forged or damaged)`,
        );
        expect(run.code).toBe(1);
      } finally {
        writeFileSync(newest, original);
      }
    }, 60000);
  });

  it('lists an event with hash null until it is sealed, then with its seal', async () => {
    const auditor = await createUser(stack, [{ role: 'system_admin' }]);
    const token = (await signIn(api, auditor.email)).accessToken;
    const list = () =>
      request(api.getHttpServer())
        .get('/api/v1/audit-events')
        .query({ actorId: auditor.id, action: 'auth.login' })
        .set('Authorization', `Bearer ${token}`);
    const before = await list();
    expect(before.status).toBe(200);
    expect(before.body.items.length).toBeGreaterThan(0);
    for (const item of before.body.items) expect(item.hash).toBeNull();
    await sealer().seal();
    const after = await list();
    for (const item of after.body.items) expect(item.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
