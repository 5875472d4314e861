import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

// The cooperation queue: per post, what waits for someone among referrals, assistance requests and
// transfers, sent and received; a supervisor sees every post of the country. Each figure is the
// length of the list with the same filters.
describe('GET /cooperation-queue', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const posts: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const queue = async (who: string) => {
    const res = await http().get('/api/v1/cooperation-queue').set(as(who));
    expect(res.status).toBe(200);
    return res.body as {
      posts: ({ consulateId: string } & Record<string, Record<string, number>>)[];
      totals: Record<string, Record<string, number>>;
      consentOverridesToReview: number;
    };
  };
  const postOf = async (who: string, post: string) =>
    (await queue(who)).posts.find((p) => p.consulateId === post)!;
  const listLength = async (who: string, path: string, query: Record<string, unknown>) => {
    const res = await http()
      .get(`/api/v1/${path}`)
      .query({ limit: 100, ...query })
      .set(as(who));
    expect(res.status).toBe(200);
    return res.body.items.length as number;
  };

  const newCase = async () => {
    const res = await http()
      .post('/api/v1/cases')
      .set(as('officerA'))
      .send({
        consulateId: posts.A,
        primaryCategory: 'labour_rights',
        consent: {
          services: true,
          disclosureToOrganisations: true,
          disclosureToOtherCountry: true,
          tracing: false,
        },
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Marta',
              familyNames: 'Cola',
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 30,
            },
          },
        ],
      });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    posts.A = await createConsulate(stack, 'MX');
    posts.B = await createConsulate(stack, 'MX');
    posts.G = await createConsulate(stack, 'GT');
    for (const [who, grants] of Object.entries({
      officerA: [{ role: 'officer', consulateId: posts.A }],
      consulA: [{ role: 'consul', consulateId: posts.A }],
      consulB: [{ role: 'consul', consulateId: posts.B }],
      consulG: [{ role: 'consul', consulateId: posts.G }],
      supervisorMX: [{ role: 'supervisor', countryCode: 'MX' }],
      analystMX: [{ role: 'analyst', countryCode: 'MX' }],
      adminMX: [{ role: 'admin', countryCode: 'MX' }],
    })) {
      const user = await createUser(stack, grants);
      ids[who] = user.id;
      tokens[who] = (await signIn(app, user.email)).accessToken;
    }
    const [{ id: organisationId }] = await stack.query<{ id: string }>(
      `INSERT INTO organisations (name, type, services, coverage_countries, active)
       VALUES ('Casa Cola', 'civil_society', '{shelter}', '{US}', true) RETURNING id`,
    );
    const refer = async (caseId: string) =>
      (
        await http()
          .post(`/api/v1/cases/${caseId}/referrals`)
          .set(as('officerA'))
          .send({
            organisationId,
            services: ['shelter'],
            need: 'A bed for two nights.',
            fields: ['names'],
          })
          .expect(201)
      ).body.id as string;
    // Two referrals: one pending whose follow-up is overdue, one accepted by the organisation.
    const overdue = await refer(await newCase());
    await stack.query(
      `UPDATE organisation_referrals SET follow_up_due = current_date - 3 WHERE id = $1`,
      [overdue],
    );
    const accepted = await refer(await newCase());
    await http()
      .post(`/api/v1/referrals/${accepted}/answer`)
      .set(as('officerA'))
      .send({ outcome: 'accepted' })
      .expect(200);
    // Two assistance requests to Guatemala: one pending, one accepted (being worked there).
    const ask = async (caseId: string) =>
      (
        await http()
          .post(`/api/v1/cases/${caseId}/assistance-requests`)
          .set(as('officerA'))
          .send({
            receivingConsulateId: posts.G,
            kind: 'assistance',
            reason: 'language',
            reasonNote: 'She speaks only Kaqchikel; the Guatemalan post has an interpreter.',
            fields: ['names', 'sex', 'nationality'],
          })
          .expect(201)
      ).body.id as string;
    await ask(await newCase());
    const worked = await ask(await newCase());
    await http()
      .post(`/api/v1/assistance-requests/${worked}/accept`)
      .set(as('consulG'))
      .send({ primaryCategory: 'labour_rights' })
      .expect(200);
    // A transfer from A to B, waiting for B's consul.
    await http()
      .post(`/api/v1/cases/${await newCase()}/transfers`)
      .set(as('officerA'))
      .send({ toConsulateId: posts.B, reason: 'She moved to the other district.' })
      .expect(201);
    // A consent override by the post's officer-turned-consul would be reviewed by another consul.
    const overridden = await newCase();
    await stack.query(
      `INSERT INTO consent_overrides (case_id, purpose, fields, person_ids, target, reason, overridden_by)
       SELECT id, 'disclosure_to_organisations', '{names}', ARRAY[primary_person_id], 'organisation:x',
              'Urgent: the shelter needs her name tonight', $2 FROM cases WHERE id = $1`,
      [overridden, ids.officerA],
    );
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it('gives the sending post its referrals, requests and transfers, each equal to its list', async () => {
    const a = await postOf('officerA', posts.A);
    expect(a).toMatchObject({
      referrals: { pending: 1, accepted: 1, overdueFollowUps: 1 },
      assistanceRequests: { incomingPending: 0, incomingActive: 0, outgoingPending: 1 },
      transfers: { incomingPending: 0, outgoingPending: 1 },
    });
    expect(await listLength('officerA', 'referrals', { status: 'pending' })).toBe(1);
    expect(await listLength('officerA', 'referrals', { overdue: true })).toBe(1);
    expect(
      await listLength('officerA', 'assistance-requests', {
        direction: 'outgoing',
        status: 'pending',
      }),
    ).toBe(1);
    expect(
      await listLength('officerA', 'transfers', { direction: 'outgoing', status: 'pending' }),
    ).toBe(1);
    expect((await queue('officerA')).posts.map((p) => p.consulateId)).toEqual([posts.A]);
  });

  it('counts overrides to review for a consul, never their own nor for an officer', async () => {
    expect((await queue('consulA')).consentOverridesToReview).toBe(1);
    expect((await queue('officerA')).consentOverridesToReview).toBe(0);
  });

  it('gives the receiving posts what waits for them', async () => {
    expect(await postOf('consulB', posts.B)).toMatchObject({
      transfers: { incomingPending: 1, outgoingPending: 0 },
    });
    expect(
      await listLength('consulB', 'transfers', { direction: 'incoming', status: 'pending' }),
    ).toBe(1);
    const g = await postOf('consulG', posts.G);
    expect(g).toMatchObject({
      assistanceRequests: { incomingPending: 1, incomingActive: 1, outgoingPending: 0 },
      referrals: { pending: 0, accepted: 0, overdueFollowUps: 0 },
    });
    expect(
      await listLength('consulG', 'assistance-requests', {
        direction: 'incoming',
        status: 'pending',
      }),
    ).toBe(1);
  });

  it('gives a supervisor every post of the country, and totals that add up', async () => {
    const q = await queue('supervisorMX');
    expect(q.posts.map((p) => p.consulateId).sort()).toEqual([posts.A, posts.B].sort());
    expect(q.totals).toEqual({
      referrals: { pending: 1, accepted: 1, overdueFollowUps: 1 },
      assistanceRequests: { incomingPending: 0, incomingActive: 0, outgoingPending: 1 },
      transfers: { incomingPending: 1, outgoingPending: 1 },
    });
  });

  it.each(['analystMX', 'adminMX'])('refuses the %s, who reads no cases', async (who) => {
    expect((await http().get('/api/v1/cooperation-queue').set(as(who))).status).toBe(403);
  });

  it('is audited without personal data', async () => {
    const events = await stack.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_events WHERE action = 'cooperation.queue.read' AND actor_user_id = $1`,
      [ids.supervisorMX],
    );
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)!.details).toEqual({ posts: 2 });
  });
});
