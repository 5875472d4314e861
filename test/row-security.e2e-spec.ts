import { NestExpressApplication } from '@nestjs/platform-express';
import { RowScope, updateReturning, withinRowScope } from '@amparo/database';
import { Socket } from 'node:net';
import request from 'supertest';
import { DataSource, EntityManager } from 'typeorm';
import { detentionCaseBody } from './utils/case-bodies';
import { createConsulate, createUser, signIn } from './utils/identity';
import { statementsSentDuring } from './utils/sent-statements';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

/** Per table whose rows belong to a case or a person, the SQL that names each row's post (through its case). */
const POST_OF: Record<string, string> = {
  cases: 'SELECT consulate_id AS post FROM cases',
  case_persons:
    'SELECT c.consulate_id AS post FROM case_persons x JOIN cases c ON c.id = x.case_id',
  consular_actions:
    'SELECT c.consulate_id AS post FROM consular_actions x JOIN cases c ON c.id = x.case_id',
  case_history:
    'SELECT c.consulate_id AS post FROM case_history x JOIN cases c ON c.id = x.case_id',
  case_access_requests:
    'SELECT c.consulate_id AS post FROM case_access_requests x JOIN cases c ON c.id = x.case_id',
  persons: `SELECT c.consulate_id AS post FROM persons x
              JOIN case_persons cp ON cp.person_id = x.id JOIN cases c ON c.id = cp.case_id`,
  person_documents: `SELECT c.consulate_id AS post FROM person_documents x
              JOIN case_persons cp ON cp.person_id = x.person_id JOIN cases c ON c.id = cp.case_id`,
  case_references:
    'SELECT c.consulate_id AS post FROM case_references x JOIN cases c ON c.id = x.case_id',
  case_consents:
    'SELECT c.consulate_id AS post FROM case_consents x JOIN cases c ON c.id = x.case_id',
  consent_overrides:
    'SELECT c.consulate_id AS post FROM consent_overrides x JOIN cases c ON c.id = x.case_id',
  organisation_referrals:
    'SELECT c.consulate_id AS post FROM organisation_referrals x JOIN cases c ON c.id = x.case_id',
  case_detentions:
    'SELECT c.consulate_id AS post FROM case_detentions x JOIN cases c ON c.id = x.case_id',
  best_interest_assessments:
    'SELECT c.consulate_id AS post FROM best_interest_assessments x JOIN cases c ON c.id = x.case_id',
};
const CASE_TABLES = Object.keys(POST_OF).sort();

/** Tables of a crisis event's roster (migrations 0025, 0026): each row names its event. */
const CRISIS_TABLES = [
  'crisis_roster_entries',
  'crisis_welfare_changes',
  'crisis_enquiries',
  'crisis_movements',
  'crisis_movement_passengers',
  'crisis_imports',
  'crisis_import_rows',
];

/**
 * Every table that holds a case or a person, each behind its own policy (migrations 0013, 0019 to
 * 0023, 0027 to 0029):
 * those above, and transfers and assistance requests (with their reports), which both sides see
 * (tested on their own: case-transfers and assistance-requests specs), and return movements with
 * their rows, the organising post's and its country's (tested in the returns spec).
 */
const WALLED_TABLES = [
  ...CASE_TABLES,
  'case_transfers',
  'assistance_requests',
  'assistance_reports',
  ...CRISIS_TABLES,
  'return_movements',
  'return_movement_escorts',
  'return_movement_cases',
  'return_handovers',
].sort();

/**
 * The second wall: with the application's scope filter left out, as a forgotten one would be, the
 * database itself keeps a caller's transaction to the caller's posts and countries.
 */
describe('Row-level security: a query that forgets the scope filter still sees only the scope', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let dataSource: DataSource;
  let postA: string;
  let postB: string;
  let postCO: string;
  let postC: string;
  const caseOf: Record<string, string> = {};
  const eventOf: Record<string, string> = {};
  const transferOf: Record<string, string> = {};

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    dataSource = app.get(DataSource);
    postA = await createConsulate(stack, 'MX');
    postB = await createConsulate(stack, 'MX');
    postCO = await createConsulate(stack, 'CO');
    postC = await createConsulate(stack, 'MX');
    const postCO2 = await createConsulate(stack, 'CO');
    for (const [name, post, country] of [
      ['A', postA, 'MX'],
      ['B', postB, 'MX'],
      ['CO', postCO, 'CO'],
    ] as const) {
      const officer = await createUser(stack, [{ role: 'officer', consulateId: post }]);
      const token = (await signIn(app, officer.email)).accessToken;
      const http = () => request(app.getHttpServer());
      const created = await http()
        .post('/api/v1/cases')
        .set('Authorization', `Bearer ${token}`)
        .send(
          detentionCaseBody(post, name, country, { familyNames: 'Wall', documentPrefix: 'RLS' }),
        );
      expect(created.status).toBe(201);
      caseOf[name] = created.body.id;
      const action = await http()
        .post(`/api/v1/cases/${created.body.id}/actions`)
        .set('Authorization', `Bearer ${token}`)
        .send({ type: 'interview', occurredAt: new Date(Date.now() - 60_000).toISOString() });
      expect(action.status).toBe(201);
      // An arrest notification writes the primary person's detention record.
      const notified = await http()
        .post(`/api/v1/cases/${created.body.id}/actions`)
        .set('Authorization', `Bearer ${token}`)
        .send({
          type: 'arrest_notification_received',
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
          arrestedAt: new Date(Date.now() - 3_600_000).toISOString(),
          notifiedAt: new Date(Date.now() - 60_000).toISOString(),
        });
      expect(notified.status).toBe(201);
      const moved = await http()
        .post(`/api/v1/cases/${created.body.id}/transitions`)
        .set('Authorization', `Bearer ${token}`)
        .set('If-Match', created.headers.etag)
        .send({ to: 'in_progress' });
      expect(moved.status).toBe(200);
    }
    // A break-the-glass row per case, written directly: the table must be walled as well.
    for (const id of Object.values(caseOf))
      await stack.query(
        `INSERT INTO case_access_requests (case_id, user_id, reason, expires_at)
         SELECT $1, created_by, 'A reason long enough for the check', now() + interval '1 hour'
           FROM cases WHERE id = $1`,
        [id],
      );
    // A consul's consent override and a referral per case (the API writes these only while
    // disclosing, under the consent check), written directly: the tables must be walled as well.
    const [{ id: organisationId }] = await stack.query<{ id: string }>(
      `INSERT INTO organisations (name, type) VALUES ('Wall shelter', 'civil_society') RETURNING id`,
    );
    for (const id of Object.values(caseOf)) {
      // A best-interest assessment per case (migration 0029).
      await stack.query(
        `INSERT INTO best_interest_assessments (case_id, person_id, assessed_by, assessed_at, findings,
                                                recommended_solution, recorded_by)
         SELECT id, primary_person_id, created_by, now(), 'Findings', 'other', created_by
           FROM cases WHERE id = $1`,
        [id],
      );
      await stack.query(
        `INSERT INTO consent_overrides (case_id, purpose, fields, person_ids, target, reason, overridden_by)
         SELECT $1, 'disclosure_to_organisations', '{names}', ARRAY[primary_person_id], 'organisation:x',
                'A reason long enough for the check', created_by
           FROM cases WHERE id = $1`,
        [id],
      );
      await stack.query(
        `INSERT INTO organisation_referrals (case_id, case_reference, consulate_id, country_code, organisation_id,
                                             organisation_name, services, need, fields, person_ids, payload, consent_ids, created_by)
         SELECT id, reference, consulate_id, country_code, $2, 'Wall shelter', '{shelter}', 'A need long enough',
                '{names}', ARRAY[primary_person_id], '{}', ARRAY[gen_random_uuid()], created_by
           FROM cases WHERE id = $1`,
        [id, organisationId],
      );
    }
    // A decided transfer per case (A to B, B to C, CO to another CO post), and the reference each
    // case had before it, written directly: both tables must be walled as well.
    for (const [name, to] of [
      ['A', postB],
      ['B', postC],
      ['CO', postCO2],
    ] as const) {
      const [{ id }] = await stack.query<{ id: string }>(
        `INSERT INTO case_transfers (case_id, country_code, from_consulate_id, to_consulate_id, case_reference,
                                     status, reason, proposed_by, decided_by, decided_at, case_summary)
         SELECT id, country_code, consulate_id, $2, reference, 'cancelled', 'A reason long enough',
                created_by, created_by, now(), '{}'
           FROM cases WHERE id = $1 RETURNING id`,
        [caseOf[name], to],
      );
      transferOf[name] = id;
      await stack.query(
        `INSERT INTO case_references (reference, case_id, consulate_id, used_until, transfer_id)
         SELECT 'OLD-' || reference, id, consulate_id, now(), $2 FROM cases WHERE id = $1`,
        [caseOf[name], id],
      );
    }
  });

  // A crisis event per country (post A responding in MX; the CO post in CO), each with a person on
  // its roster, the first welfare change, an enquiry, a movement and its passenger, written directly.
  beforeAll(async () => {
    const [{ id: userId }] = await stack.query<{ id: string }>('SELECT id FROM users LIMIT 1');
    for (const [name, post, country] of [
      ['MX', postA, 'MX'],
      ['CO', postCO, 'CO'],
    ] as const) {
      const [{ id: event }] = await stack.query<{ id: string }>(
        `INSERT INTO crisis_events (country_code, name, type, host_country_code, consulate_ids, started_at, declared_by)
         VALUES ($1, $2, 'earthquake', 'US', ARRAY[$3::uuid], now(), $4) RETURNING id`,
        [country, `Quake ${name}`, post, userId],
      );
      eventOf[name] = event;
      const [{ id: entry }] = await stack.query<{ id: string }>(
        `INSERT INTO crisis_roster_entries (event_id, given_names, welfare_changed_by, source, recorded_by)
         VALUES ($1, 'Wall', $2, 'rapid_intake', $2) RETURNING id`,
        [event, userId],
      );
      await stack.query(
        `INSERT INTO crisis_welfare_changes (event_id, entry_id, status, changed_by) VALUES ($1, $2, 'unaccounted', $3)`,
        [event, entry, userId],
      );
      await stack.query(
        `INSERT INTO crisis_enquiries (event_id, relative_name, relative_contact, sought_given_names, recorded_by)
         VALUES ($1, 'Relative', '555', 'Wall', $2)`,
        [event, userId],
      );
      const [{ id: movement }] = await stack.query<{ id: string }>(
        `INSERT INTO crisis_movements (event_id, mode, label, departs_at, origin, destination, created_by)
         VALUES ($1, 'bus', 'Bus 1', now(), 'A', 'B', $2) RETURNING id`,
        [event, userId],
      );
      await stack.query(
        `INSERT INTO crisis_movement_passengers (movement_id, entry_id, event_id, added_by) VALUES ($1, $2, $3, $4)`,
        [movement, entry, event, userId],
      );
      const [{ id: imported }] = await stack.query<{ id: string }>(
        `INSERT INTO crisis_imports (event_id, file_name, sha256, format, byte_size, columns, total_rows,
                                     valid_rows, invalid_rows, duplicate_rows, created_by)
         VALUES ($1, 'list.csv', repeat('a', 64), 'csv', 10, '[]', 1, 1, 0, 0, $2) RETURNING id`,
        [event, userId],
      );
      await stack.query(
        `INSERT INTO crisis_import_rows (import_id, seq, event_id, row_number, status, given_names, welfare_status, dedupe_key)
         VALUES ($1, 1, $2, 2, 'valid', 'Wall', 'unaccounted', 'k')`,
        [imported, event],
      );
    }
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const within = <T>(scope: RowScope, work: (m: EntityManager) => Promise<T>) =>
    withinRowScope(dataSource, scope, work);
  const postsSeen = async (scope: RowScope, table: string) =>
    new Set(
      (await within(scope, (m) => m.query<{ post: string }[]>(POST_OF[table]))).map((r) => r.post),
    );

  it('puts exactly the case and person tables behind forced row-level security', async () => {
    const rows = await stack.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity AND c.relforcerowsecurity
        ORDER BY 1`,
    );
    expect(rows.map((r) => r.table).sort()).toEqual(WALLED_TABLES);
  });

  it('tells the planner that the functions handing ids to walled queries return a few', async () => {
    // PostgreSQL assumes a thousand rows of any set-returning function: expecting that many
    // candidates, the duplicate check built the set of every person the caller may read (every
    // case of the post under its policies) instead of asking of each candidate (migration 0036).
    const rows = await stack.query<{ name: string; estimate: number }>(
      `SELECT p.proname AS name, p.prorows::int AS estimate FROM pg_proc p
         JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proretset AND p.proname LIKE 'amparo\\_%\\_ids\\_%'
        ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual([
      'amparo_crisis_entry_ids_by_similar_name',
      'amparo_person_ids_by_name_words',
      'amparo_person_ids_by_similar_name',
    ]);
    for (const { estimate } of rows) expect(estimate).toBeLessThanOrEqual(20);
  });

  it.each(CASE_TABLES)(
    'shows an officer of one post only that post’s rows of %s',
    async (table) => {
      expect([...(await postsSeen({ consulates: [postA], countries: [] }, table))]).toEqual([
        postA,
      ]);
    },
  );

  it.each(CASE_TABLES)(
    'shows a supervisor of a country the rows of its posts in %s, and none of another country',
    async (table) => {
      const seen = await postsSeen({ consulates: [], countries: ['MX'] }, table);
      expect([...seen].sort()).toEqual([postA, postB].sort());
    },
  );

  it.each(CASE_TABLES)('shows the system scope every row of %s', async (table) => {
    const seen = await postsSeen('system', table);
    expect([...seen].sort()).toEqual([postA, postB, postCO].sort());
  });

  it.each(CASE_TABLES)('shows nothing of %s to an empty scope', async (table) => {
    expect((await postsSeen({ consulates: [], countries: [] }, table)).size).toBe(0);
  });

  it.each([
    ['an officer of the sending post', { consulates: [() => postA], countries: [] }, ['A']],
    [
      'an officer of a post both sending and receiving',
      { consulates: [() => postB], countries: [] },
      ['A', 'B'],
    ],
    ['an officer of the receiving post only', { consulates: [() => postC], countries: [] }, ['B']],
    ['a supervisor of the country', { consulates: [], countries: ['MX'] }, ['A', 'B']],
    ['a supervisor of another country', { consulates: [], countries: ['CO'] }, ['CO']],
    ['an empty scope', { consulates: [], countries: [] }, []],
  ] as const)(
    'shows %s the transfers from or to its posts, or of its countries',
    async (_who, { consulates, countries }, expected) => {
      const scope: RowScope = { consulates: consulates.map((post) => post()), countries };
      const seen = await within(scope, (m) =>
        m.query<{ id: string }[]>('SELECT id FROM case_transfers'),
      );
      expect(seen.map((r) => r.id).sort()).toEqual(expected.map((name) => transferOf[name]).sort());
    },
  );

  it.each(CRISIS_TABLES)(
    'shows the rows of %s to the staff of the event’s posts and the supervisors of its country only',
    async (table) => {
      const eventsSeen = async (scope: RowScope) =>
        (
          await within(scope, (m) =>
            m.query<{ event: string }[]>(`SELECT DISTINCT event_id AS event FROM ${table}`),
          )
        ).map((r) => r.event);
      expect(await eventsSeen({ consulates: [postA], countries: [] })).toEqual([eventOf.MX]);
      expect(await eventsSeen({ consulates: [postB], countries: [] })).toEqual([]);
      expect(await eventsSeen({ consulates: [], countries: ['MX'] })).toEqual([eventOf.MX]);
      expect(await eventsSeen({ consulates: [], countries: ['CO'] })).toEqual([eventOf.CO]);
      expect((await eventsSeen('system')).sort()).toEqual([eventOf.MX, eventOf.CO].sort());
      expect(await eventsSeen({ consulates: [], countries: [] })).toEqual([]);
    },
  );

  it('refuses a roster entry on an event of another post', async () => {
    const refused = await within({ consulates: [postB], countries: [] }, (m) =>
      m.query(
        `INSERT INTO crisis_roster_entries (event_id, given_names, welfare_changed_by, source, recorded_by)
         SELECT $1, 'Intruder', id, 'rapid_intake', id FROM users LIMIT 1`,
        [eventOf.MX],
      ),
    ).then(
      () => 'ok',
      (error: { driverError?: { code?: string } }) => error.driverError?.code,
    );
    expect(refused).toBe('42501');
  });

  describe('round trips (issue 20)', () => {
    const sentDuring = statementsSentDuring;
    const scope = () => ({ consulates: [postA], countries: [] });

    it('raises the wall in the round trip of the BEGIN, with the first statement of the work', async () => {
      const sent = await sentDuring(() =>
        withinRowScope(dataSource, scope(), (m) => m.query('SELECT count(*) FROM cases'), {
          readOnly: true,
        }),
      );
      expect(sent).toHaveLength(3);
      expect(sent[0]).toMatch(
        /^START TRANSACTION READ ONLY; SELECT set_config\('role', 'amparo_scoped', true\)/,
      );
      expect(sent.slice(1)).toEqual(['SELECT count(*) FROM cases', 'COMMIT']);
    });

    it('gives each round trip one socket write, however many statements it holds', async () => {
      // The driver writes each statement on its own: without the coalescing socket the BEGIN and
      // two statements took three system calls, and the COMMIT a fourth.
      const writes = jest.spyOn(Socket.prototype, '_write' as never);
      const batched = jest.spyOn(Socket.prototype, '_writev' as never);
      try {
        let connection: unknown;
        await withinRowScope(
          dataSource,
          scope(),
          async (m) => {
            await Promise.all([m.query('SELECT 1'), m.query('SELECT $1::int', [2])]);
            // The transaction's own socket: writes of any other connection are not its.
            connection = (
              m.queryRunner as unknown as { databaseConnection: { connection: object } }
            ).databaseConnection.connection;
          },
          { readOnly: true },
        );
        const socket = (connection as { stream: Socket }).stream;
        const toPostgres = [...writes.mock.contexts, ...batched.mock.contexts].filter(
          (written) => written === socket,
        );
        // The BEGIN with both statements, then the COMMIT.
        expect(toPostgres).toHaveLength(2);
      } finally {
        writes.mockRestore();
        batched.mockRestore();
      }
    });

    it('prepares a statement with parameters once per connection, under the wall', async () => {
      const text = 'SELECT count(*)::int AS n FROM cases WHERE consulate_id = $1';
      const [before, counted, again, after] = await withinRowScope(
        dataSource,
        scope(),
        async (m) => {
          const preparedNow = () =>
            m.query<{ n: number }[]>(
              'SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1',
              [text],
            );
          const [{ n: held }] = await preparedNow();
          const [{ n }] = await m.query<{ n: number }[]>(text, [postA]);
          const [{ n: second }] = await m.query<{ n: number }[]>(text, [postB]);
          const [{ n: heldAfter }] = await preparedNow();
          return [held, n, second, heldAfter];
        },
        { readOnly: true },
      );
      expect(before).toBe(0);
      expect(after).toBe(1);
      // The wall still decides what a prepared statement sees: none of another post's cases.
      expect(counted).toBeGreaterThan(0);
      expect(again).toBe(0);
    });

    it('raises further settings with the wall, and refuses a malformed one', async () => {
      let jit: unknown;
      const sent = await sentDuring(async () => {
        [{ jit }] = await withinRowScope(
          dataSource,
          scope(),
          (m) => m.query<{ jit: string }[]>(`SELECT current_setting('jit') AS jit`),
          { readOnly: true, settings: { jit: 'off' } },
        );
      });
      expect(jit).toBe('off');
      expect(sent).toHaveLength(3);
      expect(sent[0]).toContain(`set_config('jit', 'off', true)`);
      await expect(
        withinRowScope(dataSource, scope(), () => Promise.resolve(), {
          settings: { jit: "off', true), set_config('role', 'postgres" },
        }),
      ).rejects.toThrow(/Malformed setting/);
    });

    it('sends nothing for a transaction whose work sends nothing', async () => {
      const sent = await sentDuring(() =>
        withinRowScope(dataSource, scope(), () => Promise.resolve(true), { readOnly: true }),
      );
      expect(sent).toEqual([]);
    });

    it('reads a case and its persons through the API in one walled transaction', async () => {
      const officer = await createUser(stack, [{ role: 'officer', consulateId: postA }]);
      const token = (await signIn(app, officer.email)).accessToken;
      const readCase = () =>
        request(app.getHttpServer())
          .get(`/api/v1/cases/${caseOf.A}`)
          .set('Authorization', `Bearer ${token}`);
      // The first read reads the caller; the next take it from the API's cache.
      expect((await readCase()).status).toBe(200);
      let read: request.Response | undefined;
      const sent = await sentDuring(async () => {
        read = await readCase();
      });
      expect(read?.status).toBe(200);
      expect(read?.body.persons).toHaveLength(1);
      // The BEGIN with the check of the cached caller and the wall, the case, whether the caller
      // holds a break-the-glass grant on it, its persons (one round trip, pipelined); the COMMIT and
      // the audit event (another).
      expect(sent[0]).toMatch(
        /^START TRANSACTION READ ONLY; SELECT amparo_assert_current_caller\(/,
      );
      expect(sent.map((sql) => sql.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
        'START TRANSACTION',
        'SELECT c.id,',
        'SELECT 1',
        'SELECT cp.case_id',
        'COMMIT',
        'INSERT INTO',
      ]);
    });

    it('sends nothing more for work still running once its transaction has ended', async () => {
      const summaries = () =>
        stack.query<{ summary: string }[]>(`SELECT summary FROM cases WHERE consulate_id = $1`, [
          postA,
        ]);
      const before = await summaries();
      let late: Promise<unknown> | undefined;
      await expect(
        withinRowScope(dataSource, scope(), async (m) => {
          await m.query('SELECT 1');
          // Work that goes on after its transaction gave up (a sibling's failure ended it).
          late = new Promise((resolve) => setTimeout(resolve, 50)).then(() =>
            m.query(`UPDATE cases SET summary = summary || ' (late)' WHERE consulate_id = $1`, [
              postA,
            ]),
          );
          throw new Error('the work failed');
        }),
      ).rejects.toThrow('the work failed');
      await expect(late).rejects.toThrow(/transaction has ended|already released/);
      expect(await summaries()).toEqual(before);
    });

    it('still refuses writes in a read transaction, and rolls back a failed one', async () => {
      await expect(
        withinRowScope(
          dataSource,
          scope(),
          (m) => m.query(`UPDATE cases SET summary = summary WHERE consulate_id = $1`, [postA]),
          { readOnly: true },
        ),
      ).rejects.toThrow(/read-only transaction/);
      // The connection went back to the pool clean: a system-scope read sees every post again.
      expect((await postsSeen('system', 'cases')).size).toBeGreaterThan(1);
    });
  });

  it('shows nothing to the scoped role in a transaction that set no scope (fails closed)', async () => {
    const counts = await dataSource.transaction(async (m) => {
      await m.query('SET LOCAL ROLE amparo_scoped');
      return Promise.all(
        WALLED_TABLES.map(async (t) => (await m.query(`SELECT count(*)::int AS n FROM ${t}`))[0].n),
      );
    });
    expect(counts).toEqual(WALLED_TABLES.map(() => 0));
  });

  it('changes nothing of another post and refuses new rows there', async () => {
    const scope: RowScope = { consulates: [postA], countries: [] };
    const updated = await within(scope, (m) =>
      updateReturning(m, `UPDATE cases SET summary = 'overwritten' WHERE id = $1 RETURNING id`, [
        caseOf.B,
      ]),
    );
    expect(updated).toEqual([]);
    const persons = await within(scope, (m) =>
      updateReturning(
        m,
        `UPDATE persons SET phone = '000' WHERE id IN (SELECT primary_person_id FROM cases) RETURNING id`,
        [],
      ),
    );
    expect(persons).toHaveLength(1);
    const [{ summary }] = await stack.query<{ summary: string }>(
      'SELECT summary FROM cases WHERE id = $1',
      [caseOf.B],
    );
    expect(summary).toBe('Case of post B');
    const refused = (sql: string, params: unknown[]) =>
      within(scope, (m) => m.query(sql, params)).then(
        () => 'ok',
        (error: { driverError?: { code?: string } }) => error.driverError?.code,
      );
    // 42501: new row violates row-level security policy.
    expect(
      await refused(
        `INSERT INTO consular_actions (case_id, type, occurred_at, performed_by)
         SELECT id, 'interview', now(), created_by FROM cases WHERE id = $1`,
        [caseOf.B],
      ),
    ).toBe('ok'); // the SELECT finds no case B: nothing inserted
    expect(
      await refused(
        `INSERT INTO consular_actions (case_id, type, occurred_at, performed_by)
         VALUES ($1, 'interview', now(), (SELECT id FROM users LIMIT 1))`,
        [caseOf.B],
      ),
    ).toBe('42501');
    expect(
      await refused(
        `INSERT INTO cases (reference, consulate_id, country_code, primary_category, primary_person_id, created_by)
         SELECT 'RLS-X', $1, 'MX', 'health', primary_person_id, created_by FROM cases WHERE id = $2`,
        [postB, caseOf.A],
      ),
    ).toBe('42501');
    expect(
      await refused(`UPDATE cases SET consulate_id = $1 WHERE id = $2`, [postB, caseOf.A]),
    ).toBe('42501');
    const [{ n }] = await stack.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM consular_actions WHERE case_id = $1',
      [caseOf.B],
    );
    expect(n).toBe(2); // the interview and the arrest notification it was created with
  });

  it('answers 404 through the API for a case of another post', async () => {
    const officer = await createUser(stack, [{ role: 'officer', consulateId: postA }]);
    const token = (await signIn(app, officer.email)).accessToken;
    const read = await request(app.getHttpServer())
      .get(`/api/v1/cases/${caseOf.B}`)
      .set('Authorization', `Bearer ${token}`);
    expect(read.status).toBe(404);
  });
});
