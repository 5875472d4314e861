import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;

/**
 * Optimistic concurrency of the writes that change who works a case and where it stands: two
 * clients that read the same ETag cannot both write, and an If-Match the server never issued
 * writes nothing.
 */
describe('Cases: version checks of transitions and assignment', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await signInAs('officer2', [{ role: 'officer', consulateId: post }]);
    await signInAs('officer3', [{ role: 'officer', consulateId: post }]);
    await signInAs('consul', [{ role: 'consul', consulateId: post }]);
    await signInAs('supervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const http = () => request(app.getHttpServer());
  const bearer = (who: string) => `Bearer ${tokens[who]}`;

  async function createCase(): Promise<{ id: string; etag: string }> {
    const res = await http()
      .post('/api/v1/cases')
      .set('Authorization', bearer('officer'))
      .send({
        consulateId: post,
        primaryCategory: 'labour_rights',
        summary: 'Unpaid wages for four months at a packing plant.',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Marta',
              familyNames: `Quispe ${randomUUID().slice(0, 6)}`,
              dateOfBirth: '1979-11-05',
              sex: 'female',
              nationalityCode: 'MX',
            },
          },
        ],
      });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"v1"');
    return { id: res.body.id, etag: res.headers.etag };
  }

  const transition = (who: string, id: string, ifMatch: string, body: Body) =>
    http()
      .post(`/api/v1/cases/${id}/transitions`)
      .set('Authorization', bearer(who))
      .set('If-Match', ifMatch)
      .send(body);

  const assign = (who: string, id: string, ifMatch: string, officer: string) =>
    http()
      .post(`/api/v1/cases/${id}/assignment`)
      .set('Authorization', bearer(who))
      .set('If-Match', ifMatch)
      .send({ officerId: ids[officer] });

  /** What a write changes: the case row, its history and the audit events of its writes. */
  async function snapshot(id: string) {
    const [row] = await stack.query(
      `SELECT status, assigned_officer_id AS "assignedOfficerId", version, closed_at AS "closedAt",
              closure_reason AS "closureReason", requested_closure_reason AS "requestedClosureReason",
              updated_at AS "updatedAt"
         FROM cases WHERE id = $1`,
      [id],
    );
    const history = await stack.query(
      'SELECT field, new_value AS "newValue" FROM case_history WHERE case_id = $1 ORDER BY id',
      [id],
    );
    const writes = await stack.query(
      `SELECT action, actor_user_id AS "actorUserId" FROM audit_events
        WHERE resource_id = $1 AND action IN ('case.transition', 'case.assign', 'case.update')
        ORDER BY seq`,
      [id],
    );
    const etag = (await http().get(`/api/v1/cases/${id}`).set('Authorization', bearer('consul')))
      .headers.etag;
    return { row, history, writes, etag };
  }

  const expectPreconditionFailed = (res: request.Response) => {
    expect(res.status).toBe(412);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('VERSION_CONFLICT');
  };

  /** Of writers racing with one ETag, exactly one succeeds and the others get 412. */
  const onlyWinner = (answers: request.Response[]) => {
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412, 412, 412]);
    answers.filter((a) => a.status === 412).forEach(expectPreconditionFailed);
    return answers.find((a) => a.status === 200)!;
  };

  describe('transitions', () => {
    it('answers a success with the next ETag, which the next writer must send', async () => {
      const { id, etag } = await createCase();
      const moved = await transition('officer', id, etag, { to: 'in_progress' });
      expect(moved.status).toBe(200);
      expect(moved.headers.etag).toBe('"v2"');
      expect(moved.body.version).toBe(2);
      const held = await transition('officer', id, moved.headers.etag, {
        to: 'waiting',
        reason: 'Waiting for the employer to answer the labour office',
      });
      expect(held.status).toBe(200);
      expect(held.headers.etag).toBe('"v3"');
      expect((await snapshot(id)).etag).toBe('"v3"');
    });

    it('answers 412, not an invalid transition, to the loser of a race for the same transition', async () => {
      const { id, etag } = await createCase();
      expect((await transition('officer', id, etag, { to: 'in_progress' })).status).toBe(200);
      const before = await snapshot(id);
      // From the status the second client read, the move was valid; only the ETag is stale.
      const second = await transition('officer2', id, etag, { to: 'in_progress' });
      expectPreconditionFailed(second);
      expect(await snapshot(id)).toEqual(before);
    });

    it('refuses the second of two clients that read the same ETag with 412, and changes nothing', async () => {
      const { id, etag } = await createCase();
      const first = await transition('officer', id, etag, { to: 'in_progress' });
      expect(first.status).toBe(200);
      const before = await snapshot(id);

      // Closing is allowed from in_progress too: only the stale ETag stands in the way.
      const second = await transition('officer2', id, etag, {
        to: 'closed',
        closureReason: 'resolved',
      });
      expectPreconditionFailed(second);
      expect(await snapshot(id)).toEqual(before);
      expect(before.row).toMatchObject({ status: 'in_progress', version: 2, closedAt: null });
    });

    it.each([
      ['the next version', '"v2"'],
      ['a far future version', '"v999999999"'],
      ['a weak future version', 'W/"v5"'],
    ])('refuses an If-Match with %s with 412, and changes nothing', async (_label, forged) => {
      const { id } = await createCase();
      const before = await snapshot(id);
      const res = await transition('officer', id, forged, {
        to: 'closed',
        closureReason: 'declined_assistance',
      });
      expectPreconditionFailed(res);
      expect(await snapshot(id)).toEqual(before);
      expect(before.row).toMatchObject({ status: 'open', version: 1 });
    });

    it('lets exactly one of four simultaneous transitions with the same ETag through', async () => {
      const { id, etag } = await createCase();
      const answers = await Promise.all([
        transition('officer', id, etag, { to: 'closed', closureReason: 'resolved' }),
        transition('officer2', id, etag, {
          to: 'closure_requested',
          closureReason: 'lost_contact',
        }),
        transition('officer3', id, etag, { to: 'in_progress' }),
        transition('consul', id, etag, { to: 'closed', closureReason: 'declined_assistance' }),
      ]);
      const winner = onlyWinner(answers);
      const after = await snapshot(id);
      expect(after.row).toMatchObject({ status: winner.body.status, version: 2 });
      expect(after.etag).toBe(winner.headers.etag);
      expect(after.history.filter((h) => h.field === 'status')).toEqual([
        { field: 'status', newValue: winner.body.status },
      ]);
      expect(after.writes).toHaveLength(1);
    });
  });

  describe('assignment', () => {
    it('answers a success with the next ETag, which the next writer must send', async () => {
      const { id, etag } = await createCase();
      const first = await assign('consul', id, etag, 'officer2');
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBe('"v2"');
      const second = await assign('supervisor', id, first.headers.etag, 'officer3');
      expect(second.status).toBe(200);
      expect(second.headers.etag).toBe('"v3"');
      expect((await snapshot(id)).row).toMatchObject({
        assignedOfficerId: ids.officer3,
        version: 3,
      });
    });

    it('refuses the second of two clients that read the same ETag with 412, and changes nothing', async () => {
      const { id, etag } = await createCase();
      const first = await assign('consul', id, etag, 'officer2');
      expect(first.status).toBe(200);
      const before = await snapshot(id);

      const second = await assign('supervisor', id, etag, 'officer3');
      expectPreconditionFailed(second);
      expect(await snapshot(id)).toEqual(before);
      expect(before.row).toMatchObject({ assignedOfficerId: ids.officer2, version: 2 });
    });

    it.each([
      ['the next version', '"v2"'],
      ['a far future version', '"v999999999"'],
    ])('refuses an If-Match with %s with 412, and changes nothing', async (_label, forged) => {
      const { id } = await createCase();
      const before = await snapshot(id);
      const res = await assign('consul', id, forged, 'officer2');
      expectPreconditionFailed(res);
      expect(await snapshot(id)).toEqual(before);
      expect(before.row).toMatchObject({ assignedOfficerId: ids.officer, version: 1 });
    });

    it('lets exactly one of four simultaneous assignments with the same ETag through', async () => {
      const { id, etag } = await createCase();
      const answers = await Promise.all([
        assign('consul', id, etag, 'officer2'),
        assign('supervisor', id, etag, 'officer3'),
        assign('consul', id, etag, 'officer3'),
        assign('supervisor', id, etag, 'officer2'),
      ]);
      const winner = onlyWinner(answers);
      const after = await snapshot(id);
      expect(after.row).toMatchObject({
        assignedOfficerId: winner.body.assignedOfficerId,
        version: 2,
      });
      expect(after.history).toEqual([
        { field: 'assignedOfficerId', newValue: winner.body.assignedOfficerId },
      ]);
      expect(after.writes).toHaveLength(1);
    });

    it('refuses an assignment with the ETag of before a transition, and keeps the transition', async () => {
      const { id, etag } = await createCase();
      const moved = await transition('officer', id, etag, { to: 'in_progress' });
      expect(moved.status).toBe(200);
      const before = await snapshot(id);
      const stale = await assign('consul', id, etag, 'officer2');
      expectPreconditionFailed(stale);
      expect(await snapshot(id)).toEqual(before);
      expect(before.row).toMatchObject({ status: 'in_progress', assignedOfficerId: ids.officer });
    });
  });
});
