import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, signedInUsers } from './utils/identity';
import { assessBestInterests } from './utils/best-interest';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Status = 'open' | 'in_progress' | 'waiting' | 'closure_requested' | 'closed' | 'reopened';
type Body = Record<string, unknown>;
interface Offered {
  to: Status;
  reasonRequired: boolean;
  closureReasonRequired: boolean;
}

const STATUSES: Status[] = [
  'open',
  'in_progress',
  'waiting',
  'closure_requested',
  'closed',
  'reopened',
];

/** Allowed steps from a new (open) case to each status, and who takes them. */
const PATH_TO: Record<Status, [Body, string][]> = {
  open: [],
  in_progress: [[{ to: 'in_progress' }, 'officer']],
  waiting: [
    [{ to: 'in_progress' }, 'officer'],
    [{ to: 'waiting', reason: 'Waiting for the court' }, 'officer'],
  ],
  closure_requested: [[{ to: 'closure_requested', closureReason: 'resolved' }, 'officer']],
  closed: [[{ to: 'closed', closureReason: 'resolved' }, 'consul']],
  reopened: [
    [{ to: 'closed', closureReason: 'resolved' }, 'consul'],
    [{ to: 'reopened', reason: 'New information' }, 'consul'],
  ],
};

/** A refusal is a 403 (role) or 409 (status); anything else is a test failure worth seeing. */
const refusal = (status: number) => ([403, 409].includes(status) ? 'refused' : `HTTP ${status}`);

const KINDS: [string, Body][] = [
  ['an ordinary case', {}],
  ['a case of an unaccompanied child', { vulnerabilityFlags: ['unaccompanied_child'] }],
];

/** Who reads the case: its post's officer (not assigned) and consul, the country's supervisor. */
const READERS = ['officer2', 'consul', 'supervisor'];

// Offered ⇔ accepted: what a detail response offers, the API accepts; what it does not, it refuses.
describe('Cases: allowedTransitions and callerMay agree with what the API accepts', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  let otherPost: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));

  const http = () => request(app.getHttpServer());
  const bearer = (who: string) => `Bearer ${tokens[who]}`;

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    otherPost = await createConsulate(stack, 'MX');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await signInAs('officer2', [{ role: 'officer', consulateId: post }]);
    await signInAs('consul', [{ role: 'consul', consulateId: post }]);
    await signInAs('supervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const read = (who: string, id: string) =>
    http().get(`/api/v1/cases/${id}`).set('Authorization', bearer(who));

  const transition = (who: string, id: string, etag: string, body: Body) =>
    http()
      .post(`/api/v1/cases/${id}/transitions`)
      .set('Authorization', bearer(who))
      .set('If-Match', etag)
      .send(body);

  /** A fresh case of this kind, brought to `status` by the roles the workflow lets. */
  async function caseIn(status: Status, kind: Body): Promise<string> {
    const created = await http()
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
              familyNames: `Díaz ${randomUUID().slice(0, 6)}`,
              sex: 'female',
              nationalityCode: 'MX',
            },
          },
        ],
        ...kind,
      });
    expect(created.status).toBe(201);
    await assessBestInterests(stack, created.body.id);
    let etag = created.headers.etag as string;
    for (const [step, who] of PATH_TO[status]) {
      const res = await transition(who, created.body.id, etag, step);
      expect(res.status).toBe(200);
      etag = res.headers.etag;
    }
    return created.body.id as string;
  }

  /** Only what the offer says is required, so a missing flag would fail the transition. */
  const bodyFor = (offer: Offered): Body => ({
    to: offer.to,
    ...(offer.reasonRequired ? { reason: 'Because of the hearing' } : {}),
    ...(offer.closureReasonRequired ? { closureReason: 'resolved' } : {}),
  });

  describe.each(KINDS)('on %s', (_label, kind) => {
    it.each(STATUSES.flatMap((s) => READERS.map((who) => [s, who] as const)))(
      'in status %s, the %s may take every offered transition and no other',
      async (status, who) => {
        const id = await caseIn(status, kind);
        const detail = await read(who, id);
        expect(detail.status).toBe(200);
        const offered = detail.body.allowedTransitions as Offered[];
        for (const to of STATUSES.filter((s) => !offered.some((o) => o.to === s))) {
          const refused = await transition(who, id, detail.headers.etag, {
            to,
            reason: 'Trying anyway',
            closureReason: 'resolved',
          });
          expect({ to, refusedAs: refusal(refused.status) }).toEqual({ to, refusedAs: 'refused' });
        }
        const unchanged = await read(who, id);
        expect(unchanged.headers.etag).toBe(detail.headers.etag);
        for (const [index, offer] of offered.entries()) {
          const target = index === 0 ? id : await caseIn(status, kind);
          const etag = (await read(who, target)).headers.etag;
          const res = await transition(who, target, etag, bodyFor(offer));
          expect({ offer, status: res.status }).toEqual({ offer, status: 200 });
          expect(res.body.status).toBe(offer.to);
          expect(res.body.allowedTransitions).toBeInstanceOf(Array);
        }
      },
    );
  });

  it('offers the officer only a closure request on a child case, and the consul direct closure', async () => {
    const id = await caseIn('in_progress', KINDS[1][1]);
    const offered = async (who: string) =>
      ((await read(who, id)).body.allowedTransitions as Offered[]).map((o) => o.to);
    expect(await offered('officer2')).toEqual(['waiting', 'closure_requested']);
    expect(await offered('consul')).toEqual(['waiting', 'closed']);
    expect(await offered('supervisor')).toEqual([]);
  });

  describe('callerMay', () => {
    const attempts = {
      update: (who: string, id: string, etag: string) =>
        http()
          .patch(`/api/v1/cases/${id}`)
          .set('Authorization', bearer(who))
          .set('If-Match', etag)
          .send({ riskLevel: 'medium' }),
      assign: (who: string, id: string, etag: string) =>
        http()
          .post(`/api/v1/cases/${id}/assignment`)
          .set('Authorization', bearer(who))
          .set('If-Match', etag)
          .send({ officerId: ids.officer2 }),
      recordActions: (who: string, id: string) =>
        http()
          .post(`/api/v1/cases/${id}/actions`)
          .set('Authorization', bearer(who))
          .send({ type: 'interview', occurredAt: new Date(Date.now() - 60_000).toISOString() }),
      transfer: (who: string, id: string) =>
        http()
          .post(`/api/v1/cases/${id}/transfers`)
          .set('Authorization', bearer(who))
          .send({ toConsulateId: otherPost, reason: 'The person moved to the other city' }),
    };

    it.each(
      (['in_progress', 'closed'] as Status[]).flatMap((s) =>
        ['officer', ...READERS].map((who) => [s, who] as const),
      ),
    )('in status %s, what the %s may do is what the API accepts', async (status, who) => {
      const id = await caseIn(status, {});
      const detail = await read(who, id);
      const may = detail.body.callerMay as Record<keyof typeof attempts, boolean>;
      for (const action of Object.keys(attempts) as (keyof typeof attempts)[]) {
        const etag = (await read(who, id)).headers.etag;
        const res = await attempts[action](who, id, etag);
        expect({ action, outcome: res.status < 300 ? 'accepted' : refusal(res.status) }).toEqual({
          action,
          outcome: may[action] ? 'accepted' : 'refused',
        });
      }
    });

    it('is not in lists', async () => {
      await caseIn('open', {});
      const list = await http().get('/api/v1/cases').set('Authorization', bearer('consul'));
      expect(list.body.items.length).toBeGreaterThan(0);
      for (const item of list.body.items) {
        expect(item).not.toHaveProperty('callerMay');
        expect(item).not.toHaveProperty('allowedTransitions');
      }
    });
  });
});
