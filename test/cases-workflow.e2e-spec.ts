import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { assessBestInterests } from './utils/best-interest';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Status = 'open' | 'in_progress' | 'waiting' | 'closure_requested' | 'closed' | 'reopened';
type Actor = 'officer' | 'consul' | 'supervisor';
type Body = Record<string, unknown>;

const STATUSES: Status[] = [
  'open',
  'in_progress',
  'waiting',
  'closure_requested',
  'closed',
  'reopened',
];

/** The status workflow of docs/workflow.md, written out here rather than imported from the product. */
const ALLOWED: [Status, Status, Actor][] = [
  ['open', 'in_progress', 'officer'],
  ['open', 'in_progress', 'consul'],
  ['waiting', 'in_progress', 'officer'],
  ['waiting', 'in_progress', 'consul'],
  ['reopened', 'in_progress', 'officer'],
  ['reopened', 'in_progress', 'consul'],
  ['in_progress', 'waiting', 'officer'],
  ['in_progress', 'waiting', 'consul'],
  ['open', 'closed', 'officer'],
  ['open', 'closed', 'consul'],
  ['in_progress', 'closed', 'officer'],
  ['in_progress', 'closed', 'consul'],
  ['waiting', 'closed', 'officer'],
  ['waiting', 'closed', 'consul'],
  ['open', 'closure_requested', 'officer'],
  ['in_progress', 'closure_requested', 'officer'],
  ['waiting', 'closure_requested', 'officer'],
  ['closure_requested', 'closed', 'consul'],
  ['closure_requested', 'in_progress', 'consul'],
  ['closed', 'reopened', 'consul'],
  ['closed', 'reopened', 'supervisor'],
];

/** Every other pair, self-transitions included (waiting → waiting, closure_requested → waiting…). */
const REFUSED: [Status, Status][] = STATUSES.flatMap((from) =>
  STATUSES.filter((to) => !ALLOWED.some(([f, t]) => f === from && t === to)).map(
    (to): [Status, Status] => [from, to],
  ),
);

/** What each transition needs besides `to` (docs/workflow.md, "needs"). */
function needs(from: Status, to: Status): Body {
  if (to === 'closed' || to === 'closure_requested') return { closureReason: 'resolved' };
  if (to === 'waiting') return { reason: 'Waiting for the hearing date from the court' };
  if (to === 'reopened') return { reason: 'The family reported new information' };
  if (from === 'closure_requested' && to === 'in_progress')
    return { reason: 'The child has not reached the shelter yet' };
  return {};
}

/** Allowed steps from a new (open) case to each status. */
const PATH_TO: Record<Status, [Status, Actor][]> = {
  open: [],
  in_progress: [['in_progress', 'officer']],
  waiting: [
    ['in_progress', 'officer'],
    ['waiting', 'officer'],
  ],
  closure_requested: [['closure_requested', 'officer']],
  closed: [['closed', 'officer']],
  reopened: [
    ['closed', 'officer'],
    ['reopened', 'consul'],
  ],
};

const hourAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

describe('Cases: workflow, access, lists, actions, history and assignment', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let postA: string;
  let postB: string;
  let postGT: string;
  let listPost: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    postA = await createConsulate(stack, 'MX');
    postB = await createConsulate(stack, 'MX');
    postGT = await createConsulate(stack, 'GT');
    listPost = await createConsulate(stack, 'MX');
    await signInAs('officerA', [{ role: 'officer', consulateId: postA }]);
    await signInAs('officerA2', [{ role: 'officer', consulateId: postA }]);
    await signInAs('consulA', [{ role: 'consul', consulateId: postA }]);
    await signInAs('officerB', [{ role: 'officer', consulateId: postB }]);
    await signInAs('consulB', [{ role: 'consul', consulateId: postB }]);
    await signInAs('officerGT', [{ role: 'officer', consulateId: postGT }]);
    await signInAs('officerMXandGT', [
      { role: 'officer', consulateId: postA },
      { role: 'officer', consulateId: postGT },
    ]);
    await signInAs('listOfficer', [{ role: 'officer', consulateId: listPost }]);
    await signInAs('listOfficer2', [{ role: 'officer', consulateId: listPost }]);
    await signInAs('supervisorMX', [{ role: 'supervisor', countryCode: 'MX' }]);
    await signInAs('supervisorGT', [{ role: 'supervisor', countryCode: 'GT' }]);
    await signInAs('analyst', [{ role: 'analyst', countryCode: 'MX' }]);
    await signInAs('admin', [{ role: 'admin', countryCode: 'MX' }]);
    await signInAs('system_admin', [{ role: 'system_admin' }]);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const http = () => request(app.getHttpServer());
  const bearer = (who: string) => `Bearer ${tokens[who]}`;
  const actorToken: Record<Actor, string> = {
    officer: 'officerA',
    consul: 'consulA',
    supervisor: 'supervisorMX',
  };

  const personBody = (nationalityCode = 'MX') => ({
    givenNames: 'Ana María',
    familyNames: `Pérez ${randomUUID().slice(0, 6)}`,
    dateOfBirth: '1988-07-21',
    sex: 'female',
    nationalityCode,
  });

  const caseBody = (consulateId: string, overrides: Body = {}): Body => ({
    consulateId,
    primaryCategory: 'criminal_detention',
    vulnerabilityFlags: ['detained'],
    summary: 'Held at county jail; public defender not yet assigned.',
    persons: [{ role: 'primary', person: personBody(consulateId === postGT ? 'GT' : 'MX') }],
    ...overrides,
  });

  async function createCase(
    who = 'officerA',
    overrides: Body = {},
    consulateId = postA,
  ): Promise<{ id: string; etag: string; body: Body }> {
    const res = await http()
      .post('/api/v1/cases')
      .set('Authorization', bearer(who))
      .send(caseBody(consulateId, overrides));
    expect(res.status).toBe(201);
    return { id: res.body.id, etag: res.headers.etag, body: res.body };
  }

  const transition = (who: string, id: string, etag: string, body: Body) =>
    http()
      .post(`/api/v1/cases/${id}/transitions`)
      .set('Authorization', bearer(who))
      .set('If-Match', etag)
      .send(body);

  const read = (who: string, id: string) =>
    http().get(`/api/v1/cases/${id}`).set('Authorization', bearer(who));

  /** A fresh case at post A, brought to `status` through allowed steps; returns its current ETag. */
  async function caseIn(
    status: Status,
    overrides: Body = {},
  ): Promise<{ id: string; etag: string }> {
    const created = await createCase('officerA', overrides);
    let etag = created.etag;
    let from: Status = 'open';
    for (const [to, actor] of PATH_TO[status]) {
      const res = await transition(actorToken[actor], created.id, etag, { to, ...needs(from, to) });
      expect(res.status).toBe(200);
      etag = res.headers.etag;
      from = to;
    }
    return { id: created.id, etag };
  }

  /** Asserts the case still has this status and version, and nothing was added to its history. */
  async function expectUnchanged(id: string, status: Status, etag: string, historyRows: number) {
    const now = await read('consulA', id);
    expect(now.body.status).toBe(status);
    expect(now.headers.etag).toBe(etag);
    expect(await historyCount(id)).toBe(historyRows);
  }

  const historyCount = async (id: string) =>
    Number(
      (
        await stack.query<{ n: string }>(
          'SELECT count(*) AS n FROM case_history WHERE case_id = $1',
          [id],
        )
      )[0].n,
    );

  const version = (etag: string) => Number(/"v(\d+)"/.exec(etag)![1]);

  describe('the transition table', () => {
    it.each(ALLOWED)('moves a case from %s to %s when the %s asks', async (from, to, actor) => {
      const { id, etag } = await caseIn(from);
      const res = await transition(actorToken[actor], id, etag, { to, ...needs(from, to) });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(to);
      expect(res.headers.etag).toBe(`"v${version(etag) + 1}"`);
      const after = await read('consulA', id);
      expect(after.body.status).toBe(to);
      expect(after.headers.etag).toBe(res.headers.etag);
    });

    it.each(REFUSED)(
      'refuses %s → %s with INVALID_TRANSITION and changes nothing',
      async (from, to) => {
        const { id, etag } = await caseIn(from);
        const before = await historyCount(id);
        const res = await transition('consulA', id, etag, {
          to,
          reason: 'Trying anyway',
          closureReason: 'resolved',
        });
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('INVALID_TRANSITION');
        await expectUnchanged(id, from, etag, before);
      },
    );
  });

  describe('closure approval by the consul', () => {
    it.each([
      ['flagged unaccompanied_child', { vulnerabilityFlags: ['unaccompanied_child'] }],
      ['flagged trafficking_indicators', { vulnerabilityFlags: ['trafficking_indicators'] }],
      ['at critical risk', { riskLevel: 'critical' }],
    ])(
      'refuses an officer closing a case %s; the officer requests closure and only the consul approves',
      async (_label, overrides) => {
        const { id, etag } = await caseIn('in_progress', overrides);
        // A child's case also needs its best-interest assessment to close (child-safeguards spec).
        await assessBestInterests(stack, id);
        const before = await historyCount(id);
        const direct = await transition('officerA', id, etag, {
          to: 'closed',
          closureReason: 'resolved',
        });
        expect(direct.status).toBe(403);
        expect(direct.body.code).toBe('CLOSURE_NEEDS_CONSUL');
        await expectUnchanged(id, 'in_progress', etag, before);

        const requested = await transition('officerA', id, etag, {
          to: 'closure_requested',
          closureReason: 'returned_to_country',
        });
        expect(requested.status).toBe(200);
        expect(requested.body.status).toBe('closure_requested');
        expect(requested.body.requestedClosureReason).toBe('returned_to_country');
        expect(requested.body.closedAt).toBeNull();

        const selfApproval = await transition('officerA', id, requested.headers.etag, {
          to: 'closed',
          closureReason: 'returned_to_country',
        });
        expect(selfApproval.status).toBe(403);
        expect(selfApproval.body.code).toBe('TRANSITION_FORBIDDEN');

        const approved = await transition('consulA', id, requested.headers.etag, {
          to: 'closed',
          closureReason: 'returned_to_country',
        });
        expect(approved.status).toBe(200);
        expect(approved.body.status).toBe('closed');
        expect(approved.body.closureReason).toBe('returned_to_country');
        expect(approved.body.closedAt).not.toBeNull();
      },
    );

    it('lets the consul reject a requested closure with a reason, back to in_progress', async () => {
      const { id, etag } = await caseIn('in_progress', {
        vulnerabilityFlags: ['unaccompanied_child'],
      });
      const requested = await transition('officerA', id, etag, {
        to: 'closure_requested',
        closureReason: 'resolved',
      });
      const rejected = await transition('consulA', id, requested.headers.etag, {
        to: 'in_progress',
        reason: 'Reunification with the mother is not confirmed',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('in_progress');
      expect(rejected.body.closedAt).toBeNull();
      expect(rejected.body.closureReason).toBeNull();
    });

    it('lets the consul close a child case directly', async () => {
      const { id, etag } = await caseIn('in_progress', {
        vulnerabilityFlags: ['unaccompanied_child'],
      });
      await assessBestInterests(stack, id);
      const closed = await transition('consulA', id, etag, {
        to: 'closed',
        closureReason: 'referred_to_home_institution',
      });
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
    });

    it('lets an officer close a plain case directly', async () => {
      const { id, etag } = await caseIn('in_progress');
      const closed = await transition('officerA', id, etag, {
        to: 'closed',
        closureReason: 'declined_assistance',
      });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', closureReason: 'declined_assistance' });
    });

    it('reopens a closed case by the consul or a supervisor with a reason, never by an officer', async () => {
      const byConsul = await caseIn('closed');
      const refused = await transition('officerA', byConsul.id, byConsul.etag, {
        to: 'reopened',
        reason: 'New hearing scheduled',
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('TRANSITION_FORBIDDEN');
      await expectUnchanged(byConsul.id, 'closed', byConsul.etag, await historyCount(byConsul.id));

      const consulReopens = await transition('consulA', byConsul.id, byConsul.etag, {
        to: 'reopened',
        reason: 'New hearing scheduled',
      });
      expect(consulReopens.status).toBe(200);
      expect(consulReopens.body).toMatchObject({
        status: 'reopened',
        closedAt: null,
        closureReason: null,
      });

      const bySupervisor = await caseIn('closed');
      const supervisorReopens = await transition(
        'supervisorMX',
        bySupervisor.id,
        bySupervisor.etag,
        {
          to: 'reopened',
          reason: 'Complaint from the family',
        },
      );
      expect(supervisorReopens.status).toBe(200);
      expect(supervisorReopens.body.status).toBe('reopened');
    });

    it.each([
      ['in_progress', 'waiting', 'officer', {}, 'reason'],
      ['in_progress', 'waiting', 'officer', { reason: '   ' }, 'reason'],
      ['open', 'closed', 'officer', {}, 'closureReason'],
      ['open', 'closure_requested', 'officer', {}, 'closureReason'],
      ['closure_requested', 'in_progress', 'consul', {}, 'reason'],
      ['closed', 'reopened', 'consul', {}, 'reason'],
      ['closed', 'reopened', 'supervisor', {}, 'reason'],
      ['open', 'closed', 'officer', { closureReason: 'duplicate' }, 'duplicateOf'],
    ] as [Status, Status, Actor, Body, string][])(
      'refuses %s → %s by the %s without what it needs (%j) with 400',
      async (from, to, actor, extra, field) => {
        const { id, etag } = await caseIn(from);
        const before = await historyCount(id);
        const res = await transition(actorToken[actor], id, etag, { to, ...extra });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        await expectUnchanged(id, from, etag, before);
      },
    );

    it('closes a case as a duplicate of another case of the same country', async () => {
      const survivor = await createCase();
      const { id, etag } = await caseIn('in_progress');
      const res = await transition('officerA', id, etag, {
        to: 'closed',
        closureReason: 'duplicate',
        duplicateOf: survivor.id,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'closed',
        closureReason: 'duplicate',
        duplicateOfCaseId: survivor.id,
      });
    });

    it('refuses a duplicate closure pointing at the case itself', async () => {
      const { id, etag } = await caseIn('in_progress');
      const before = await historyCount(id);
      const res = await transition('officerA', id, etag, {
        to: 'closed',
        closureReason: 'duplicate',
        duplicateOf: id,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'duplicateOf' })]);
      await expectUnchanged(id, 'in_progress', etag, before);
    });

    it('refuses a duplicate closure pointing at a case of another country, even one the officer works', async () => {
      const guatemalan = await createCase('officerMXandGT', {}, postGT);
      const mexican = await createCase('officerMXandGT', {}, postA);
      const before = await historyCount(mexican.id);
      const res = await transition('officerMXandGT', mexican.id, mexican.etag, {
        to: 'closed',
        closureReason: 'duplicate',
        duplicateOf: guatemalan.id,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'duplicateOf' })]);
      await expectUnchanged(mexican.id, 'open', mexican.etag, before);
    });
  });

  describe('who may do what', () => {
    let caseA: string;
    let caseB: string;
    let caseGT: string;
    let actionB: string;

    beforeAll(async () => {
      caseA = (await createCase('officerA')).id;
      caseB = (await createCase('officerB', {}, postB)).id;
      caseGT = (await createCase('officerGT', {}, postGT)).id;
      const action = await http()
        .post(`/api/v1/cases/${caseB}/actions`)
        .set('Authorization', bearer('officerB'))
        .send({ type: 'interview', occurredAt: hourAgo(1) });
      expect(action.status).toBe(201);
      actionB = action.body.id;
    });

    const actionBody = () => ({ type: 'interview', occurredAt: hourAgo(2) });

    /** Every case endpoint, as a request builder for a case id. */
    const ENDPOINTS: Record<string, (id: string, auth?: string) => request.Test> = {
      'POST /cases': (_id, auth) =>
        withAuth(http().post('/api/v1/cases'), auth).send(caseBody(postA)),
      'GET /cases': (_id, auth) => withAuth(http().get('/api/v1/cases'), auth),
      'GET /cases/:id': (id, auth) => withAuth(http().get(`/api/v1/cases/${id}`), auth),
      'PATCH /cases/:id': (id, auth) =>
        withAuth(http().patch(`/api/v1/cases/${id}`), auth)
          .set('If-Match', '"v1"')
          .send({ riskLevel: 'high' }),
      'POST /cases/:id/transitions': (id, auth) =>
        withAuth(http().post(`/api/v1/cases/${id}/transitions`), auth)
          .set('If-Match', '"v1"')
          .send({ to: 'in_progress' }),
      'POST /cases/:id/assignment': (id, auth) =>
        withAuth(http().post(`/api/v1/cases/${id}/assignment`), auth)
          .set('If-Match', '"v1"')
          .send({ officerId: ids.officerA2 }),
      'GET /cases/:id/actions': (id, auth) =>
        withAuth(http().get(`/api/v1/cases/${id}/actions`), auth),
      'POST /cases/:id/actions': (id, auth) =>
        withAuth(http().post(`/api/v1/cases/${id}/actions`), auth).send(actionBody()),
      'POST /cases/:id/actions/:actionId/corrections': (id, auth) =>
        withAuth(http().post(`/api/v1/cases/${id}/actions/${actionB}/corrections`), auth).send(
          actionBody(),
        ),
      'GET /cases/:id/history': (id, auth) =>
        withAuth(http().get(`/api/v1/cases/${id}/history`), auth),
      'GET /persons': (_id, auth) =>
        withAuth(http().get('/api/v1/persons').query({ q: 'Ana Pérez' }), auth),
    };
    const withAuth = (test: request.Test, auth?: string) =>
      auth ? test.set('Authorization', auth) : test;
    const ON_A_CASE = [
      'GET /cases/:id',
      'PATCH /cases/:id',
      'POST /cases/:id/transitions',
      'GET /cases/:id/actions',
      'POST /cases/:id/actions',
      'POST /cases/:id/actions/:actionId/corrections',
      'GET /cases/:id/history',
    ];
    const comparable = (body: Body) => {
      const { requestId, instance, ...rest } = body;
      return rest;
    };

    it.each(ON_A_CASE)(
      'answers an officer of another post of the same country on %s as if the case did not exist',
      async (endpoint) => {
        const foreign = await ENDPOINTS[endpoint](caseB, bearer('officerA'));
        const missing = await ENDPOINTS[endpoint](randomUUID(), bearer('officerA'));
        expect(foreign.status).toBe(404);
        expect(foreign.body.code).toBe('CASE_NOT_FOUND');
        expect(missing.status).toBe(404);
        expect(comparable(foreign.body)).toEqual(comparable(missing.body));
      },
    );

    it('answers a consul of another post assigning the case as if it did not exist', async () => {
      const foreign = await ENDPOINTS['POST /cases/:id/assignment'](caseB, bearer('consulA'));
      const missing = await ENDPOINTS['POST /cases/:id/assignment'](
        randomUUID(),
        bearer('consulA'),
      );
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('CASE_NOT_FOUND');
      expect(comparable(foreign.body)).toEqual(comparable(missing.body));
    });

    it('leaves the case of the other post untouched after those attempts', async () => {
      const res = await read('officerB', caseB);
      expect(res.body).toMatchObject({ status: 'open', riskLevel: 'low', version: 1 });
      const actions = await stack.query('SELECT 1 FROM consular_actions WHERE case_id = $1', [
        caseB,
      ]);
      expect(actions).toHaveLength(1);
    });

    it('does not list the cases of another post to an officer', async () => {
      const res = await http()
        .get('/api/v1/cases')
        .query({ limit: 100 })
        .set('Authorization', bearer('officerB'));
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((c: { consulateId: string }) => c.consulateId === postB)).toBe(
        true,
      );
    });

    it.each(['GET /cases/:id', 'GET /cases/:id/actions', 'GET /cases/:id/history'])(
      'lets a supervisor read %s of every post of its country, and nothing of another country',
      async (endpoint) => {
        for (const id of [caseA, caseB])
          expect((await ENDPOINTS[endpoint](id, bearer('supervisorMX'))).status).toBe(200);
        const other = await ENDPOINTS[endpoint](caseGT, bearer('supervisorMX'));
        expect(other.status).toBe(404);
        expect(other.body.code).toBe('CASE_NOT_FOUND');
        expect((await ENDPOINTS[endpoint](caseGT, bearer('supervisorGT'))).status).toBe(200);
      },
    );

    it("lists a supervisor's country and never another's", async () => {
      const res = await http()
        .get('/api/v1/cases')
        .query({ limit: 100 })
        .set('Authorization', bearer('supervisorMX'));
      const listed = res.body.items.map((c: { id: string }) => c.id);
      expect(listed).toEqual(expect.arrayContaining([caseA, caseB]));
      expect(listed).not.toContain(caseGT);
      expect(res.body.items.every((c: { countryCode: string }) => c.countryCode === 'MX')).toBe(
        true,
      );
    });

    it.each(['PATCH /cases/:id', 'POST /cases/:id/actions'])(
      'refuses a supervisor %s with 403 FORBIDDEN',
      async (endpoint) => {
        const res = await ENDPOINTS[endpoint](caseA, bearer('supervisorMX'));
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      },
    );

    it('lets a supervisor reassign a case of its country', async () => {
      const { id, etag } = await createCase('officerA');
      const res = await http()
        .post(`/api/v1/cases/${id}/assignment`)
        .set('Authorization', bearer('supervisorMX'))
        .set('If-Match', etag)
        .send({ officerId: ids.officerA2 });
      expect(res.status).toBe(200);
      expect(res.body.assignedOfficerId).toBe(ids.officerA2);
    });

    const NO_CASE_ROLES = ['analyst', 'admin', 'system_admin'];
    it.each(
      NO_CASE_ROLES.flatMap((role) => Object.keys(ENDPOINTS).map((endpoint) => [role, endpoint])),
    )('refuses the %s on %s with 403 FORBIDDEN', async (role, endpoint) => {
      const res = await ENDPOINTS[endpoint](caseA, bearer(role));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });

    it.each(Object.keys(ENDPOINTS))('refuses %s without a token with 401', async (endpoint) => {
      const res = await ENDPOINTS[endpoint](caseA);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an officer registering a case at another post with 403 NOT_YOUR_POST', async () => {
      const count = async () =>
        (await stack.query('SELECT 1 FROM cases WHERE consulate_id = $1', [postB])).length;
      const before = await count();
      const res = await http()
        .post('/api/v1/cases')
        .set('Authorization', bearer('officerA'))
        .send(caseBody(postB));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('NOT_YOUR_POST');
      expect(await count()).toBe(before);
    });
  });

  describe('case lists', () => {
    const L: Record<string, string> = {};
    const names: Record<string, string> = {};

    beforeAll(async () => {
      const make = async (key: string, overrides: Body, steps: [Status, Body][] = []) => {
        const person = { ...personBody(), givenNames: `Lucía ${key}` };
        const created = await http()
          .post('/api/v1/cases')
          .set('Authorization', bearer('listOfficer'))
          .send({ ...caseBody(listPost), persons: [{ role: 'primary', person }], ...overrides });
        expect(created.status).toBe(201);
        let etag = created.headers.etag;
        for (const [to, extra] of steps) {
          const moved = await transition('listOfficer', created.body.id, etag, { to, ...extra });
          expect(moved.status).toBe(200);
          etag = moved.headers.etag;
        }
        L[key] = created.body.id;
        names[key] = `${person.givenNames} ${person.familyNames}`;
      };
      await make('L1', {
        primaryCategory: 'immigration_detention',
        vulnerabilityFlags: ['detained'],
        riskLevel: 'low',
        openedAt: '2024-02-10T12:00:00.000Z',
      });
      await make(
        'L2',
        {
          primaryCategory: 'health',
          secondaryCategories: ['crime_victim'],
          vulnerabilityFlags: ['serious_illness'],
          riskLevel: 'high',
          openedAt: '2024-05-20T12:00:00.000Z',
        },
        [['in_progress', {}]],
      );
      await make(
        'L3',
        {
          primaryCategory: 'crime_victim',
          vulnerabilityFlags: ['gbv_survivor'],
          riskLevel: 'medium',
          openedAt: '2025-01-15T12:00:00.000Z',
          assignedOfficerId: ids.listOfficer2,
        },
        [
          ['in_progress', {}],
          ['waiting', { reason: 'Awaiting the protection order' }],
        ],
      );
      await make(
        'L4',
        {
          primaryCategory: 'labour_rights',
          vulnerabilityFlags: [],
          riskLevel: 'high',
          openedAt: '2025-03-03T12:00:00.000Z',
        },
        [['closed', { closureReason: 'resolved' }]],
      );
      await make('L5', {
        primaryCategory: 'return',
        vulnerabilityFlags: [],
        riskLevel: 'low',
        openedAt: '2023-11-30T12:00:00.000Z',
      });
    });

    const list = async (query: Record<string, string | number>, who = 'listOfficer') => {
      const res = await http().get('/api/v1/cases').query(query).set('Authorization', bearer(who));
      expect(res.status).toBe(200);
      return res;
    };
    const idsOf = (res: request.Response) => res.body.items.map((c: { id: string }) => c.id);
    const keys = (...k: string[]) => k.map((key) => L[key]);

    it.each([
      ['status (comma list)', { status: 'in_progress,waiting' }, ['L2', 'L3']],
      ['status (one)', { status: 'closed' }, ['L4']],
      ['category, primary or secondary', { category: 'crime_victim' }, ['L2', 'L3']],
      ['flag', { flag: 'gbv_survivor' }, ['L3']],
      ['riskLevel', { riskLevel: 'high' }, ['L2', 'L4']],
      [
        'openedFrom/openedTo',
        { openedFrom: '2024-01-01T00:00:00Z', openedTo: '2025-01-01T00:00:00Z' },
        ['L1', 'L2'],
      ],
    ] as [string, Record<string, string>, string[]][])(
      'filters by %s',
      async (_label, query, expected) => {
        const res = await list({ ...query, limit: 100 });
        expect(new Set(idsOf(res))).toEqual(new Set(keys(...expected)));
      },
    );

    it('filters by assigned officer', async () => {
      const res = await list({ assignedOfficerId: ids.listOfficer2, limit: 100 });
      expect(idsOf(res)).toEqual(keys('L3'));
    });

    it('filters by consulate, for a supervisor of the whole country', async () => {
      const res = await list({ consulateId: listPost, limit: 100 }, 'supervisorMX');
      expect(new Set(idsOf(res))).toEqual(new Set(keys('L1', 'L2', 'L3', 'L4', 'L5')));
      const other = await list({ consulateId: postA, limit: 100 }, 'listOfficer');
      expect(other.body.items).toEqual([]);
    });

    it('sorts newest opened first by default and with -openedAt, and by reference', async () => {
      const newestFirst = keys('L4', 'L3', 'L2', 'L1', 'L5');
      expect(idsOf(await list({ limit: 100 }))).toEqual(newestFirst);
      expect(idsOf(await list({ sort: '-openedAt', limit: 100 }))).toEqual(newestFirst);
      const byReference = await list({ sort: 'reference', limit: 100 });
      expect(idsOf(byReference)).toEqual(keys('L5', 'L1', 'L2', 'L3', 'L4'));
      const references = byReference.body.items.map((c: { reference: string }) => c.reference);
      expect(references).toEqual([...references].sort());
    });

    it.each(['-openedAt', 'reference'])(
      'pages by keyset with limit=2 sorted by %s, neither skipping nor repeating',
      async (sort) => {
        const all = idsOf(await list({ sort, limit: 100 }));
        const seen: string[] = [];
        const sizes: number[] = [];
        let cursor: string | null = null;
        do {
          const page: request.Response = await list({
            sort,
            limit: 2,
            ...(cursor ? { cursor } : {}),
          });
          seen.push(...idsOf(page));
          sizes.push(page.body.items.length);
          cursor = page.body.nextCursor;
        } while (cursor && sizes.length < 10);
        expect(seen).toEqual(all);
        expect(sizes).toEqual([2, 2, 1]);
      },
    );

    it('shows a supervisor initials only, and an officer of the post the full name', async () => {
      const asSupervisor = await list({ consulateId: listPost, limit: 100 }, 'supervisorMX');
      const masked = asSupervisor.body.items.find((c: { id: string }) => c.id === L.L1);
      const initials = names.L1.split(' ')
        .map((part) => `${part[0].toUpperCase()}.`)
        .join(' ');
      expect(masked.primaryPerson).toMatchObject({ masked: true, name: initials });
      expect(masked.primaryPerson.name).not.toContain('Pérez');
      expect(JSON.stringify(asSupervisor.body)).not.toContain(names.L1);
      const asOfficer = await list({ limit: 100 });
      const full = asOfficer.body.items.find((c: { id: string }) => c.id === L.L1);
      expect(full.primaryPerson).toMatchObject({ masked: false, name: names.L1, birthYear: 1988 });
    });

    it('refuses an unknown sort with 400', async () => {
      const res = await http()
        .get('/api/v1/cases')
        .query({ sort: 'familyNames' })
        .set('Authorization', bearer('listOfficer'));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_SORT');
    });
  });

  describe('restricted cases', () => {
    let asylum: { id: string; etag: string; body: Body };

    beforeAll(async () => {
      asylum = await createCase('officerA', {
        primaryCategory: 'asylum',
        vulnerabilityFlags: [],
        summary: 'Fears persecution; staying at a shelter in Pasadena.',
      });
    });

    it('restricts an asylum case without being asked', () => {
      expect(asylum.body.restricted).toBe(true);
    });

    it('restricts a case flagged asylum_seeker, and keeps it restricted when asked to lift it', async () => {
      const flagged = await createCase('officerA', {
        vulnerabilityFlags: ['asylum_seeker'],
        restricted: false,
      });
      expect(flagged.body.restricted).toBe(true);
      const lifted = await http()
        .patch(`/api/v1/cases/${flagged.id}`)
        .set('Authorization', bearer('officerA'))
        .set('If-Match', flagged.etag)
        .send({ restricted: false });
      expect(lifted.status).toBe(200);
      expect(lifted.body.restricted).toBe(true);
    });

    it.each([
      ['the consul of the post', 'consulA'],
      ['the assigned officer', 'officerA'],
    ])('lets %s read it', async (_label, who) => {
      const res = await read(who, asylum.id);
      expect(res.status).toBe(200);
      expect(res.body.summary).toContain('Pasadena');
      expect(res.body.persons).toHaveLength(1);
    });

    it.each([
      ['another officer of the same post', 'officerA2'],
      ['a supervisor of the country', 'supervisorMX'],
    ])('refuses %s with 403 CASE_RESTRICTED', async (_label, who) => {
      for (const path of ['', '/actions', '/history']) {
        const res = await http()
          .get(`/api/v1/cases/${asylum.id}${path}`)
          .set('Authorization', bearer(who));
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('CASE_RESTRICTED');
        expect(JSON.stringify(res.body)).not.toContain('Pasadena');
      }
    });

    it.each([
      ['another officer of the same post', 'officerA2'],
      ['a supervisor', 'supervisorMX'],
    ])('lists it to %s without any person data', async (_label, who) => {
      const res = await http()
        .get('/api/v1/cases')
        .query({ category: 'asylum', limit: 100 })
        .set('Authorization', bearer(who));
      const row = res.body.items.find((c: { id: string }) => c.id === asylum.id);
      expect(row).toBeDefined();
      expect(row.primaryPerson).toBeNull();
      expect(row.summary).toBeUndefined();
    });

    it('lists it with the person to the assigned officer', async () => {
      const res = await http()
        .get('/api/v1/cases')
        .query({ category: 'asylum', limit: 100 })
        .set('Authorization', bearer('officerA'));
      const row = res.body.items.find((c: { id: string }) => c.id === asylum.id);
      expect(row.primaryPerson).toMatchObject({ masked: false });
    });
  });

  describe('consular actions', () => {
    const addAction = (who: string, caseId: string, body: Body) =>
      http().post(`/api/v1/cases/${caseId}/actions`).set('Authorization', bearer(who)).send(body);
    const actionCount = async (caseId: string) =>
      (await stack.query('SELECT 1 FROM consular_actions WHERE case_id = $1', [caseId])).length;

    it('lists actions in the order they occurred, not the order they were recorded', async () => {
      const { id } = await createCase();
      const recorded: string[] = [];
      for (const hours of [3, 1, 2]) {
        const res = await addAction('officerA', id, {
          type: 'follow_up_contact',
          occurredAt: hourAgo(hours),
          notes: `${hours}h ago`,
        });
        expect(res.status).toBe(201);
        expect(res.body.performedBy).toBe(ids.officerA);
        recorded.push(res.body.id);
      }
      const list = await http()
        .get(`/api/v1/cases/${id}/actions`)
        .set('Authorization', bearer('officerA'));
      expect(list.status).toBe(200);
      expect(list.body.items.map((a: { notes: string }) => a.notes)).toEqual([
        '3h ago',
        '2h ago',
        '1h ago',
      ]);
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([
        recorded[0],
        recorded[2],
        recorded[1],
      ]);
    });

    it('corrects an action with a new entry pointing at it, leaving the original as it was', async () => {
      const { id } = await createCase();
      const original = await addAction('officerA', id, {
        type: 'consular_visit',
        occurredAt: hourAgo(5),
        placeType: 'detention_centre',
        notes: 'Visited at Adelanto',
      });
      const correction = await http()
        .post(`/api/v1/cases/${id}/actions/${original.body.id}/corrections`)
        .set('Authorization', bearer('officerA2'))
        .send({
          type: 'consular_visit',
          occurredAt: hourAgo(5),
          placeType: 'detention_centre',
          notes: 'Visited at Otay Mesa',
        });
      expect(correction.status).toBe(201);
      expect(correction.body.correctsActionId).toBe(original.body.id);
      expect(correction.body.id).not.toBe(original.body.id);
      const list = await http()
        .get(`/api/v1/cases/${id}/actions`)
        .set('Authorization', bearer('officerA'));
      expect(list.body.items).toHaveLength(2);
      const stored = list.body.items.find((a: { id: string }) => a.id === original.body.id);
      expect(stored).toMatchObject({
        notes: 'Visited at Adelanto',
        correctedByActionId: correction.body.id,
        correctsActionId: null,
      });
    });

    it('refuses correcting an action of another case with 404 ACTION_NOT_FOUND', async () => {
      const one = await createCase();
      const other = await createCase();
      const action = await addAction('officerA', one.id, {
        type: 'interview',
        occurredAt: hourAgo(1),
      });
      for (const actionId of [action.body.id, randomUUID()]) {
        const res = await http()
          .post(`/api/v1/cases/${other.id}/actions/${actionId}/corrections`)
          .set('Authorization', bearer('officerA'))
          .send({ type: 'interview', occurredAt: hourAgo(1) });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('ACTION_NOT_FOUND');
      }
      expect(await actionCount(other.id)).toBe(0);
    });

    it.each([
      ['occurred in the future', { type: 'interview', occurredAt: hourAgo(-1) }, 'occurredAt'],
      [
        'a cost without currency',
        { type: 'financial_assistance', occurredAt: hourAgo(1), cost: 120 },
        'currency',
      ],
      [
        'a currency without cost',
        { type: 'financial_assistance', occurredAt: hourAgo(1), currency: 'USD' },
        'currency',
      ],
      [
        'an arrest notification without times',
        { type: 'arrest_notification_received', occurredAt: hourAgo(1) },
        'arrestedAt',
      ],
      [
        'an arrest notification without the notification time',
        { type: 'arrest_notification_received', occurredAt: hourAgo(1), arrestedAt: hourAgo(30) },
        'arrestedAt',
      ],
      [
        'a notification before the arrest',
        {
          type: 'arrest_notification_received',
          occurredAt: hourAgo(1),
          arrestedAt: hourAgo(10),
          notifiedAt: hourAgo(20),
        },
        'notifiedAt',
      ],
    ] as [string, Body, string][])(
      'refuses an action with %s with 400',
      async (_label, body, field) => {
        const { id } = await createCase();
        const res = await addAction('officerA', id, body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        expect(await actionCount(id)).toBe(0);
      },
    );

    it('records an arrest notification with both times and a paid cost with its currency', async () => {
      const { id } = await createCase();
      const arrest = await addAction('officerA', id, {
        type: 'arrest_notification_received',
        occurredAt: hourAgo(1),
        arrestedAt: hourAgo(30),
        notifiedAt: hourAgo(2),
      });
      expect(arrest.status).toBe(201);
      expect(arrest.body.arrestedAt).toBe(new Date(arrest.body.arrestedAt).toISOString());
      const paid = await addAction('officerA', id, {
        type: 'financial_assistance',
        occurredAt: hourAgo(1),
        cost: 120.5,
        currency: 'USD',
      });
      expect(paid.status).toBe(201);
      expect(paid.body).toMatchObject({ cost: '120.50', currency: 'USD' });
    });

    it('refuses UPDATE and DELETE of consular_actions in the database itself', async () => {
      const { id } = await createCase();
      const action = await addAction('officerA', id, {
        type: 'interview',
        occurredAt: hourAgo(1),
        notes: 'As said',
      });
      await expect(
        stack.query(`UPDATE consular_actions SET notes = 'Rewritten' WHERE id = $1`, [
          action.body.id,
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(
        stack.query('DELETE FROM consular_actions WHERE id = $1', [action.body.id]),
      ).rejects.toThrow(/append-only/);
      const [row] = await stack.query<{ notes: string }>(
        'SELECT notes FROM consular_actions WHERE id = $1',
        [action.body.id],
      );
      expect(row.notes).toBe('As said');
    });

    it('refuses adding or correcting actions on a closed case with 409 CASE_CLOSED', async () => {
      const created = await createCase();
      const action = await addAction('officerA', created.id, {
        type: 'interview',
        occurredAt: hourAgo(1),
      });
      const closed = await transition('officerA', created.id, created.etag, {
        to: 'closed',
        closureReason: 'resolved',
      });
      expect(closed.status).toBe(200);
      const added = await addAction('officerA', created.id, {
        type: 'interview',
        occurredAt: hourAgo(1),
      });
      expect(added.status).toBe(409);
      expect(added.body.code).toBe('CASE_CLOSED');
      const corrected = await http()
        .post(`/api/v1/cases/${created.id}/actions/${action.body.id}/corrections`)
        .set('Authorization', bearer('officerA'))
        .send({ type: 'interview', occurredAt: hourAgo(2) });
      expect(corrected.status).toBe(409);
      expect(corrected.body.code).toBe('CASE_CLOSED');
      expect(await actionCount(created.id)).toBe(1);
    });
  });

  describe('history', () => {
    type Entry = {
      field: string;
      tier: string;
      oldValue: unknown;
      newValue: unknown;
      changedBy: string;
      changedAt: string;
      masked: boolean;
    };
    let caseId: string;
    const history = async (who: string): Promise<Entry[]> => {
      const res = await http()
        .get(`/api/v1/cases/${caseId}/history`)
        .set('Authorization', bearer(who));
      expect(res.status).toBe(200);
      return res.body.items;
    };
    const entry = (items: Entry[], field: string) => items.filter((e) => e.field === field);

    beforeAll(async () => {
      const created = await createCase('officerA', {
        riskLevel: 'medium',
        summary: 'First interview pending.',
      });
      caseId = created.id;
      const patched = await http()
        .patch(`/api/v1/cases/${caseId}`)
        .set('Authorization', bearer('officerA'))
        .set('If-Match', created.etag)
        .send({ riskLevel: 'high', summary: 'Reports abuse by a guard; medical exam requested.' });
      expect(patched.status).toBe(200);
      expect(patched.headers.etag).toBe('"v2"');
      const moved = await transition('officerA', caseId, patched.headers.etag, {
        to: 'in_progress',
      });
      expect(moved.status).toBe(200);
      const assigned = await http()
        .post(`/api/v1/cases/${caseId}/assignment`)
        .set('Authorization', bearer('consulA'))
        .set('If-Match', moved.headers.etag)
        .send({ officerId: ids.officerA2 });
      expect(assigned.status).toBe(200);
    });

    it('records a PATCH field by field with old and new values, tier and author', async () => {
      const items = await history('officerA');
      expect(entry(items, 'riskLevel')).toEqual([
        expect.objectContaining({
          tier: 'T0',
          oldValue: 'medium',
          newValue: 'high',
          changedBy: ids.officerA,
          masked: false,
        }),
      ]);
      expect(entry(items, 'summary')).toEqual([
        expect.objectContaining({
          tier: 'T2',
          oldValue: 'First interview pending.',
          newValue: 'Reports abuse by a guard; medical exam requested.',
          changedBy: ids.officerA,
          masked: false,
        }),
      ]);
      expect(entry(items, 'primaryCategory')).toEqual([]);
    });

    it('records transitions and assignments', async () => {
      const items = await history('officerA');
      expect(entry(items, 'status')).toEqual([
        expect.objectContaining({
          oldValue: 'open',
          newValue: 'in_progress',
          changedBy: ids.officerA,
        }),
      ]);
      expect(entry(items, 'assignedOfficerId')).toEqual([
        expect.objectContaining({
          tier: 'T0',
          oldValue: ids.officerA,
          newValue: ids.officerA2,
          changedBy: ids.consulA,
        }),
      ]);
    });

    it('masks special-category values from a supervisor but shows operational ones', async () => {
      const items = await history('supervisorMX');
      expect(entry(items, 'summary')).toEqual([
        expect.objectContaining({ tier: 'T2', masked: true, oldValue: null, newValue: null }),
      ]);
      expect(JSON.stringify(items)).not.toContain('abuse');
      expect(entry(items, 'riskLevel')).toEqual([
        expect.objectContaining({ masked: false, oldValue: 'medium', newValue: 'high' }),
      ]);
      expect(entry(items, 'status')).toEqual([
        expect.objectContaining({ masked: false, newValue: 'in_progress' }),
      ]);
    });
  });

  describe('assignment', () => {
    const assign = (who: string, id: string, etag: string, officerId: string) =>
      http()
        .post(`/api/v1/cases/${id}/assignment`)
        .set('Authorization', bearer(who))
        .set('If-Match', etag)
        .send({ officerId });

    it('lets the consul assign another officer of the post and bumps the ETag', async () => {
      const { id, etag } = await createCase();
      const res = await assign('consulA', id, etag, ids.officerA2);
      expect(res.status).toBe(200);
      expect(res.body.assignedOfficerId).toBe(ids.officerA2);
      expect(res.headers.etag).toBe(`"v${version(etag) + 1}"`);
      expect((await read('officerA2', id)).body.assignedOfficerId).toBe(ids.officerA2);
    });

    it('refuses an officer of another post with 422 OFFICER_NOT_AT_POST', async () => {
      const { id, etag } = await createCase();
      const before = await historyCount(id);
      const res = await assign('consulA', id, etag, ids.officerB);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('OFFICER_NOT_AT_POST');
      const after = await read('officerA', id);
      expect(after.body.assignedOfficerId).toBe(ids.officerA);
      expect(after.headers.etag).toBe(etag);
      expect(await historyCount(id)).toBe(before);
    });

    it('refuses an officer assigning with 403 FORBIDDEN', async () => {
      const { id, etag } = await createCase();
      const res = await assign('officerA', id, etag, ids.officerA2);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect((await read('officerA', id)).body.assignedOfficerId).toBe(ids.officerA);
    });
  });
});
