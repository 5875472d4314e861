import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AuditSealer } from '@amparo/audit';
import { TEST_ADMIN_DATABASE_URL, uniqueName } from '@amparo/testing';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, DatabaseError } from 'pg';
import request from 'supertest';
import { eventually } from './utils/eventually';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

const { privateKey } = generateKeyPairSync('ed25519');
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** Runs SQL against the cluster as the test superuser (roles are cluster-wide). */
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
 * The API and the worker connect as a login role granted `amparo_app` (as production does, see
 * the README): the migrations' grants must be enough for the app's work, and must not let it
 * rewrite the audit log or the schema. The login role is this file's own, so no shared role is
 * given a password.
 */
describe('Database roles: the app runs as amparo_app, which owns nothing and only adds to the audit log', () => {
  const login = uniqueName('amparo_app_login');
  const password = randomBytes(18).toString('base64url');
  let stack: TestStack;
  let app: Client;
  let checkpointDir: string;
  const asApp = (url: string) => {
    const u = new URL(url);
    u.username = login;
    u.password = password;
    return u.toString();
  };

  beforeAll(async () => {
    await asSuperuser(`CREATE ROLE ${login} LOGIN PASSWORD '${password}'`);
    await asSuperuser(`GRANT amparo_app TO ${login}`);
    checkpointDir = mkdtempSync(join(tmpdir(), 'amparo-checkpoints-'));
    stack = await createTestStack(
      {
        AUDIT_SIGNING_KEY: PRIVATE_PEM,
        AUDIT_CHECKPOINT_DIR: checkpointDir,
        AUDIT_SEAL_INTERVAL_MS: '200',
      },
      { routeDatabaseUrl: asApp },
    );
    app = new Client({ connectionString: asApp(stack.database.url) });
    await app.connect();
  });

  afterAll(async () => {
    await app?.end();
    await stack?.teardown();
    await asSuperuser(`DROP ROLE IF EXISTS ${login}`);
    rmSync(checkpointDir, { recursive: true, force: true });
  });

  /** The PostgreSQL error code a statement fails with as the app, or 'ok'. */
  async function outcome(sql: string): Promise<string> {
    await app.query('SAVEPOINT probe');
    try {
      await app.query(sql);
      return 'ok';
    } catch (error) {
      return (error as DatabaseError).code ?? String(error);
    } finally {
      await app.query('ROLLBACK TO SAVEPOINT probe');
    }
  }

  describe('what the role may not do', () => {
    beforeEach(() => app.query('BEGIN'));
    afterEach(() => app.query('ROLLBACK'));

    it('is not a superuser and owns no table, view, sequence or function of the schema', async () => {
      const [me] = (
        await app.query<{ super: boolean; createrole: boolean; bypassrls: boolean }>(
          `SELECT rolsuper AS super, rolcreaterole AS createrole, rolbypassrls AS bypassrls
             FROM pg_roles WHERE rolname = current_user`,
        )
      ).rows;
      expect(me).toEqual({ super: false, createrole: false, bypassrls: false });
      const owned = await app.query(
        `SELECT c.relname FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND pg_has_role(c.relowner, 'USAGE')
         UNION ALL
         SELECT p.proname FROM pg_proc p
          WHERE p.pronamespace = 'public'::regnamespace AND pg_has_role(p.proowner, 'USAGE')`,
      );
      expect(owned.rows).toEqual([]);
      const [db] = (
        await app.query<{ owner: boolean }>(
          `SELECT pg_has_role(datdba, 'USAGE') AS owner FROM pg_database
            WHERE datname = current_database()`,
        )
      ).rows;
      expect(db.owner).toBe(false);
    });

    it('cannot update, delete or truncate audit events or seals', async () => {
      for (const table of ['audit_events', 'audit_seals']) {
        expect(await outcome(`UPDATE ${table} SET seq = seq WHERE false`)).toBe('42501');
        expect(await outcome(`DELETE FROM ${table} WHERE false`)).toBe('42501');
        expect(await outcome(`TRUNCATE ${table}`)).toBe('42501');
      }
    });

    it('cannot turn the triggers off, alter or drop any table, or create one', async () => {
      expect(await outcome('ALTER TABLE audit_events DISABLE TRIGGER USER')).toBe('42501');
      expect(await outcome('ALTER TABLE audit_seals DISABLE TRIGGER USER')).toBe('42501');
      // The other way to skip triggers (replica mode) is for superusers only.
      expect(await outcome('SET session_replication_role = replica')).toBe('42501');
      const tables = (
        await app.query<{ name: string }>(
          `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
        )
      ).rows.map((r) => r.name);
      expect(tables).toEqual(expect.arrayContaining(['audit_events', 'audit_seals', 'cases']));
      for (const table of tables) {
        expect([table, await outcome(`ALTER TABLE ${table} ADD COLUMN x int`)]).toEqual([
          table,
          '42501',
        ]);
        expect([table, await outcome(`DROP TABLE ${table} CASCADE`)]).toEqual([table, '42501']);
      }
      expect(await outcome('CREATE TABLE scratch (x int)')).toBe('42501');
      expect(await outcome('DROP TRIGGER tr_audit_events_number ON audit_events')).toBe('42501');
    });

    it('cannot rewrite the migrations history', async () => {
      expect(await outcome(`DELETE FROM schema_migrations`)).toBe('42501');
    });
  });

  describe("the app's work, booted as that role", () => {
    let api: NestExpressApplication;
    let worker: INestApplicationContext | undefined;
    const http = () => request(api.getHttpServer());

    beforeAll(async () => {
      api = await createTestApi(stack.config);
    });

    afterAll(async () => {
      await worker?.close();
      await api?.close();
    });

    it('connects as the login role, not as the superuser the test database belongs to', async () => {
      expect(stack.config.database).toEqual(
        expect.objectContaining({ url: expect.stringContaining(`//${login}:`) }),
      );
    });

    it('may read and write every table of the schema (tables of later migrations too)', async () => {
      const missing = await app.query(
        `SELECT c.relname FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
            AND c.relname <> 'schema_migrations'
            AND NOT (has_table_privilege(c.oid, 'SELECT, INSERT')
                 AND (c.relname IN ('audit_events', 'audit_seals')
                      OR has_table_privilege(c.oid, 'UPDATE, DELETE')))`,
      );
      expect(missing.rows).toEqual([]);
    });

    it('adds and reads audit events directly', async () => {
      const inserted = await app.query<{ seq: string }>(
        `INSERT INTO audit_events (action, outcome) VALUES ('test.roles', 'success') RETURNING seq::text`,
      );
      const read = await app.query(`SELECT action FROM audit_events WHERE seq = $1`, [
        inserted.rows[0].seq,
      ]);
      expect(read.rows).toEqual([{ action: 'test.roles' }]);
    });

    // Under the login role the row-level policies bind (the superuser of other specs bypasses
    // them): a query that ran outside the wall's transaction would find no row here.
    it('finds the case through every case route: lists, search, actions, history, persons', async () => {
      const post = await createConsulate(stack, 'GT', 'MIA');
      const officer = await createUser(stack, [{ role: 'officer', consulateId: post }]);
      const supervisor = await createUser(stack, [{ role: 'supervisor', countryCode: 'GT' }]);
      const as = async (email: string) => ({
        Authorization: `Bearer ${(await signIn(api, email)).accessToken}`,
      });
      const asOfficer = await as(officer.email);
      const asSupervisor = await as(supervisor.email);
      const created = await http()
        .post('/api/v1/cases')
        .set(asOfficer)
        .send({
          consulateId: post,
          primaryCategory: 'labour_rights',
          summary: 'Unpaid wages; asks for legal guidance.',
          persons: [
            {
              role: 'primary',
              person: {
                givenNames: 'Marta Elena',
                familyNames: 'Quiñónez Ajú',
                dateOfBirth: '1988-09-30',
                sex: 'female',
                nationalityCode: 'GT',
              },
            },
          ],
        });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const action = await http()
        .post(`/api/v1/cases/${id}/actions`)
        .set(asOfficer)
        .send({
          type: 'legal_orientation',
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
        });
      expect(action.status).toBe(201);
      const moved = await http()
        .post(`/api/v1/cases/${id}/transitions`)
        .set(asOfficer)
        .set('If-Match', created.headers.etag)
        .send({ to: 'in_progress' });
      expect(moved.status).toBe(200);

      for (const auth of [asOfficer, asSupervisor]) {
        const list = await http().get('/api/v1/cases').set(auth);
        expect(list.status).toBe(200);
        expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
        const found = await http().get('/api/v1/persons').query({ q: 'Marta Quiñónez' }).set(auth);
        expect(found.status).toBe(200);
        expect(found.body.items).toHaveLength(1);
        const one = await http().get(`/api/v1/cases/${id}`).set(auth);
        expect(one.status).toBe(200);
        expect(one.body.persons).toHaveLength(1);
        const actions = await http().get(`/api/v1/cases/${id}/actions`).set(auth);
        expect(actions.status).toBe(200);
        expect(actions.body.items).toHaveLength(1);
        const history = await http().get(`/api/v1/cases/${id}/history`).set(auth);
        expect(history.status).toBe(200);
        expect(history.body.items.length).toBeGreaterThan(0);
      }
    });

    // The receiving consul may not see the case until it is accepted: acceptance reaches the
    // sending post's case through a widened wall, which only a login role bound by the policies
    // can show to work (and to stay narrow: the case is theirs afterwards, not the sender's).
    it('transfers a case between posts: proposed, seen by the receiving consul, accepted', async () => {
      const sending = await createConsulate(stack, 'GT', 'TRS');
      const receiving = await createConsulate(stack, 'GT', 'TRR');
      const officer = await createUser(stack, [{ role: 'officer', consulateId: sending }]);
      const consul = await createUser(stack, [{ role: 'consul', consulateId: receiving }]);
      const as = async (email: string) => ({
        Authorization: `Bearer ${(await signIn(api, email)).accessToken}`,
      });
      const asOfficer = await as(officer.email);
      const asConsul = await as(consul.email);
      const created = await http()
        .post('/api/v1/cases')
        .set(asOfficer)
        .send({
          consulateId: sending,
          primaryCategory: 'asylum',
          persons: [
            {
              role: 'primary',
              person: {
                givenNames: 'Ana',
                familyNames: 'Traslado',
                sex: 'female',
                nationalityCode: 'GT',
              },
            },
          ],
        });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const action = await http()
        .post(`/api/v1/cases/${id}/actions`)
        .set(asOfficer)
        .send({ type: 'interview', occurredAt: new Date(Date.now() - 60_000).toISOString() });
      expect(action.status).toBe(201);
      const proposed = await http()
        .post(`/api/v1/cases/${id}/transfers`)
        .set(asOfficer)
        .send({ toConsulateId: receiving, reason: 'The person now lives near the other post' });
      expect(proposed.status).toBe(201);

      expect((await http().get(`/api/v1/cases/${id}`).set(asConsul)).status).toBe(404);
      const incoming = await http()
        .get('/api/v1/transfers')
        .query({ direction: 'incoming', status: 'pending' })
        .set(asConsul);
      expect(incoming.status).toBe(200);
      expect(incoming.body.items).toEqual([
        expect.objectContaining({
          id: proposed.body.id,
          case: expect.objectContaining({ primaryCategory: 'asylum', restricted: true }),
        }),
      ]);
      const accepted = await http()
        .post(`/api/v1/transfers/${proposed.body.id}/accept`)
        .set(asConsul)
        .send({});
      expect(accepted.status).toBe(200);
      expect(accepted.body.newReference).toMatch(/^GT-TRR-\d{4}-000001$/);

      const read = await http().get(`/api/v1/cases/${id}`).set(asConsul);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(
        expect.objectContaining({ consulateId: receiving, assignedOfficerId: null }),
      );
      const actions = await http().get(`/api/v1/cases/${id}/actions`).set(asConsul);
      expect(actions.body.items).toHaveLength(1);
      const found = await http()
        .get('/api/v1/cases')
        .query({ reference: created.body.reference })
        .set(asConsul);
      expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
      expect((await http().get(`/api/v1/cases/${id}`).set(asOfficer)).status).toBe(404);
      const sent = await http().get(`/api/v1/transfers/${proposed.body.id}`).set(asOfficer);
      expect(sent.body.status).toBe('accepted');
    });

    it('signs in, registers and reads a case, requests an export the worker completes, and seals the log', async () => {
      const post = await createConsulate(stack, 'MX', 'LAX');
      const officer = await createUser(stack, [{ role: 'officer', consulateId: post }]);
      const supervisor = await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]);
      const admin = await createUser(stack, [{ role: 'admin', countryCode: 'MX' }]);
      const asOfficer = {
        Authorization: `Bearer ${(await signIn(api, officer.email)).accessToken}`,
      };
      const asSupervisor = {
        Authorization: `Bearer ${(await signIn(api, supervisor.email)).accessToken}`,
      };

      const created = await http()
        .post('/api/v1/cases')
        .set(asOfficer)
        .send({
          consulateId: post,
          primaryCategory: 'immigration_detention',
          vulnerabilityFlags: ['detained'],
          summary: 'Detained at a processing centre; requests consular visit.',
          persons: [
            {
              role: 'primary',
              person: {
                givenNames: 'José',
                familyNames: 'Hernández López',
                dateOfBirth: '1990-04-12',
                sex: 'male',
                nationalityCode: 'MX',
                documents: [{ type: 'passport', number: 'G1234567', issuingCountryCode: 'MX' }],
              },
            },
          ],
        });
      expect(created.status).toBe(201);
      const read = await http().get(`/api/v1/cases/${created.body.id}`).set(asOfficer);
      expect(read.status).toBe(200);
      const moved = await http()
        .post(`/api/v1/cases/${created.body.id}/transitions`)
        .set(asOfficer)
        .set('If-Match', read.headers.etag)
        .send({ to: 'in_progress' });
      expect(moved.status).toBe(200);

      worker = await createTestWorker(stack.config);
      await worker.init();
      const exported = await http()
        .post('/api/v1/exports')
        .set(asSupervisor)
        .send({
          kind: 'statistics',
          measures: ['cases_opened'],
          dimensions: ['category'],
          period: 'year',
          from: '2025-01-01',
          to: '2025-12-31',
          format: 'json',
        });
      expect(exported.status).toBe(202);
      const done = await eventually(async () => {
        const res = await http().get(exported.headers.location).set(asSupervisor);
        if (res.body.status === 'failed') throw new Error(JSON.stringify(res.body));
        return res.body.status === 'completed' ? res.body : undefined;
      });
      expect(done.status).toBe('completed');

      // The worker's schedule seals everything and writes a checkpoint of the head.
      await eventually(async () => {
        const [row] = (
          await app.query<{ unsealed: number; head: string | null }>(
            `SELECT (SELECT count(*)::int FROM audit_events e
                      WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.seq = e.seq)) AS unsealed,
                    (SELECT max(seq)::text FROM audit_seals) AS head`,
          )
        ).rows;
        const file = `checkpoint-${(row.head ?? '').padStart(20, '0')}.json`;
        return row.unsealed === 0 && readdirSync(checkpointDir).includes(file) ? true : undefined;
      });
      // And the API's own sealer (same grants) runs without error, once the worker's schedule is
      // not sealing at the same moment (a sealer that finds the lock taken returns null).
      const head = await eventually(async () => (await api.get(AuditSealer).seal()) ?? undefined);
      expect(head).toEqual(expect.objectContaining({ added: 0 }));

      const asAuditor = { Authorization: `Bearer ${(await signIn(api, admin.email)).accessToken}` };
      const events = await http()
        .get('/api/v1/audit-events')
        .query({ resourceId: created.body.id })
        .set(asAuditor);
      expect(events.status).toBe(200);
      expect(events.body.items.length).toBeGreaterThan(0);
    }, 60_000);
  });
});
