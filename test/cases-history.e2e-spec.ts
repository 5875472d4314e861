import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;
type Entry = {
  id: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  changedBy: string;
  reason: string | null;
  masked: boolean;
};

describe('Case history: order of the entries and the reasons of transitions', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    const otherPost = await createConsulate(stack, 'MX');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await signInAs('officer2', [{ role: 'officer', consulateId: post }]);
    await signInAs('consul', [{ role: 'consul', consulateId: post }]);
    await signInAs('otherOfficer', [{ role: 'officer', consulateId: otherPost }]);
    await signInAs('supervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
    await signInAs('supervisorGT', [{ role: 'supervisor', countryCode: 'GT' }]);
    await signInAs('analyst', [{ role: 'analyst', countryCode: 'MX' }]);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const http = () => request(app.getHttpServer());
  const bearer = (who: string) => `Bearer ${tokens[who]}`;

  async function createCase(overrides: Body = {}): Promise<{ id: string; etag: string }> {
    const res = await http()
      .post('/api/v1/cases')
      .set('Authorization', bearer('officer'))
      .send({
        consulateId: post,
        primaryCategory: 'criminal_detention',
        summary: 'Held at county jail.',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Rosa',
              familyNames: `Méndez ${randomUUID().slice(0, 6)}`,
              dateOfBirth: '1991-03-02',
              sex: 'female',
              nationalityCode: 'MX',
            },
          },
        ],
        ...overrides,
      });
    expect(res.status).toBe(201);
    return { id: res.body.id, etag: res.headers.etag };
  }

  /** Moves the case and returns its new ETag. */
  async function move(who: string, id: string, etag: string, body: Body): Promise<string> {
    const res = await http()
      .post(`/api/v1/cases/${id}/transitions`)
      .set('Authorization', bearer(who))
      .set('If-Match', etag)
      .send(body);
    expect(res.status).toBe(200);
    return res.headers.etag;
  }

  const historyOf = (who: string, id: string) =>
    http().get(`/api/v1/cases/${id}/history`).set('Authorization', bearer(who));

  const history = async (who: string, id: string): Promise<Entry[]> => {
    const res = await historyOf(who, id);
    expect(res.status).toBe(200);
    return res.body.items;
  };

  const statusChanges = async (who: string, id: string) =>
    (await history(who, id))
      .filter((e) => e.field === 'status')
      .map(({ oldValue, newValue, changedBy, reason }) => ({
        from: oldValue,
        to: newValue,
        changedBy,
        reason,
      }));

  describe('order', () => {
    it('returns more than nine entries in the order they were made, across ids of two and three digits', async () => {
      // Entry ids from 96 on: a text sort would put "100".."107" before "96".."99".
      await stack.query('ALTER TABLE case_history ALTER COLUMN id RESTART WITH 96');
      const { id, etag } = await createCase();
      let current = etag;
      const notes = Array.from({ length: 12 }, (_, i) => `Note ${i + 1}`);
      for (const summary of notes) {
        const res = await http()
          .patch(`/api/v1/cases/${id}`)
          .set('Authorization', bearer('officer'))
          .set('If-Match', current)
          .send({ summary });
        expect(res.status).toBe(200);
        current = res.headers.etag;
      }

      const items = await history('officer', id);
      expect(items.map((e) => e.newValue)).toEqual(notes);
      const entryIds = items.map((e) => BigInt(e.id));
      expect(entryIds[0]).toBe(96n);
      expect(entryIds.every((n, i) => i === 0 || n > entryIds[i - 1])).toBe(true);
    });
  });

  describe('transition reasons', () => {
    it('keeps the reason of putting a case on hold with its status change', async () => {
      const { id, etag } = await createCase();
      const working = await move('officer', id, etag, { to: 'in_progress' });
      await move('officer', id, working, {
        to: 'waiting',
        reason: '  Waiting for the court to set the hearing date  ',
      });
      expect(await statusChanges('officer', id)).toEqual([
        { from: 'open', to: 'in_progress', changedBy: ids.officer, reason: null },
        {
          from: 'in_progress',
          to: 'waiting',
          changedBy: ids.officer,
          reason: 'Waiting for the court to set the hearing date',
        },
      ]);
    });

    it('keeps the reason of a consul sending a closure request back', async () => {
      const { id, etag } = await createCase({ vulnerabilityFlags: ['unaccompanied_child'] });
      const requested = await move('officer', id, etag, {
        to: 'closure_requested',
        closureReason: 'resolved',
      });
      await move('consul', id, requested, {
        to: 'in_progress',
        reason: 'Reunification with the mother is not confirmed',
      });
      const items = await history('officer', id);
      expect(items.filter((e) => e.field === 'requestedClosureReason')).toEqual([
        expect.objectContaining({ oldValue: null, newValue: 'resolved', reason: null }),
        expect.objectContaining({ oldValue: 'resolved', newValue: null, reason: null }),
      ]);
      expect(await statusChanges('officer', id)).toEqual([
        { from: 'open', to: 'closure_requested', changedBy: ids.officer, reason: null },
        {
          from: 'closure_requested',
          to: 'in_progress',
          changedBy: ids.consul,
          reason: 'Reunification with the mother is not confirmed',
        },
      ]);
    });

    it('keeps the reason of reopening, next to the closure reason and its approval', async () => {
      const { id, etag } = await createCase({ riskLevel: 'critical' });
      const requested = await move('officer', id, etag, {
        to: 'closure_requested',
        closureReason: 'returned_to_country',
      });
      const closed = await move('consul', id, requested, { to: 'closed' });
      await move('supervisor', id, closed, {
        to: 'reopened',
        reason: 'The family reports he was detained again at the border',
      });
      const items = await history('officer', id);
      expect(items.filter((e) => e.field === 'closureReason')).toEqual([
        expect.objectContaining({ newValue: 'returned_to_country', changedBy: ids.consul }),
        expect.objectContaining({ oldValue: 'returned_to_country', newValue: null }),
      ]);
      expect(await statusChanges('officer', id)).toEqual([
        { from: 'open', to: 'closure_requested', changedBy: ids.officer, reason: null },
        { from: 'closure_requested', to: 'closed', changedBy: ids.consul, reason: null },
        {
          from: 'closed',
          to: 'reopened',
          changedBy: ids.supervisor,
          reason: 'The family reports he was detained again at the border',
        },
      ]);
    });

    it('keeps a reason given to a transition that does not require one', async () => {
      const { id, etag } = await createCase();
      await move('officer', id, etag, {
        to: 'in_progress',
        reason: 'Public defender assigned today',
      });
      expect(await statusChanges('officer', id)).toEqual([
        expect.objectContaining({ to: 'in_progress', reason: 'Public defender assigned today' }),
      ]);
    });

    it('refuses a blank reason where one is required, and records nothing', async () => {
      const { id, etag } = await createCase();
      const working = await move('officer', id, etag, { to: 'in_progress' });
      const res = await http()
        .post(`/api/v1/cases/${id}/transitions`)
        .set('Authorization', bearer('officer'))
        .set('If-Match', working)
        .send({ to: 'waiting', reason: '   ' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      expect(await statusChanges('officer', id)).toEqual([
        expect.objectContaining({ to: 'in_progress' }),
      ]);
    });
  });

  describe('who sees a reason', () => {
    const reason = `Shelter staff report threats ${randomUUID().slice(0, 8)}`;
    let plain: string;
    let restricted: string;

    beforeAll(async () => {
      const a = await createCase();
      plain = a.id;
      const working = await move('officer', plain, a.etag, { to: 'in_progress' });
      await move('officer', plain, working, { to: 'waiting', reason });

      const b = await createCase({ primaryCategory: 'asylum' });
      restricted = b.id;
      const moving = await move('officer', restricted, b.etag, { to: 'in_progress' });
      await move('officer', restricted, moving, { to: 'waiting', reason });
    });

    it.each(['officer', 'officer2', 'consul', 'supervisor'])(
      'shows it to %s, who may read the case',
      async (who) => {
        expect(await statusChanges(who, plain)).toContainEqual(
          expect.objectContaining({ to: 'waiting', reason }),
        );
      },
    );

    it.each([
      ['an officer of another post', 'otherOfficer', 404],
      ['a supervisor of another country', 'supervisorGT', 404],
      ['an analyst', 'analyst', 403],
    ])('keeps it from %s', async (_label, who, status) => {
      const res = await historyOf(who, plain);
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body)).not.toContain(reason);
    });

    it('keeps it on a restricted case from officers of the post who are not assigned', async () => {
      expect(await statusChanges('officer', restricted)).toContainEqual(
        expect.objectContaining({ to: 'waiting', reason }),
      );
      const res = await historyOf('officer2', restricted);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CASE_RESTRICTED');
      expect(JSON.stringify(res.body)).not.toContain(reason);
    });

    it('audits each reading of the history, and the audit log never holds the reason', async () => {
      const reads = async () =>
        Number(
          (
            await stack.query<{ n: string }>(
              `SELECT count(*) AS n FROM audit_events
                WHERE action = 'case.history.read' AND resource_id = $1 AND actor_user_id = $2`,
              [plain, ids.supervisor],
            )
          )[0].n,
        );
      const before = await reads();
      await history('supervisor', plain);
      expect(await reads()).toBe(before + 1);
      const leaked = await stack.query('SELECT 1 FROM audit_events WHERE details::text LIKE $1', [
        `%${reason}%`,
      ]);
      expect(leaked).toEqual([]);
    });
  });
});
