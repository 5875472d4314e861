import { NestExpressApplication } from '@nestjs/platform-express';
import { TransfersService } from '@amparo/cases';
import { Caller, Role, permissionsOf } from '@amparo/identity';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { GrantSpec, createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;
type Route = 'propose' | 'list' | 'get' | 'accept' | 'reject' | 'cancel';
/** A status code, or for the list whether the transfer is among the items of a 200. */
type Outcome = number | 'listed' | 'not listed';

const REASON = 'The family moved to the jurisdiction of the other post';
const REJECTION = 'We have no officer for this language until next month';

interface Posts {
  sending: string;
  receiving: string;
  otherPost: string;
  otherCountry: string;
}

/**
 * Who may do what with a transfer from the sending post A to the receiving post B of one country
 * (C: a third post of the country; GT: another country). The transfer is proposed by an officer of
 * A who is none of these users.
 */
const MATRIX: { actor: string; grants: (p: Posts) => GrantSpec[]; may: Record<Route, Outcome> }[] =
  [
    ...(['officer', 'consul'] as const).flatMap((role) => [
      {
        actor: `${role} of the sending post`,
        grants: (p: Posts) => [{ role, consulateId: p.sending }],
        may: {
          propose: 201,
          list: 'listed',
          get: 200,
          accept: 403,
          reject: 403,
          cancel: role === 'consul' ? 200 : 403,
        } as Record<Route, Outcome>,
      },
      {
        actor: `${role} of the receiving post`,
        grants: (p: Posts) => [{ role, consulateId: p.receiving }],
        may: {
          propose: 404,
          list: 'listed',
          get: 200,
          accept: role === 'consul' ? 200 : 403,
          reject: role === 'consul' ? 200 : 403,
          cancel: 403,
        } as Record<Route, Outcome>,
      },
      ...(['otherPost', 'otherCountry'] as const).map((where) => ({
        actor: `${role} of ${where === 'otherPost' ? 'another post of the country' : 'another country'}`,
        grants: (p: Posts) => [{ role, consulateId: p[where] }],
        may: {
          propose: 404,
          list: 'not listed',
          get: 404,
          accept: 404,
          reject: 404,
          cancel: 404,
        } as Record<Route, Outcome>,
      })),
    ]),
    {
      actor: 'supervisor of the country',
      grants: () => [{ role: 'supervisor', countryCode: 'MX' }],
      may: { propose: 201, list: 'listed', get: 200, accept: 200, reject: 200, cancel: 200 },
    },
    {
      actor: 'supervisor of another country',
      grants: () => [{ role: 'supervisor', countryCode: 'GT' }],
      may: {
        propose: 404,
        list: 'not listed',
        get: 404,
        accept: 404,
        reject: 404,
        cancel: 404,
      },
    },
    ...(['analyst', 'admin'] as const).flatMap((role) =>
      ['MX', 'GT'].map((country) => ({
        actor: `${role} of ${country === 'MX' ? 'the country' : 'another country'}`,
        grants: () => [{ role, countryCode: country }],
        may: { propose: 403, list: 403, get: 403, accept: 403, reject: 403, cancel: 403 } as Record<
          Route,
          Outcome
        >,
      })),
    ),
    {
      actor: 'system_admin',
      grants: () => [{ role: 'system_admin' }],
      may: { propose: 403, list: 403, get: 403, accept: 403, reject: 403, cancel: 403 },
    },
  ];

describe('Transfers of a case between posts of one country', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const posts = {} as Posts & { inactive: string };
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    posts.sending = await createConsulate(stack, 'MX', 'TRA');
    posts.receiving = await createConsulate(stack, 'MX', 'TRB');
    posts.otherPost = await createConsulate(stack, 'MX', 'TRC');
    posts.otherCountry = await createConsulate(stack, 'GT', 'TRG');
    posts.inactive = await createConsulate(stack, 'MX', 'TRX');
    await stack.query(
      'UPDATE consulates SET active = false, deactivated_at = now() WHERE id = $1',
      [posts.inactive],
    );
    await signInAs('officerA', [{ role: 'officer', consulateId: posts.sending }]);
    await signInAs('officerA2', [{ role: 'officer', consulateId: posts.sending }]);
    await signInAs('consulA', [{ role: 'consul', consulateId: posts.sending }]);
    await signInAs('officerB', [{ role: 'officer', consulateId: posts.receiving }]);
    await signInAs('consulB', [{ role: 'consul', consulateId: posts.receiving }]);
    await signInAs('supervisorMX', [{ role: 'supervisor', countryCode: 'MX' }]);
    for (const { actor, grants } of MATRIX) await signInAs(actor, grants(posts));
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  async function registerCase(overrides: Body = {}): Promise<{ id: string; reference: string }> {
    const res = await http()
      .post('/api/v1/cases')
      .set(as('officerA'))
      .send({
        consulateId: posts.sending,
        primaryCategory: 'labour_rights',
        vulnerabilityFlags: ['indigenous_language'],
        riskLevel: 'medium',
        summary: 'Unpaid wages at a packing plant.',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Juana',
              familyNames: `Traslado ${randomUUID().slice(0, 8)}`,
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 34,
            },
          },
        ],
        ...overrides,
      });
    expect(res.status).toBe(201);
    return { id: res.body.id, reference: res.body.reference };
  }

  const propose = (who: string, caseId: string, body: Body) =>
    http().post(`/api/v1/cases/${caseId}/transfers`).set(as(who)).send(body);
  const decide = (who: string, id: string, verb: string, body: Body = {}) =>
    http().post(`/api/v1/transfers/${id}/${verb}`).set(as(who)).send(body);
  const readCase = (who: string, id: string) => http().get(`/api/v1/cases/${id}`).set(as(who));
  const listCases = (who: string, query: Body) =>
    http().get('/api/v1/cases').query(query).set(as(who));

  /** A fresh case of the sending post with a transfer to the receiving post, proposed by officerA. */
  async function pendingTransfer(overrides: Body = {}) {
    const created = await registerCase(overrides);
    const res = await propose('officerA', created.id, {
      toConsulateId: posts.receiving,
      reason: REASON,
    });
    expect(res.status).toBe(201);
    return { caseId: created.id, reference: created.reference, transferId: res.body.id as string };
  }

  /** Everything of a case a transfer could change, read straight from the database. */
  async function stateOf(caseId: string) {
    const [row] = await stack.query(
      `SELECT consulate_id, reference, assigned_officer_id, version, restricted, status,
              (SELECT count(*)::int FROM case_history h WHERE h.case_id = c.id) AS history,
              (SELECT count(*)::int FROM consular_actions a WHERE a.case_id = c.id) AS actions,
              (SELECT count(*)::int FROM case_references r WHERE r.case_id = c.id) AS old_references,
              (SELECT coalesce(json_agg(json_build_object('id', t.id, 'status', t.status) ORDER BY t.proposed_at), '[]')
                 FROM case_transfers t WHERE t.case_id = c.id) AS transfers
         FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    return row;
  }

  const auditTrail = (transferId: string) =>
    stack.query<{ action: string; actor: string; consulate: string; details: Body }>(
      `SELECT action, actor_user_id AS actor, consulate_id AS consulate, details FROM audit_events
        WHERE details->>'transferId' = $1 ORDER BY seq`,
      [transferId],
    );

  describe('accepted', () => {
    let caseId: string;
    let oldReference: string;
    let transferId: string;
    let before: Record<string, unknown>;
    let accepted: request.Response;

    beforeAll(async () => {
      // A restricted case (asylum) with an action, a status change and a break-the-glass grant.
      const created = await registerCase({ primaryCategory: 'asylum', riskLevel: 'high' });
      caseId = created.id;
      oldReference = created.reference;
      const action = await http()
        .post(`/api/v1/cases/${caseId}/actions`)
        .set(as('officerA'))
        .send({ type: 'interview', occurredAt: new Date(Date.now() - 60_000).toISOString() });
      expect(action.status).toBe(201);
      const read = await readCase('officerA', caseId);
      const moved = await http()
        .post(`/api/v1/cases/${caseId}/transitions`)
        .set(as('officerA'))
        .set('If-Match', read.headers.etag)
        .send({ to: 'in_progress' });
      expect(moved.status).toBe(200);
      const glass = await http()
        .post(`/api/v1/cases/${caseId}/access-requests`)
        .set(as('supervisorMX'))
        .send({ reason: 'Reviewing the case before it changes post' });
      expect(glass.status).toBe(201);

      const proposed = await propose('officerA', caseId, {
        toConsulateId: posts.receiving,
        reason: `  ${REASON}  `,
      });
      expect(proposed.status).toBe(201);
      transferId = proposed.body.id;
      expect(proposed.headers.location).toBe(`/api/v1/transfers/${transferId}`);
      expect(proposed.body).toEqual(
        expect.objectContaining({
          caseId,
          caseReference: oldReference,
          status: 'pending',
          fromConsulateId: posts.sending,
          fromConsulateName: 'Consulate TRA',
          toConsulateId: posts.receiving,
          toConsulateName: 'Consulate TRB',
          reason: REASON,
          proposedBy: ids.officerA,
          proposedByName: 'Test User',
          decidedBy: null,
          decidedAt: null,
          rejectionReason: null,
          newReference: null,
          case: {
            primaryCategory: 'asylum',
            vulnerabilityFlags: ['indigenous_language'],
            riskLevel: 'high',
            status: 'in_progress',
            restricted: true,
          },
        }),
      );
      before = await stateOf(caseId);
    });

    it('shows the receiving post the transfer and the case summary only, not the case', async () => {
      expect((await readCase('consulB', caseId)).status).toBe(404);
      expect((await listCases('consulB', { reference: oldReference })).body.items).toEqual([]);
      const incoming = await http()
        .get('/api/v1/transfers')
        .query({ direction: 'incoming', status: 'pending' })
        .set(as('consulB'));
      expect(incoming.status).toBe(200);
      const listed = incoming.body.items.find((t: Body) => t.id === transferId);
      expect(listed.case).toEqual(expect.objectContaining({ restricted: true, riskLevel: 'high' }));
      const one = await http().get(`/api/v1/transfers/${transferId}`).set(as('officerB'));
      expect(one.status).toBe(200);
      expect(Object.keys(one.body.case).sort()).toEqual(
        ['primaryCategory', 'restricted', 'riskLevel', 'status', 'vulnerabilityFlags'].sort(),
      );
      const text = JSON.stringify([incoming.body, one.body]);
      expect(text).not.toContain('Juana');
      expect(text).not.toContain('Unpaid wages');
    });

    it('moves the case with a reference of the receiving post, in one version', async () => {
      accepted = await decide('consulB', transferId, 'accept', { assignedOfficerId: ids.officerB });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual(
        expect.objectContaining({
          status: 'accepted',
          decidedBy: ids.consulB,
          caseReference: oldReference,
          newReference: expect.stringMatching(
            new RegExp(`^MX-TRB-${new Date().getUTCFullYear()}-\\d{6}$`),
          ),
        }),
      );
      const after = await stateOf(caseId);
      expect(after).toEqual({
        ...before,
        consulate_id: posts.receiving,
        reference: accepted.body.newReference,
        assigned_officer_id: ids.officerB,
        version: (before.version as number) + 1,
        history: (before.history as number) + 3,
        old_references: 1,
        transfers: [{ id: transferId, status: 'accepted' }],
      });
      const [kept] = await stack.query(
        'SELECT reference, consulate_id, transfer_id FROM case_references WHERE case_id = $1',
        [caseId],
      );
      expect(kept).toEqual({
        reference: oldReference,
        consulate_id: posts.sending,
        transfer_id: transferId,
      });
      const [{ grants }] = await stack.query<{ grants: number }>(
        'SELECT count(*)::int AS grants FROM case_access_requests WHERE case_id = $1',
        [caseId],
      );
      expect(grants).toBe(1);
    });

    it('gives the case to the receiving post, with its actions and history', async () => {
      for (const who of ['officerB', 'consulB']) {
        const read = await readCase(who, caseId);
        expect(read.status).toBe(200);
        expect(read.body).toEqual(
          expect.objectContaining({
            consulateId: posts.receiving,
            reference: accepted.body.newReference,
            restricted: true,
            status: 'in_progress',
          }),
        );
      }
      const actions = await http().get(`/api/v1/cases/${caseId}/actions`).set(as('officerB'));
      expect(actions.body.items).toHaveLength(1);
      const history = await http().get(`/api/v1/cases/${caseId}/history`).set(as('officerB'));
      const moved = (history.body.items as Body[]).filter((h) => h.reason === REASON);
      expect(moved.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
        ['consulateId', posts.sending, posts.receiving],
        ['reference', oldReference, accepted.body.newReference],
        ['assignedOfficerId', ids.officerA, ids.officerB],
      ]);
      expect((history.body.items as Body[]).some((h) => h.field === 'status')).toBe(true);
    });

    it('finds the case by its old reference and its new one, for whoever may read it now', async () => {
      for (const reference of [
        oldReference,
        oldReference.toLowerCase(),
        accepted.body.newReference,
      ])
        expect(
          (await listCases('officerB', { reference })).body.items.map((c: Body) => c.id),
        ).toEqual([caseId]);
      expect((await listCases('officerA', { reference: oldReference })).body.items).toEqual([]);
      expect((await listCases('consulA', { reference: oldReference })).body.items).toEqual([]);
    });

    it('answers 404 to the sending post for the case, which still sees its transfer', async () => {
      for (const who of ['officerA', 'consulA']) {
        expect((await readCase(who, caseId)).status).toBe(404);
        expect((await http().get(`/api/v1/cases/${caseId}/actions`).set(as(who))).status).toBe(404);
      }
      const sent = await http().get(`/api/v1/transfers/${transferId}`).set(as('officerA'));
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual(
        expect.objectContaining({ status: 'accepted', decidedByName: 'Test User' }),
      );
      expect(sent.body.case.status).toBe('in_progress');
    });

    it('refuses a second decision, and changes nothing', async () => {
      const state = await stateOf(caseId);
      for (const [verb, body] of [
        ['accept', {}],
        ['reject', { reason: REJECTION }],
      ] as const) {
        const res = await decide('consulB', transferId, verb, body);
        expect([res.status, res.body.code]).toEqual([409, 'TRANSFER_DECIDED']);
      }
      const cancel = await decide('consulA', transferId, 'cancel');
      expect([cancel.status, cancel.body.code]).toEqual([409, 'TRANSFER_DECIDED']);
      expect(await stateOf(caseId)).toEqual(state);
    });

    it('audits the proposal, the reads and the decision, with ids and no reasons', async () => {
      const trail = await auditTrail(transferId);
      expect(trail.filter((e) => e.action !== 'case.transfer.read')).toEqual([
        expect.objectContaining({
          action: 'case.transfer.propose',
          actor: ids.officerA,
          consulate: posts.sending,
        }),
        expect.objectContaining({
          action: 'case.transfer.accept',
          actor: ids.consulB,
          consulate: posts.receiving,
          details: expect.objectContaining({
            transferId,
            fromConsulateId: posts.sending,
            toConsulateId: posts.receiving,
            assignedOfficerId: ids.officerB,
            fields: ['consulateId', 'reference', 'assignedOfficerId'],
          }),
        }),
      ]);
      expect(trail.filter((e) => e.action === 'case.transfer.read').map((e) => e.actor)).toEqual(
        expect.arrayContaining([ids.officerB, ids.officerA]),
      );
      const leaked = await stack.query('SELECT 1 FROM audit_events WHERE details::text LIKE $1', [
        `%${REASON.slice(0, 20)}%`,
      ]);
      expect(leaked).toEqual([]);
    });
  });

  it('rejects with a reason: nothing of the case moves, and it may be proposed again', async () => {
    const { caseId, transferId } = await pendingTransfer();
    const before = await stateOf(caseId);
    const rejected = await decide('consulB', transferId, 'reject', { reason: REJECTION });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toEqual(
      expect.objectContaining({
        status: 'rejected',
        rejectionReason: REJECTION,
        decidedBy: ids.consulB,
        newReference: null,
      }),
    );
    expect(await stateOf(caseId)).toEqual({
      ...before,
      transfers: [{ id: transferId, status: 'rejected' }],
    });
    expect((await readCase('consulB', caseId)).status).toBe(404);
    expect((await readCase('officerA', caseId)).status).toBe(200);
    expect((await auditTrail(transferId)).map((e) => [e.action, e.actor])).toEqual([
      ['case.transfer.propose', ids.officerA],
      ['case.transfer.reject', ids.consulB],
    ]);
    const again = await propose('consulA', caseId, {
      toConsulateId: posts.otherPost,
      reason: REASON,
    });
    expect(again.status).toBe(201);
  });

  it('is cancelled by who proposed it, the sending consul or a supervisor: nothing moves', async () => {
    const { caseId, transferId } = await pendingTransfer();
    const before = await stateOf(caseId);
    const byColleague = await decide('officerA2', transferId, 'cancel');
    expect([byColleague.status, byColleague.body.code]).toEqual([403, 'TRANSFER_CANCEL_FORBIDDEN']);
    const byReceiver = await decide('officerB', transferId, 'cancel');
    expect([byReceiver.status, byReceiver.body.code]).toEqual([403, 'TRANSFER_CANCEL_FORBIDDEN']);
    expect(await stateOf(caseId)).toEqual(before);
    const cancelled = await decide('officerA', transferId, 'cancel');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual(
      expect.objectContaining({ status: 'cancelled', decidedBy: ids.officerA }),
    );
    expect(await stateOf(caseId)).toEqual({
      ...before,
      transfers: [{ id: transferId, status: 'cancelled' }],
    });
    const accept = await decide('consulB', transferId, 'accept');
    expect([accept.status, accept.body.code]).toEqual([409, 'TRANSFER_DECIDED']);
    expect((await auditTrail(transferId)).map((e) => e.action)).toEqual([
      'case.transfer.propose',
      'case.transfer.cancel',
    ]);
  });

  it('refuses a second proposal while one is pending, and a closed case', async () => {
    const { caseId } = await pendingTransfer();
    const before = await stateOf(caseId);
    const second = await propose('consulA', caseId, {
      toConsulateId: posts.otherPost,
      reason: REASON,
    });
    expect([second.status, second.body.code]).toEqual([409, 'TRANSFER_PENDING']);
    expect(await stateOf(caseId)).toEqual(before);

    const closedCase = await registerCase();
    const read = await readCase('officerA', closedCase.id);
    const closed = await http()
      .post(`/api/v1/cases/${closedCase.id}/transitions`)
      .set(as('officerA'))
      .set('If-Match', read.headers.etag)
      .send({ to: 'closed', closureReason: 'resolved' });
    expect(closed.status).toBe(200);
    const closedBefore = await stateOf(closedCase.id);
    const refused = await propose('officerA', closedCase.id, {
      toConsulateId: posts.receiving,
      reason: REASON,
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'TRANSFER_CASE_CLOSED']);
    expect(await stateOf(closedCase.id)).toEqual(closedBefore);
  });

  it('replays a proposal retried with the same Idempotency-Key instead of refusing it', async () => {
    const { id } = await registerCase();
    const send = () =>
      http()
        .post(`/api/v1/cases/${id}/transfers`)
        .set(as('officerA'))
        .set('Idempotency-Key', `transfer-${id}`)
        .send({ toConsulateId: posts.receiving, reason: REASON });
    const first = await send();
    const retry = await send();
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect((await stateOf(id)).transfers).toHaveLength(1);
  });

  describe('bad input: a field-by-field 400, and nothing changes', () => {
    const PROPOSALS: [string, (p: typeof posts) => Body, [string, string][]][] = [
      ['a missing reason', (p) => ({ toConsulateId: p.receiving }), [['reason', 'REQUIRED']]],
      [
        'a blank reason',
        (p) => ({ toConsulateId: p.receiving, reason: '              ' }),
        [['reason', 'TOO_SHORT']],
      ],
      [
        'a reason under 10 characters',
        (p) => ({ toConsulateId: p.receiving, reason: '  too short  ' }),
        [['reason', 'TOO_SHORT']],
      ],
      [
        'a reason over 2000 characters',
        (p) => ({ toConsulateId: p.receiving, reason: 'x'.repeat(2001) }),
        [['reason', 'TOO_LONG']],
      ],
      ['a missing post', () => ({ reason: REASON }), [['toConsulateId', 'REQUIRED']]],
      [
        'a post id that is not a UUID',
        () => ({ toConsulateId: 'TRB', reason: REASON }),
        [['toConsulateId', 'NOT_A_UUID']],
      ],
      [
        'a missing reason and a malformed post',
        () => ({ toConsulateId: 42 }),
        [
          ['toConsulateId', 'NOT_A_UUID'],
          ['reason', 'REQUIRED'],
        ],
      ],
      [
        'the case’s own post',
        (p) => ({ toConsulateId: p.sending, reason: REASON }),
        [['toConsulateId', 'SAME_CONSULATE']],
      ],
      [
        'a post of another country',
        (p) => ({ toConsulateId: p.otherCountry, reason: REASON }),
        [['toConsulateId', 'CONSULATE_OF_ANOTHER_COUNTRY']],
      ],
      [
        'an inactive post',
        (p) => ({ toConsulateId: p.inactive, reason: REASON }),
        [['toConsulateId', 'CONSULATE_INACTIVE']],
      ],
      [
        'an unknown post',
        () => ({ toConsulateId: randomUUID(), reason: REASON }),
        [['toConsulateId', 'UNKNOWN_CONSULATE']],
      ],
      [
        'an unknown field',
        (p) => ({ toConsulateId: p.receiving, reason: REASON, urgent: true }),
        [['urgent', 'UNKNOWN_FIELD']],
      ],
    ];

    let caseId: string;
    beforeAll(async () => {
      caseId = (await registerCase()).id;
    });

    it.each(PROPOSALS)('refuses a proposal with %s', async (_label, body, errors) => {
      const before = await stateOf(caseId);
      const res = await propose('officerA', caseId, body(posts));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(
        (res.body.errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
      ).toEqual(errors);
      expect(await stateOf(caseId)).toEqual(before);
    });

    it('answers 404 for a case id that is not a UUID or names no case', async () => {
      for (const id of ['not-a-uuid', randomUUID()]) {
        const res = await propose('officerA', id, {
          toConsulateId: posts.receiving,
          reason: REASON,
        });
        expect([res.status, res.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
      }
    });

    const ACCEPTANCES: [string, () => Body, [string, string][]][] = [
      [
        'an assignee id that is not a UUID',
        () => ({ assignedOfficerId: 'officer-b' }),
        [['assignedOfficerId', 'NOT_A_UUID']],
      ],
      [
        'an unknown assignee',
        () => ({ assignedOfficerId: randomUUID() }),
        [['assignedOfficerId', 'OFFICER_NOT_AT_POST']],
      ],
      [
        'an officer of the sending post as assignee',
        () => ({ assignedOfficerId: ids.officerA }),
        [['assignedOfficerId', 'OFFICER_NOT_AT_POST']],
      ],
      [
        'a supervisor as assignee',
        () => ({ assignedOfficerId: ids.supervisorMX }),
        [['assignedOfficerId', 'OFFICER_NOT_AT_POST']],
      ],
    ];

    it.each(ACCEPTANCES)('refuses an acceptance with %s', async (_label, body, errors) => {
      const { caseId: id, transferId } = await pendingTransfer();
      const before = await stateOf(id);
      const res = await decide('consulB', transferId, 'accept', body());
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(
        (res.body.errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
      ).toEqual(errors);
      expect(await stateOf(id)).toEqual(before);
    });

    const REJECTIONS: [string, Body, [string, string][]][] = [
      ['a missing reason', {}, [['reason', 'REQUIRED']]],
      ['a blank reason', { reason: '             ' }, [['reason', 'TOO_SHORT']]],
      ['a short reason', { reason: 'no staff' }, [['reason', 'TOO_SHORT']]],
      ['a reason that is not text', { reason: 12345678901 }, [['reason', 'NOT_A_STRING']]],
    ];

    it.each(REJECTIONS)('refuses a rejection with %s', async (_label, body, errors) => {
      const { caseId: id, transferId } = await pendingTransfer();
      const before = await stateOf(id);
      const res = await decide('consulB', transferId, 'reject', body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(
        (res.body.errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
      ).toEqual(errors);
      expect(await stateOf(id)).toEqual(before);
    });

    it('answers 404 for a transfer id that is not a UUID or names no transfer', async () => {
      for (const id of ['not-a-uuid', randomUUID()]) {
        for (const res of [
          await http().get(`/api/v1/transfers/${id}`).set(as('consulB')),
          await decide('consulB', id, 'accept'),
          await decide('consulB', id, 'reject', { reason: REJECTION }),
          await decide('consulA', id, 'cancel'),
        ])
          expect([res.status, res.body.code]).toEqual([404, 'TRANSFER_NOT_FOUND']);
      }
    });

    it('refuses a malformed list query', async () => {
      const res = await http()
        .get('/api/v1/transfers')
        .query({ direction: 'sideways', status: 'done' })
        .set(as('consulB'));
      expect(res.status).toBe(400);
      expect(
        (res.body.errors as { field: string; code: string }[]).map((e) => e.field).sort(),
      ).toEqual(['direction', 'status']);
    });
  });

  describe('lists', () => {
    it('lists newest first by direction and status, a page at a time, and audits each read', async () => {
      const first = await pendingTransfer();
      const second = await pendingTransfer();
      const page = (who: string, query: Body) =>
        http().get('/api/v1/transfers').query(query).set(as(who));
      const one = await page('consulB', { direction: 'incoming', status: 'pending', limit: 1 });
      expect(one.body.items.map((t: Body) => t.id)).toEqual([second.transferId]);
      const two = await page('consulB', {
        direction: 'incoming',
        status: 'pending',
        limit: 1,
        cursor: one.body.nextCursor,
      });
      expect(two.body.items.map((t: Body) => t.id)).toEqual([first.transferId]);
      const outgoing = await page('consulB', { direction: 'outgoing' });
      expect(outgoing.body.items).toEqual([]);
      const sent = await page('officerA2', { direction: 'outgoing', status: 'pending' });
      expect(sent.body.items.map((t: Body) => t.id).slice(0, 2)).toEqual([
        second.transferId,
        first.transferId,
      ]);
      expect((await page('officerA2', { direction: 'incoming' })).body.items).toEqual([]);
      const cancelled = await page('consulB', { status: 'cancelled' });
      expect(cancelled.body.items.every((t: Body) => t.status === 'cancelled')).toBe(true);

      const [{ n }] = await stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events
          WHERE action = 'case.transfer.list' AND actor_user_id = $1`,
        [ids.officerA2],
      );
      expect(n).toBe(2);
    });

    it('counts the pending transfers awaiting the caller and those they sent', async () => {
      const service = app.get(TransfersService);
      const callerWith = (userId: string, grants: Caller['grants']): Caller => {
        const roles = [...new Set(grants.map((g) => g.role))] as Role[];
        return {
          userId,
          email: 'x@amparo.test',
          displayName: 'Test User',
          locale: 'es',
          countryCode: 'MX',
          mfaEnabled: false,
          sessionId: randomUUID(),
          grants,
          roles,
          permissions: permissionsOf(roles),
        };
      };
      const post = (role: Role, consulateId: string) => ({
        role,
        consulateId,
        countryCode: 'MX',
        organisationId: null,
      });
      const pending = Number(
        (
          await stack.query<{ n: string }>(
            `SELECT count(*) AS n FROM case_transfers WHERE status = 'pending'`,
          )
        )[0].n,
      );
      const fromA = Number(
        (
          await stack.query<{ n: string }>(
            `SELECT count(*) AS n FROM case_transfers WHERE status = 'pending' AND from_consulate_id = $1`,
            [posts.sending],
          )
        )[0].n,
      );
      const toB = Number(
        (
          await stack.query<{ n: string }>(
            `SELECT count(*) AS n FROM case_transfers WHERE status = 'pending' AND to_consulate_id = $1`,
            [posts.receiving],
          )
        )[0].n,
      );
      expect(toB).toBeGreaterThan(0);
      expect(
        await service.pendingCounts(callerWith(ids.consulB, [post('consul', posts.receiving)])),
      ).toEqual({ incoming: toB, outgoing: 0 });
      expect(
        await service.pendingCounts(callerWith(ids.officerA2, [post('officer', posts.sending)])),
      ).toEqual({ incoming: 0, outgoing: fromA });
      expect(
        await service.pendingCounts(
          callerWith(ids.supervisorMX, [
            { role: 'supervisor', consulateId: null, countryCode: 'MX', organisationId: null },
          ]),
        ),
      ).toEqual({ incoming: pending, outgoing: 0 });
      expect(
        await service.pendingCounts(
          callerWith(randomUUID(), [post('officer', posts.otherCountry)]),
        ),
      ).toEqual({ incoming: 0, outgoing: 0 });
    });
  });

  describe('permission matrix', () => {
    const expectations = MATRIX.flatMap(({ actor, may }) =>
      (Object.entries(may) as [Route, Outcome][]).map(([route, outcome]) => ({
        actor,
        route,
        outcome,
      })),
    );

    it.each(expectations)('$route by the $actor: $outcome', async ({ actor, route, outcome }) => {
      if (route === 'propose') {
        const fresh = await registerCase();
        const before = await stateOf(fresh.id);
        const res = await propose(actor, fresh.id, {
          toConsulateId: posts.receiving,
          reason: REASON,
        });
        expect(res.status).toBe(outcome);
        if (res.status !== 201) expect(await stateOf(fresh.id)).toEqual(before);
        return;
      }
      const { caseId, transferId } = await pendingTransfer();
      let res: request.Response;
      if (route === 'list') {
        res = await http().get('/api/v1/transfers').query({ limit: 10 }).set(as(actor));
      } else if (route === 'get') {
        res = await http().get(`/api/v1/transfers/${transferId}`).set(as(actor));
      } else {
        res = await decide(
          actor,
          transferId,
          route,
          route === 'reject' ? { reason: REJECTION } : {},
        );
      }
      const seen =
        route === 'list' && res.status === 200
          ? (res.body.items as Body[]).some((t) => t.id === transferId)
            ? 'listed'
            : 'not listed'
          : res.status;
      expect(seen).toBe(outcome);
      if (typeof outcome === 'number' && outcome >= 400) {
        const [transfer] = await stack.query('SELECT status FROM case_transfers WHERE id = $1', [
          transferId,
        ]);
        expect(transfer).toEqual({ status: 'pending' });
        expect((await stateOf(caseId)).consulate_id).toBe(posts.sending);
      }
    });
  });
});
