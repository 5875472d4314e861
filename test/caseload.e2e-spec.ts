import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

/** Every status but closed: what the caseload calls open. */
const NOT_CLOSED = 'open,in_progress,waiting,closure_requested,reopened';

interface CaseRow {
  post: string;
  country: string;
  status: string;
  officer?: string;
  category: string;
  secondary?: string[];
  openedAt: string;
  closedAt?: string;
  nextStepDue?: string;
  restricted?: boolean;
}

/** UTC dates relative to today, and month boundaries, as the API counts them. */
const now = new Date();
const day = (offset: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset))
    .toISOString()
    .slice(0, 10);
const monthStart = (offset: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString();
const at = (monthOffset: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthOffset, 1, 12)).toISOString();
const monthOf = (offset: number) => monthStart(offset).slice(0, 7);

// The dashboard's figures are counts of the cases GET /cases lists to the same caller: each one
// is checked against that list with the matching filters, and across posts and countries.
describe('GET /api/v1/caseload', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const post: Record<'a' | 'b' | 'empty' | 'gt', string> = {} as never;
  const user: Record<string, string> = {};
  const token: Record<string, string> = {};

  async function insertCase(c: CaseRow, createdBy: string): Promise<string> {
    const [person] = await stack.query<{ id: string }>(
      `INSERT INTO persons (country_code, given_names, family_names, sex, nationality_code)
       VALUES ($1, 'Persona', 'Sintética', 'unknown', $1) RETURNING id`,
      [c.country],
    );
    const closed = c.status === 'closed';
    const [row] = await stack.query<{ id: string }>(
      `INSERT INTO cases (reference, consulate_id, country_code, primary_category, secondary_categories,
                          status, assigned_officer_id, primary_person_id, opened_at, closed_at,
                          closure_reason, next_step, next_step_due, restricted, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        `CL-${randomUUID()}`,
        c.post,
        c.country,
        c.category,
        c.secondary ?? [],
        c.status,
        c.officer ?? null,
        person.id,
        c.openedAt,
        closed ? c.closedAt : null,
        closed ? 'resolved' : null,
        c.nextStepDue ? 'Llamar a la familia' : null,
        c.nextStepDue ?? null,
        c.restricted ?? false,
        createdBy,
      ],
    );
    await stack.query(
      `INSERT INTO case_persons (case_id, person_id, role) VALUES ($1, $2, 'primary')`,
      [row.id, person.id],
    );
    return row.id;
  }

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post.a = await createConsulate(stack, 'MX');
    post.b = await createConsulate(stack, 'MX');
    post.empty = await createConsulate(stack, 'MX');
    post.gt = await createConsulate(stack, 'GT');
    const grants: Record<string, Parameters<typeof createUser>[1]> = {
      officerA: [{ role: 'officer', consulateId: post.a }],
      officerA2: [{ role: 'officer', consulateId: post.a }],
      consulA: [{ role: 'consul', consulateId: post.a }],
      officerB: [{ role: 'officer', consulateId: post.b }],
      consulB: [{ role: 'consul', consulateId: post.b }],
      consulGt: [{ role: 'consul', consulateId: post.gt }],
      supervisorMx: [{ role: 'supervisor', countryCode: 'MX' }],
      supervisorGt: [{ role: 'supervisor', countryCode: 'GT' }],
      adminMx: [{ role: 'admin', countryCode: 'MX' }],
      analystMx: [{ role: 'analyst', countryCode: 'MX' }],
    };
    for (const [name, g] of Object.entries(grants)) {
      const created = await createUser(stack, g);
      user[name] = created.id;
      await stack.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [created.id, name]);
      token[name] = (await signIn(app, created.email)).accessToken;
    }
    const mx = { country: 'MX' };
    const cases: CaseRow[] = [
      // Post A: every not-closed status, two officers and nobody, overdue and not.
      {
        ...mx,
        post: post.a,
        status: 'open',
        officer: user.officerA,
        category: 'documentation',
        openedAt: at(0),
        nextStepDue: day(-1),
      },
      {
        ...mx,
        post: post.a,
        status: 'in_progress',
        officer: user.officerA,
        category: 'trafficking',
        secondary: ['health'],
        openedAt: at(-1),
        nextStepDue: day(1),
      },
      {
        ...mx,
        post: post.a,
        status: 'waiting',
        officer: user.officerA2,
        category: 'health',
        openedAt: at(-1),
        nextStepDue: day(-30),
      },
      {
        ...mx,
        post: post.a,
        status: 'closure_requested',
        officer: user.officerA2,
        category: 'documentation',
        openedAt: at(0),
        nextStepDue: day(0),
      },
      {
        ...mx,
        post: post.a,
        status: 'closed',
        officer: user.officerA,
        category: 'documentation',
        openedAt: at(-1),
        closedAt: at(0),
        nextStepDue: day(-5),
      },
      { ...mx, post: post.a, status: 'open', category: 'return', openedAt: at(0) },
      {
        ...mx,
        post: post.a,
        status: 'reopened',
        category: 'documentation',
        openedAt: at(-14),
        nextStepDue: day(-2),
      },
      {
        ...mx,
        post: post.a,
        status: 'closed',
        category: 'death',
        openedAt: at(-20),
        closedAt: at(-20),
      },
      {
        ...mx,
        post: post.a,
        status: 'open',
        officer: user.officerA,
        category: 'asylum',
        openedAt: at(0),
        restricted: true,
      },
      // Post B of the same country.
      {
        ...mx,
        post: post.b,
        status: 'open',
        officer: user.officerB,
        category: 'health',
        openedAt: at(0),
        nextStepDue: day(-3),
      },
      {
        ...mx,
        post: post.b,
        status: 'closed',
        officer: user.officerB,
        category: 'health',
        openedAt: at(-1),
        closedAt: at(-1),
      },
      // Another country.
      {
        country: 'GT',
        post: post.gt,
        status: 'open',
        officer: user.consulGt,
        category: 'health',
        openedAt: at(0),
        nextStepDue: day(-1),
      },
      {
        country: 'GT',
        post: post.gt,
        status: 'closed',
        category: 'documentation',
        openedAt: at(-1),
        closedAt: at(0),
      },
    ];
    for (const c of cases) await insertCase(c, c.country === 'GT' ? user.consulGt : user.consulA);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const api = () => request(app.getHttpServer());
  const caseload = (who: string, query = '') =>
    api().get(`/api/v1/caseload${query}`).set('Authorization', `Bearer ${token[who]}`);

  /** How many cases GET /cases lists to this caller with these filters (every page). */
  async function listed(who: string, filters: Record<string, string>): Promise<number> {
    let count = 0;
    let cursor: string | null = null;
    do {
      const res: request.Response = await api()
        .get('/api/v1/cases')
        .query({ ...filters, limit: 100, ...(cursor ? { cursor } : {}) })
        .set('Authorization', `Bearer ${token[who]}`);
      expect(res.status).toBe(200);
      count += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    return count;
  }

  it('gives a supervisor the counts of their country, each equal to what the case list shows', async () => {
    const res = await caseload('supervisorMx');
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.today).toBe(day(0));
    expect(body.from).toBe(monthStart(-11).slice(0, 10));
    expect(body.to).toBe(day(0));
    expect(body.totals).toEqual({ open: 8, overdueNextSteps: 4, closureRequested: 1, waiting: 1 });
    expect(body.totals.open).toBe(await listed('supervisorMx', { status: NOT_CLOSED }));
    expect(body.totals.closureRequested).toBe(
      await listed('supervisorMx', { status: 'closure_requested' }),
    );
    expect(body.totals.waiting).toBe(await listed('supervisorMx', { status: 'waiting' }));

    expect(body.byPost.map((p: { consulateId: string }) => p.consulateId).sort()).toEqual(
      [post.a, post.b, post.empty].sort(),
    );
    const byPost = (id: string) =>
      body.byPost.find((p: { consulateId: string }) => p.consulateId === id);
    expect(byPost(post.a)).toMatchObject({
      open: 7,
      overdueNextSteps: 3,
      closureRequested: 1,
      waiting: 1,
    });
    expect(byPost(post.a).postCode).toMatch(/^[A-F0-9]{6}$/);
    expect(byPost(post.a).name).toBe(`Consulate ${byPost(post.a).postCode}`);
    expect(byPost(post.empty)).toMatchObject({
      open: 0,
      overdueNextSteps: 0,
      closureRequested: 0,
      waiting: 0,
    });
    for (const id of [post.a, post.b])
      expect(byPost(id).open).toBe(
        await listed('supervisorMx', { status: NOT_CLOSED, consulateId: id }),
      );
  });

  it('counts open cases per officer and post, with one row for each post’s unassigned cases', async () => {
    const { body } = await caseload('supervisorMx');
    // Posts in the order of byPost; at each, its unassigned cases first, then officers by name.
    const rows: Record<string, object[]> = {
      [post.a]: [
        { officerId: null, displayName: null, consulateId: post.a, open: 2, overdueNextSteps: 1 },
        {
          officerId: user.officerA,
          displayName: 'officerA',
          consulateId: post.a,
          open: 3,
          overdueNextSteps: 1,
        },
        {
          officerId: user.officerA2,
          displayName: 'officerA2',
          consulateId: post.a,
          open: 2,
          overdueNextSteps: 1,
        },
      ],
      [post.b]: [
        {
          officerId: user.officerB,
          displayName: 'officerB',
          consulateId: post.b,
          open: 1,
          overdueNextSteps: 1,
        },
      ],
    };
    expect(body.byOfficer).toEqual(
      body.byPost.flatMap((p: { consulateId: string }) => rows[p.consulateId] ?? []),
    );
    for (const officer of ['officerA', 'officerA2', 'officerB']) {
      const row = body.byOfficer.find((r: { officerId: string }) => r.officerId === user[officer]);
      expect(row.open).toBe(
        await listed('supervisorMx', { status: NOT_CLOSED, assignedOfficerId: user[officer] }),
      );
    }
    const assignedAtA = body.byOfficer
      .filter(
        (r: { consulateId: string; officerId: string | null }) =>
          r.consulateId === post.a && r.officerId,
      )
      .reduce((n: number, r: { open: number }) => n + r.open, 0);
    const unassignedAtA = body.byOfficer.find(
      (r: { consulateId: string; officerId: string | null }) =>
        r.consulateId === post.a && !r.officerId,
    );
    expect(unassignedAtA.open).toBe(
      (await listed('supervisorMx', { status: NOT_CLOSED, consulateId: post.a })) - assignedAtA,
    );
  });

  it('counts cases opened and closed per month and category as the list filters them', async () => {
    const { body } = await caseload('supervisorMx');
    expect(body.openedClosed).toEqual([
      { month: monthOf(-1), category: 'documentation', opened: 1, closed: 0 },
      { month: monthOf(-1), category: 'health', opened: 3, closed: 1 },
      { month: monthOf(-1), category: 'trafficking', opened: 1, closed: 0 },
      { month: monthOf(0), category: 'asylum', opened: 1, closed: 0 },
      { month: monthOf(0), category: 'documentation', opened: 2, closed: 1 },
      { month: monthOf(0), category: 'health', opened: 1, closed: 0 },
      { month: monthOf(0), category: 'return', opened: 1, closed: 0 },
    ]);
    for (const row of body.openedClosed as {
      month: string;
      category: string;
      opened: number;
      closed: number;
    }[]) {
      const offset = row.month === monthOf(0) ? 0 : -1;
      const span = { category: row.category };
      expect(row.opened).toBe(
        await listed('supervisorMx', {
          ...span,
          openedFrom: monthStart(offset),
          openedTo: monthStart(offset + 1),
        }),
      );
      expect(row.closed).toBe(
        await listed('supervisorMx', {
          ...span,
          closedFrom: monthStart(offset),
          closedTo: monthStart(offset + 1),
        }),
      );
    }
  });

  it('takes a longer period when asked, up to 24 months', async () => {
    const res = await caseload(
      'supervisorMx',
      `?from=${monthStart(-20).slice(0, 10)}&to=${day(0)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.openedClosed).toEqual(
      expect.arrayContaining([
        { month: monthOf(-20), category: 'death', opened: 1, closed: 1 },
        { month: monthOf(-14), category: 'documentation', opened: 1, closed: 0 },
      ]),
    );
    const lastMonthOnly = await caseload(
      'supervisorMx',
      `?from=${monthStart(-1).slice(0, 10)}&to=${day(-now.getUTCDate())}`,
    );
    expect(lastMonthOnly.body.openedClosed.map((r: { month: string }) => r.month)).toEqual([
      monthOf(-1),
      monthOf(-1),
      monthOf(-1),
    ]);
    // The open counts are of today, whatever the period.
    expect(lastMonthOnly.body.totals).toEqual(res.body.totals);
  });

  it('gives consuls and officers their post only', async () => {
    for (const who of ['consulA', 'officerA']) {
      const { status, body } = await caseload(who);
      expect(status).toBe(200);
      expect(body.byPost.map((p: { consulateId: string }) => p.consulateId)).toEqual([post.a]);
      expect(body.totals).toEqual({
        open: 7,
        overdueNextSteps: 3,
        closureRequested: 1,
        waiting: 1,
      });
      expect(body.totals.open).toBe(await listed(who, { status: NOT_CLOSED }));
      expect(body.byOfficer.every((r: { consulateId: string }) => r.consulateId === post.a)).toBe(
        true,
      );
    }
    const consulB = await caseload('consulB');
    expect(consulB.body.totals).toEqual({
      open: 1,
      overdueNextSteps: 1,
      closureRequested: 0,
      waiting: 0,
    });
    expect(consulB.body.openedClosed).toEqual([
      { month: monthOf(-1), category: 'health', opened: 1, closed: 1 },
      { month: monthOf(0), category: 'health', opened: 1, closed: 0 },
    ]);
  });

  it('shows a supervisor or consul of another country none of these cases', async () => {
    for (const who of ['supervisorGt', 'consulGt']) {
      const { status, body } = await caseload(who);
      expect(status).toBe(200);
      expect(body.byPost.map((p: { consulateId: string }) => p.consulateId)).toEqual([post.gt]);
      expect(body.totals).toEqual({
        open: 1,
        overdueNextSteps: 1,
        closureRequested: 0,
        waiting: 0,
      });
      expect(body.byOfficer).toEqual([
        {
          officerId: user.consulGt,
          displayName: 'consulGt',
          consulateId: post.gt,
          open: 1,
          overdueNextSteps: 1,
        },
      ]);
      expect(body.openedClosed).toEqual([
        { month: monthOf(-1), category: 'documentation', opened: 1, closed: 0 },
        { month: monthOf(0), category: 'documentation', opened: 0, closed: 1 },
        { month: monthOf(0), category: 'health', opened: 1, closed: 0 },
      ]);
    }
  });

  it('narrows to one post of the caller’s scope', async () => {
    const { status, body } = await caseload('supervisorMx', `?consulateId=${post.b}`);
    expect(status).toBe(200);
    expect(body.byPost).toEqual([
      expect.objectContaining({ consulateId: post.b, open: 1, overdueNextSteps: 1 }),
    ]);
    expect(body.totals.open).toBe(1);
    expect(body.byOfficer.map((r: { officerId: string }) => r.officerId)).toEqual([user.officerB]);
    expect(body.openedClosed.every((r: { category: string }) => r.category === 'health')).toBe(
      true,
    );
  });

  it.each([
    ['a supervisor', 'supervisorMx', () => post.gt],
    ['a consul', 'consulA', () => post.b],
    ['an officer', 'officerA', () => post.gt],
    ['a supervisor (unknown post)', 'supervisorMx', () => randomUUID()],
  ])('refuses %s a post outside their scope, naming the filter', async (_who, who, target) => {
    const before = await stack.query(`SELECT 1 FROM audit_events WHERE action = 'case.caseload'`);
    const es = await caseload(who, `?consulateId=${target()}`);
    expect(es.status).toBe(403);
    expect(es.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(es.body).toMatchObject({
      code: 'FILTER_OUTSIDE_SCOPE',
      title: 'Filtro fuera de su alcance',
    });
    expect(es.body.errors).toEqual([
      expect.objectContaining({ field: 'consulateId', code: 'FILTER_OUTSIDE_SCOPE' }),
    ]);
    const en = await caseload(who, `?consulateId=${target()}`).set('Accept-Language', 'en');
    expect(en.body.title).toBe('Filter outside your scope');
    const after = await stack.query(`SELECT 1 FROM audit_events WHERE action = 'case.caseload'`);
    expect(after.length).toBe(before.length);
  });

  it.each(['adminMx', 'analystMx'])('refuses %s, who may not read cases', async (who) => {
    const res = await caseload(who);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('refuses a request without a session', async () => {
    const res = await api().get('/api/v1/caseload');
    expect(res.status).toBe(401);
  });

  it.each([
    ['an end before the start', `?from=${day(0)}&to=${day(-1)}`, 'to', 'RANGE_REVERSED'],
    [
      'more than 24 months',
      `?from=${monthStart(-24).slice(0, 10)}&to=${day(0)}`,
      'to',
      'RANGE_TOO_LONG',
    ],
    ['a date that does not exist', '?from=2026-02-30', 'from', 'INVALID_DATE'],
    ['a time instead of a date', '?to=2026-01-01T00:00:00Z', 'to', 'INVALID_DATE'],
    ['a post id that is not a uuid', '?consulateId=LAX', 'consulateId', undefined],
  ])('refuses %s, naming the field', async (_what, query, field, code) => {
    const res = await caseload('supervisorMx', query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field, ...(code ? { code } : {}) }),
    ]);
  });

  it('records who read the caseload, of which period and post, without personal data', async () => {
    await caseload('consulA', `?consulateId=${post.a}`);
    const [event] = await stack.query<{
      actor_user_id: string;
      consulate_id: string;
      resource_type: string;
      outcome: string;
      details: Record<string, unknown>;
    }>(
      `SELECT actor_user_id, consulate_id, resource_type, outcome, details FROM audit_events
        WHERE action = 'case.caseload' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event).toEqual({
      actor_user_id: user.consulA,
      consulate_id: post.a,
      resource_type: 'case',
      outcome: 'success',
      details: { from: monthStart(-11).slice(0, 10), to: day(0), consulateId: post.a, open: 7 },
    });
  });
});
