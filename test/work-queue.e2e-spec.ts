import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;
interface Tab {
  id: string;
  count: number;
  overdue: number | null;
  filter: Record<string, string | string[]>;
}

const DAY = 86_400_000;
/** The UTC calendar date `days` from now, as the queue's `today` is. */
const utcDay = (days = 0) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('Work queue: GET /work-queue', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  let otherPost: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));
  /** Case ids by the name the tests give them. */
  const cases: Record<string, string> = {};

  const http = () => request(app.getHttpServer());
  const bearer = (who: string) => `Bearer ${tokens[who]}`;

  async function createCase(
    who: string,
    overrides: Body,
    consulateId = post,
  ): Promise<request.Response> {
    const res = await http()
      .post('/api/v1/cases')
      .set('Authorization', bearer(who))
      .send({
        consulateId,
        primaryCategory: 'criminal_detention',
        openedAt: new Date(Date.now() - 30 * DAY).toISOString(),
        summary: 'Held at county jail.',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Luis',
              familyNames: `Ramos ${randomUUID().slice(0, 6)}`,
              sex: 'male',
              nationalityCode: 'MX',
            },
          },
        ],
        ...overrides,
      });
    expect(res.status).toBe(201);
    return res;
  }

  async function move(who: string, id: string, steps: Body[]): Promise<void> {
    let etag = (await http().get(`/api/v1/cases/${id}`).set('Authorization', bearer(who))).headers
      .etag;
    for (const step of steps) {
      const res = await http()
        .post(`/api/v1/cases/${id}/transitions`)
        .set('Authorization', bearer(who))
        .set('If-Match', etag)
        .send(step);
      expect(res.status).toBe(200);
      etag = res.headers.etag;
    }
  }

  async function add(
    name: string,
    who: string,
    overrides: Body,
    steps: Body[] = [],
    consulateId = post,
  ): Promise<void> {
    const res = await createCase(who, overrides, consulateId);
    cases[name] = (res.body as { id: string }).id;
    if (steps.length) await move(who, cases[name], steps);
  }

  const queue = (who: string) => http().get('/api/v1/work-queue').set('Authorization', bearer(who));

  /** Every case GET /cases lists with a tab's filter, following the cursor to the end. */
  async function listed(who: string, filter: Tab['filter']): Promise<Body[]> {
    const query: Record<string, string> = { limit: '2' };
    for (const [key, value] of Object.entries(filter))
      query[key] = Array.isArray(value) ? value.join(',') : value;
    const items: Body[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const res = await http()
        .get('/api/v1/cases')
        .query(cursor ? { ...query, cursor } : query)
        .set('Authorization', bearer(who));
      expect(res.status).toBe(200);
      items.push(...(res.body.items as Body[]));
      cursor = res.body.nextCursor as string | null;
    }
    return items;
  }

  const tabsOf = async (who: string): Promise<Record<string, Tab>> => {
    const res = await queue(who);
    expect(res.status).toBe(200);
    return Object.fromEntries((res.body.tabs as Tab[]).map((t) => [t.id, t]));
  };

  const inProgress = { to: 'in_progress' };

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    otherPost = await createConsulate(stack, 'MX');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await signInAs('officer2', [{ role: 'officer', consulateId: post }]);
    await signInAs('consul', [{ role: 'consul', consulateId: post }]);
    await signInAs('otherOfficer', [{ role: 'officer', consulateId: otherPost }]);
    await signInAs('supervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
    await signInAs('analyst', [{ role: 'analyst', countryCode: 'MX' }]);

    await add(
      'overdueMine',
      'officer',
      { nextStep: 'Visit at the jail', nextStepDue: utcDay(-2) },
      [inProgress],
    );
    await add('soonMine', 'officer', { nextStep: 'Call the defender', nextStepDue: utcDay(3) });
    await add('laterMine', 'officer', { nextStepDue: utcDay(20) });
    await add('mineWithoutStep', 'officer', {});
    await add('dueToday', 'officer2', { nextStep: 'Court hearing', nextStepDue: utcDay(0) });
    await add('dueInAWeek', 'officer2', { nextStepDue: utcDay(7) });
    await add('dueInEightDays', 'officer2', { nextStepDue: utcDay(8) });
    await add('waitingOverdue', 'officer', { nextStepDue: utcDay(-1) }, [
      inProgress,
      { to: 'waiting', reason: 'Waiting for the prosecutor' },
    ]);
    await add('waitingWithoutStep', 'officer2', {}, [
      inProgress,
      { to: 'waiting', reason: 'Waiting for the family' },
    ]);
    await add('closureRequested', 'officer', { nextStepDue: utcDay(1) }, [
      { to: 'closure_requested', closureReason: 'resolved' },
    ]);
    await add('closedWithStep', 'officer', { nextStep: 'Nothing now', nextStepDue: utcDay(-1) }, [
      { to: 'closed', closureReason: 'resolved' },
    ]);
    // Restricted to officer2 and the consul: listed (masked) to the post, so counted too.
    await add('restrictedSoon', 'officer2', { primaryCategory: 'asylum', nextStepDue: utcDay(2) });
    await add('restrictedMine', 'officer', { primaryCategory: 'asylum' });
    await add('otherPostDue', 'otherOfficer', { nextStepDue: utcDay(-3) }, [], otherPost);
    // A break-the-glass access the consul has to review.
    const glass = await http()
      .post(`/api/v1/cases/${cases.restrictedMine}/access-requests`)
      .set('Authorization', bearer('officer2'))
      .send({ reason: 'The family called the emergency line' });
    expect(glass.status).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it("counts an officer's tabs: own open work, steps due within a week or overdue, and waiting cases", async () => {
    const res = await queue('officer');
    expect(res.status).toBe(200);
    expect(res.body.today).toBe(utcDay(0));
    const tabs = res.body.tabs as Tab[];
    expect(tabs.map((t) => t.id)).toEqual(['mine', 'next_steps', 'waiting']);
    const [mine, nextSteps, waiting] = tabs;
    // overdueMine, soonMine, laterMine, mineWithoutStep, restrictedMine: not waiting, closure or closed.
    expect(mine).toMatchObject({ count: 5, overdue: 1 });
    expect(mine.filter).toEqual({
      status: ['open', 'in_progress', 'reopened'],
      assignedOfficerId: ids.officer,
      sort: 'nextStepDue',
    });
    // overdueMine, soonMine, dueToday, dueInAWeek, waitingOverdue, closureRequested, restrictedSoon.
    expect(nextSteps).toMatchObject({ count: 7, overdue: 2 });
    expect(nextSteps.filter).toEqual({ nextStepDueTo: utcDay(7), sort: 'nextStepDue' });
    expect(waiting).toMatchObject({ count: 2, overdue: 1 });
  });

  it('gives the consul the closure requests and the accesses to review', async () => {
    const tabs = await tabsOf('consul');
    expect(Object.keys(tabs)).toEqual([
      'mine',
      'next_steps',
      'waiting',
      'closure_requests',
      'access_requests',
    ]);
    expect(tabs.mine).toMatchObject({ count: 0, overdue: 0 });
    expect(tabs.closure_requests).toMatchObject({ count: 1, overdue: null });
    expect(tabs.access_requests).toEqual({
      id: 'access_requests',
      count: 1,
      overdue: null,
      filter: {},
    });
    const pending = await http()
      .get('/api/v1/access-requests')
      .set('Authorization', bearer('consul'));
    expect(pending.body.items).toHaveLength(tabs.access_requests.count);
  });

  it.each(['officer', 'officer2', 'consul', 'otherOfficer'])(
    "lists exactly the counted cases of each of %s's tabs with the tab's filter",
    async (who) => {
      const tabs = await tabsOf(who);
      const today = utcDay(0);
      for (const tab of Object.values(tabs).filter((t) => t.id !== 'access_requests')) {
        const items = await listed(who, tab.filter);
        expect({ tab: tab.id, listed: items.length }).toEqual({ tab: tab.id, listed: tab.count });
        if (tab.overdue !== null) {
          const overdue = items.filter((c) => c.nextStepDue && (c.nextStepDue as string) < today);
          expect({ tab: tab.id, overdue: overdue.length }).toEqual({
            tab: tab.id,
            overdue: tab.overdue,
          });
        }
      }
    },
  );

  it('lists a tab soonest first, cases without a next step last, and never a closed case as due', async () => {
    const mine = (await tabsOf('officer')).mine;
    const items = await listed('officer', mine.filter);
    const ids = items.map((c) => c.id);
    expect(ids.slice(0, 3)).toEqual([cases.overdueMine, cases.soonMine, cases.laterMine]);
    expect(new Set(ids.slice(3))).toEqual(new Set([cases.mineWithoutStep, cases.restrictedMine]));
    const due = await listed('consul', { nextStepDueTo: utcDay(30) });
    expect(due.map((c) => c.id)).not.toContain(cases.closedWithStep);
    expect(due.map((c) => c.id)).toContain(cases.dueInEightDays);
  });

  it('counts nothing of another post', async () => {
    const tabs = await tabsOf('otherOfficer');
    expect(tabs.mine).toMatchObject({ count: 1, overdue: 1 });
    expect(tabs.next_steps).toMatchObject({ count: 1, overdue: 1 });
    expect(tabs.waiting).toMatchObject({ count: 0, overdue: 0 });
  });

  it('gives the supervisor only the closure approvals of posts without consul', async () => {
    const res = await queue('supervisor');
    expect(res.status).toBe(200);
    expect(res.body.tabs.map((t: { id: string }) => t.id)).toEqual(['closure_approvals']);
  });

  it.each(['analyst'])('refuses the %s with a 403 problem', async (who) => {
    const res = await queue(who);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('records the read in the audit log with the counts and no case content', async () => {
    const tabs = await tabsOf('officer2');
    const [event] = await stack.query<{ details: { counts: Record<string, number> } }>(
      `SELECT details FROM audit_events WHERE action = 'case.work_queue.read' AND actor_user_id = $1
        ORDER BY occurred_at DESC LIMIT 1`,
      [ids.officer2],
    );
    expect(event.details.counts).toEqual(
      Object.fromEntries(Object.values(tabs).map((t) => [t.id, t.count])),
    );
  });
});
