import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;

const yearsAgo = (years: number, days = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

describe('Child safeguards: closure rule, best-interest assessments, supervisor approvals, T3 fields', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let postA: string;
  let postNoConsul: string;
  let postGT: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    postA = await createConsulate(stack, 'MX');
    postNoConsul = await createConsulate(stack, 'MX');
    postGT = await createConsulate(stack, 'GT');
    await signInAs('officerA', [{ role: 'officer', consulateId: postA }]);
    await signInAs('officerA2', [{ role: 'officer', consulateId: postA }]);
    await signInAs('consulA', [{ role: 'consul', consulateId: postA }]);
    await signInAs('officerN', [{ role: 'officer', consulateId: postNoConsul }]);
    await signInAs('officerGT', [{ role: 'officer', consulateId: postGT }]);
    await signInAs('supervisorMX', [{ role: 'supervisor', countryCode: 'MX' }]);
    await signInAs('supervisorGT', [{ role: 'supervisor', countryCode: 'GT' }]);
    await signInAs('analyst', [{ role: 'analyst', countryCode: 'MX' }]);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const http = () => request(app.getHttpServer());
  const bearer = (who: string) => `Bearer ${tokens[who]}`;

  const person = (overrides: Body = {}): Body => ({
    givenNames: 'Luis',
    familyNames: `Gómez ${randomUUID().slice(0, 6)}`,
    dateOfBirth: '1985-03-02',
    sex: 'male',
    nationalityCode: 'MX',
    ...overrides,
  });

  async function createCase(
    overrides: Body = {},
    who = 'officerA',
    consulateId = postA,
  ): Promise<{ id: string; etag: string; primaryPersonId: string }> {
    const res = await http()
      .post('/api/v1/cases')
      .set('Authorization', bearer(who))
      .send({
        consulateId,
        primaryCategory: 'labour_rights',
        summary: 'Unpaid wages at a packing plant.',
        persons: [{ role: 'primary', person: person() }],
        assignedOfficerId: ids[who],
        ...overrides,
      });
    expect(res.status).toBe(201);
    const primary = res.body.persons.find((p: Body) => p.role === 'primary');
    return { id: res.body.id, etag: res.headers.etag, primaryPersonId: primary.person.id };
  }

  const childCase = (overrides: Body = {}, who = 'officerA', consulateId = postA) =>
    createCase(
      {
        primaryCategory: 'unaccompanied_child',
        summary: 'Boy found alone at the bus station.',
        persons: [{ role: 'primary', person: person({ dateOfBirth: yearsAgo(14) }) }],
        ...overrides,
      },
      who,
      consulateId,
    );

  const transition = (who: string, id: string, etag: string, body: Body) =>
    http()
      .post(`/api/v1/cases/${id}/transitions`)
      .set('Authorization', bearer(who))
      .set('If-Match', etag)
      .send(body);

  const bia = (who: string, caseId: string, body: Body) =>
    http()
      .post(`/api/v1/cases/${caseId}/best-interest-assessments`)
      .set('Authorization', bearer(who))
      .send(body);

  const biaBody = (personId: string, overrides: Body = {}): Body => ({
    personId,
    assessedAt: new Date(Date.now() - 3600_000).toISOString(),
    findings: 'Mother located in Oaxaca; home visit by DIF favourable.',
    recommendedSolution: 'return_to_family_in_origin',
    ...overrides,
  });

  const count = async (sql: string, params: unknown[]) =>
    Number((await stack.query<{ n: string }>(sql, params))[0].n);
  const biaCount = (caseId: string) =>
    count('SELECT count(*) AS n FROM best_interest_assessments WHERE case_id = $1', [caseId]);
  const auditCount = (caseId: string, action: string) =>
    count(
      `SELECT count(*) AS n FROM audit_events WHERE resource_id = $1 AND action = $2 AND outcome = 'success'`,
      [caseId, action],
    );

  describe('best-interest assessments', () => {
    it('records an assessment by the officer and by an external professional, lists them, audits both', async () => {
      const c = await childCase();
      const own = await bia('officerA', c.id, biaBody(c.primaryPersonId));
      expect(own.status).toBe(201);
      expect(own.headers.location).toBe(
        `/api/v1/cases/${c.id}/best-interest-assessments/${own.body.id}`,
      );
      expect(own.body).toMatchObject({
        caseId: c.id,
        personId: c.primaryPersonId,
        assessedBy: ids.officerA,
        assessorName: null,
        recommendedSolution: 'return_to_family_in_origin',
        recordedBy: ids.officerA,
      });
      const external = await bia(
        'consulA',
        c.id,
        biaBody(c.primaryPersonId, {
          assessorName: 'Lic. Rosa Méndez',
          assessorRole: 'Psicóloga, Procuraduría de Protección',
          recommendedSolution: 'alternative_care_in_origin',
          correctsAssessmentId: own.body.id,
        }),
      );
      expect(external.status).toBe(201);
      expect(external.body).toMatchObject({
        assessedBy: null,
        assessorName: 'Lic. Rosa Méndez',
        correctsAssessmentId: own.body.id,
      });
      const list = await http()
        .get(`/api/v1/cases/${c.id}/best-interest-assessments`)
        .set('Authorization', bearer('officerA2'));
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: Body) => i.id)).toEqual([own.body.id, external.body.id]);
      expect(list.body.items[0].correctedByAssessmentId).toBe(external.body.id);
      expect(await auditCount(c.id, 'case.best_interest_assessment.add')).toBe(1);
      expect(await auditCount(c.id, 'case.best_interest_assessment.correct')).toBe(1);
      expect(await auditCount(c.id, 'case.best_interest_assessments.read')).toBe(1);
    });

    it('keeps assessments append-only in the database', async () => {
      const c = await childCase();
      const own = await bia('officerA', c.id, biaBody(c.primaryPersonId));
      await expect(
        stack.query(`UPDATE best_interest_assessments SET findings = 'x' WHERE id = $1`, [
          own.body.id,
        ]),
      ).rejects.toThrow();
      await expect(
        stack.query('DELETE FROM best_interest_assessments WHERE id = $1', [own.body.id]),
      ).rejects.toThrow();
    });

    it.each([
      ['no person', (p: string) => biaBody(p, { personId: undefined }), 'personId'],
      ['a person id that is not a UUID', (p: string) => biaBody(p, { personId: 'x' }), 'personId'],
      ['a person of another case', () => biaBody(randomUUID()), 'personId'],
      [
        'an unknown durable solution',
        (p: string) => biaBody(p, { recommendedSolution: 'adoption' }),
        'recommendedSolution',
      ],
      ['blank findings', (p: string) => biaBody(p, { findings: '   ' }), 'findings'],
      [
        'a date in the future',
        (p: string) => biaBody(p, { assessedAt: new Date(Date.now() + 86_400_000).toISOString() }),
        'assessedAt',
      ],
      [
        'a role without a name',
        (p: string) => biaBody(p, { assessorRole: 'Psychologist' }),
        'assessorName',
      ],
      ['an unknown field', (p: string) => biaBody(p, { score: 3 }), 'score'],
    ])('refuses %s with a 400 naming the field and records nothing', async (_l, body, field) => {
      const c = await childCase();
      const res = await bia('officerA', c.id, body(c.primaryPersonId));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.body)).toContain(field);
      expect(await biaCount(c.id)).toBe(0);
    });

    it('refuses an assessment of an adult person on the case', async () => {
      const c = await createCase();
      const res = await bia('officerA', c.id, biaBody(c.primaryPersonId));
      expect(res.status).toBe(400);
      expect(res.body.fieldErrors?.[0] ?? res.body.errors?.[0]).toMatchObject({
        code: 'NOT_A_CHILD',
      });
      expect(await biaCount(c.id)).toBe(0);
    });

    it('refuses a correction of an assessment of another case with 404', async () => {
      const a = await childCase();
      const b = await childCase();
      const first = await bia('officerA', a.id, biaBody(a.primaryPersonId));
      const res = await bia(
        'officerA',
        b.id,
        biaBody(b.primaryPersonId, { correctsAssessmentId: first.body.id }),
      );
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('ASSESSMENT_NOT_FOUND');
      expect(await biaCount(b.id)).toBe(0);
    });

    it('answers 404 to another post, another country and a supervisor of another country; 403 to writes of those who do not work the case', async () => {
      const c = await childCase();
      for (const who of ['officerN', 'officerGT', 'supervisorGT']) {
        const read = await http()
          .get(`/api/v1/cases/${c.id}/best-interest-assessments`)
          .set('Authorization', bearer(who));
        expect(read.status).toBe(404);
      }
      for (const who of ['officerN', 'officerGT']) {
        const write = await bia(who, c.id, biaBody(c.primaryPersonId));
        expect(write.status).toBe(404);
      }
      // Supervisors read cases of their country; they do not record on them.
      for (const who of ['supervisorMX', 'supervisorGT']) {
        const write = await bia(who, c.id, biaBody(c.primaryPersonId));
        expect(write.status).toBe(403);
      }
      const analyst = await http()
        .get(`/api/v1/cases/${c.id}/best-interest-assessments`)
        .set('Authorization', bearer('analyst'));
      expect(analyst.status).toBe(403);
      expect(await biaCount(c.id)).toBe(0);
    });
  });

  describe('closure of an unaccompanied child’s case needs an assessment', () => {
    it.each([
      ['by category', { primaryCategory: 'unaccompanied_child' }],
      ['by flag', { primaryCategory: 'whereabouts', vulnerabilityFlags: ['separated_child'] }],
    ])(
      'refuses the consul closing without one (409), allows it after (%s)',
      async (_l, overrides) => {
        const c = await childCase(overrides);
        const refused = await transition('consulA', c.id, c.etag, {
          to: 'closed',
          closureReason: 'returned_to_country',
        });
        expect(refused.status).toBe(409);
        expect(refused.body.code).toBe('BEST_INTEREST_ASSESSMENT_REQUIRED');
        const after = await http()
          .get(`/api/v1/cases/${c.id}`)
          .set('Authorization', bearer('consulA'));
        expect(after.body.status).toBe('open');
        expect(after.headers.etag).toBe(c.etag);

        expect((await bia('officerA', c.id, biaBody(c.primaryPersonId))).status).toBe(201);
        const closed = await transition('consulA', c.id, c.etag, {
          to: 'closed',
          closureReason: 'returned_to_country',
        });
        expect(closed.status).toBe(200);
        expect(closed.body.status).toBe('closed');
      },
    );

    it('refuses the approval of a requested closure without one, in the caller’s language', async () => {
      const c = await childCase();
      const requested = await transition('officerA', c.id, c.etag, {
        to: 'closure_requested',
        closureReason: 'referred_to_home_institution',
      });
      expect(requested.status).toBe(200);
      const refused = await transition('consulA', c.id, requested.headers.etag, {
        to: 'closed',
      }).set('Accept-Language', 'es');
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('BEST_INTEREST_ASSESSMENT_REQUIRED');
      expect(refused.body.detail).toContain('cerrar el caso');
      await bia('officerA', c.id, biaBody(c.primaryPersonId));
      const approved = await transition('consulA', c.id, requested.headers.etag, { to: 'closed' });
      expect(approved.status).toBe(200);
      expect(approved.body.closureReason).toBe('referred_to_home_institution');
    });
  });

  describe('the child-closure rule', () => {
    const childPerson = () => person({ givenNames: 'Sofía', dateOfBirth: yearsAgo(16) });
    it.each([
      [
        'category (primary)',
        {
          primaryCategory: 'unaccompanied_child',
          persons: [{ role: 'primary', person: childPerson() }],
        },
        'unaccompanied_child_category',
        'niñez no acompañada',
      ],
      [
        'category (secondary)',
        {
          primaryCategory: 'whereabouts',
          secondaryCategories: ['unaccompanied_child'],
          persons: [{ role: 'primary', person: childPerson() }],
        },
        'unaccompanied_child_category',
        'niñez no acompañada',
      ],
      [
        'flag unaccompanied_child',
        {
          primaryCategory: 'whereabouts',
          vulnerabilityFlags: ['unaccompanied_child'],
          persons: [{ role: 'primary', person: childPerson() }],
        },
        'child_flag',
        'separado',
      ],
      [
        'flag separated_child',
        {
          primaryCategory: 'whereabouts',
          vulnerabilityFlags: ['separated_child'],
          persons: [{ role: 'primary', person: childPerson() }],
        },
        'child_flag',
        'separado',
      ],
      [
        'age: a 16-year-old on a labour case, no child code at all',
        {
          persons: [
            { role: 'primary', person: person() },
            { role: 'involved', relationship: 'daughter', person: childPerson() },
          ],
        },
        'person_under_18',
        'menor de 18',
      ],
      [
        'estimated age: 15 estimated a year ago',
        {
          persons: [
            { role: 'primary', person: person({ dateOfBirth: undefined, estimatedAge: 15 }) },
          ],
        },
        'person_under_18',
        'menor de 18',
      ],
    ])(
      'by %s: the officer is refused, requests closure, the consul approves',
      async (_l, overrides, rule, why) => {
        const c = await createCase(overrides);
        const detail = await http()
          .get(`/api/v1/cases/${c.id}`)
          .set('Authorization', bearer('officerA'));
        expect(detail.body.closureApprovalRule).toBe(rule);
        expect(detail.body.allowedTransitions.map((t: Body) => t.to)).not.toContain('closed');
        expect(detail.body.allowedTransitions.map((t: Body) => t.to)).toContain(
          'closure_requested',
        );

        const direct = await transition('officerA', c.id, c.etag, {
          to: 'closed',
          closureReason: 'resolved',
        }).set('Accept-Language', 'es');
        expect(direct.status).toBe(403);
        expect(direct.headers['content-type']).toContain('application/problem+json');
        expect(direct.body.code).toBe('CLOSURE_NEEDS_CONSUL');
        expect(direct.body.detail).toContain(why);
        const unchanged = await http()
          .get(`/api/v1/cases/${c.id}`)
          .set('Authorization', bearer('consulA'));
        expect(unchanged.headers.etag).toBe(c.etag);

        const requested = await transition('officerA', c.id, c.etag, {
          to: 'closure_requested',
          closureReason: 'resolved',
        });
        expect(requested.status).toBe(200);
        await bia('officerA', c.id, biaBody(c.primaryPersonId));
        const approved = await transition('consulA', c.id, requested.headers.etag, {
          to: 'closed',
        });
        expect(approved.status).toBe(200);
        expect(approved.body).toMatchObject({ status: 'closed', closureReason: 'resolved' });
      },
    );

    it('lets the officer close an adult case directly, and says in English why a child case cannot', async () => {
      const adultCase = await createCase();
      const detail = await http()
        .get(`/api/v1/cases/${adultCase.id}`)
        .set('Authorization', bearer('officerA'));
      expect(detail.body.closureApprovalRule).toBeNull();
      const closed = await transition('officerA', adultCase.id, adultCase.etag, {
        to: 'closed',
        closureReason: 'resolved',
      });
      expect(closed.status).toBe(200);

      const aged = await createCase({
        persons: [{ role: 'primary', person: person({ dateOfBirth: yearsAgo(17) }) }],
      });
      const refused = await transition('officerA', aged.id, aged.etag, {
        to: 'closed',
        closureReason: 'resolved',
      }).set('Accept-Language', 'en');
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain('A person on the case is under 18');
    });

    it('does not take a person who turned 18 for a child', async () => {
      const c = await createCase({
        persons: [{ role: 'primary', person: person({ dateOfBirth: yearsAgo(18, 1) }) }],
      });
      const closed = await transition('officerA', c.id, c.etag, {
        to: 'closed',
        closureReason: 'resolved',
      });
      expect(closed.status).toBe(200);
    });
  });

  describe('the supervisor decides closure requests of a post without consul', () => {
    async function requestedAt(post: string, officer: string) {
      const c = await childCase({}, officer, post);
      await bia(officer, c.id, biaBody(c.primaryPersonId));
      const requested = await transition(officer, c.id, c.etag, {
        to: 'closure_requested',
        closureReason: 'returned_to_country',
      });
      expect(requested.status).toBe(200);
      return { ...c, etag: requested.headers.etag as string };
    }

    const queueTab = async (who: string, tab: string) => {
      const res = await http().get('/api/v1/work-queue').set('Authorization', bearer(who));
      expect(res.status).toBe(200);
      return res.body.tabs.find((t: Body) => t.id === tab);
    };

    it('shows it in the supervisor’s queue and lets the supervisor approve it', async () => {
      const before = (await queueTab('supervisorMX', 'closure_approvals')).count;
      const c = await requestedAt(postNoConsul, 'officerN');
      await requestedAt(postA, 'officerA'); // a post with a consul: not the supervisor's
      const tab = await queueTab('supervisorMX', 'closure_approvals');
      expect(tab.count).toBe(before + 1);
      expect(tab.filter).toEqual({
        status: ['closure_requested'],
        withoutConsul: true,
        sort: 'updatedAt',
      });
      const listed = await http()
        .get('/api/v1/cases')
        .query({ status: 'closure_requested', withoutConsul: true, sort: 'updatedAt' })
        .set('Authorization', bearer('supervisorMX'));
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((i: Body) => i.consulateId)).not.toContain(postA);
      expect(listed.body.items.map((i: Body) => i.id)).toContain(c.id);
      // Another country's supervisor sees nothing of it.
      expect((await queueTab('supervisorGT', 'closure_approvals')).count).toBe(0);

      const detail = await http()
        .get(`/api/v1/cases/${c.id}`)
        .set('Authorization', bearer('supervisorMX'));
      expect(detail.body.allowedTransitions.map((t: Body) => t.to).sort()).toEqual([
        'closed',
        'in_progress',
      ]);
      const approved = await transition('supervisorMX', c.id, c.etag, { to: 'closed' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        status: 'closed',
        closureReason: 'returned_to_country',
      });
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_events WHERE resource_id = $1 AND action = 'case.transition'
             AND actor_user_id = $2 AND outcome = 'success'`,
          [c.id, ids.supervisorMX],
        ),
      ).toBe(1);
      expect((await queueTab('supervisorMX', 'closure_approvals')).count).toBe(before);
    });

    it('lets the supervisor send it back with a reason', async () => {
      const c = await requestedAt(postNoConsul, 'officerN');
      const noReason = await transition('supervisorMX', c.id, c.etag, { to: 'in_progress' });
      expect(noReason.status).toBe(400);
      const rejected = await transition('supervisorMX', c.id, c.etag, {
        to: 'in_progress',
        reason: 'The family in origin has not been contacted yet.',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('in_progress');
    });

    it('refuses the supervisor where the post has a consul, saying so, and changes nothing', async () => {
      const c = await requestedAt(postA, 'officerA');
      const detail = await http()
        .get(`/api/v1/cases/${c.id}`)
        .set('Authorization', bearer('supervisorMX'));
      expect(detail.body.allowedTransitions).toEqual([]);
      for (const body of [{ to: 'closed' }, { to: 'in_progress', reason: 'Not yet' }]) {
        const refused = await transition('supervisorMX', c.id, c.etag, body).set(
          'Accept-Language',
          'en',
        );
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('SUPERVISOR_POST_HAS_CONSUL');
        expect(refused.body.detail).toContain('active consul');
      }
      const after = await http()
        .get(`/api/v1/cases/${c.id}`)
        .set('Authorization', bearer('consulA'));
      expect(after.body.status).toBe('closure_requested');
      expect(after.headers.etag).toBe(c.etag);
    });

    it('refuses the supervisor’s approval of an unaccompanied child’s closure without an assessment', async () => {
      const c = await childCase({}, 'officerN', postNoConsul);
      const requested = await transition('officerN', c.id, c.etag, {
        to: 'closure_requested',
        closureReason: 'returned_to_country',
      });
      const refused = await transition('supervisorMX', c.id, requested.headers.etag, {
        to: 'closed',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('BEST_INTEREST_ASSESSMENT_REQUIRED');
    });

    it('counts a post whose only consul is deactivated as a post without consul', async () => {
      const post = await createConsulate(stack, 'MX');
      await signInAs('officerX', [{ role: 'officer', consulateId: post }]);
      await signInAs('consulX', [{ role: 'consul', consulateId: post }]);
      const c = await requestedAt(post, 'officerX');
      const refused = await transition('supervisorMX', c.id, c.etag, { to: 'closed' });
      expect(refused.status).toBe(403);
      await stack.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [ids.consulX]);
      const approved = await transition('supervisorMX', c.id, c.etag, { to: 'closed' });
      expect(approved.status).toBe(200);
    });
  });

  describe('where a child is (T3)', () => {
    const secret = {
      addressAbroad: '1200 Hidden Lane, Apt 4, Riverside',
      phone: '+1 555 0100 777',
      email: 'child-contact@example.test',
    };

    async function shelteredChild() {
      const c = await createCase({
        primaryCategory: 'whereabouts',
        eventCountryCode: 'US',
        eventCity: 'Riverside',
        shelter: 'Casa Esperanza, 14 Orchard Rd',
        persons: [{ role: 'primary', person: person({ dateOfBirth: yearsAgo(12), ...secret }) }],
      });
      return c;
    }

    const detailOf = (who: string, id: string) =>
      http().get(`/api/v1/cases/${id}`).set('Authorization', bearer(who));

    it('shows the assigned officer and the consul where the child is', async () => {
      const c = await shelteredChild();
      for (const who of ['officerA', 'consulA']) {
        const res = await detailOf(who, c.id);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          eventCity: 'Riverside',
          shelter: 'Casa Esperanza, 14 Orchard Rd',
          masked: [],
          maskedReason: null,
        });
        expect(res.body.persons[0].person).toMatchObject(secret);
      }
    });

    it('masks it for another officer of the post and the supervisor, saying why, and audits each reading', async () => {
      const c = await shelteredChild();
      for (const who of ['officerA2', 'supervisorMX']) {
        const res = await detailOf(who, c.id);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          eventCity: null,
          shelter: null,
          maskedReason: 'child_whereabouts',
        });
        expect(res.body.masked).toEqual(
          expect.arrayContaining([
            'eventCity',
            'shelter',
            'persons.addressAbroad',
            'persons.phone',
          ]),
        );
        expect(res.body.persons[0].person).toMatchObject({
          addressAbroad: null,
          phone: null,
          email: null,
        });
        const text = JSON.stringify(res.body);
        for (const value of [...Object.values(secret), 'Casa Esperanza', 'Riverside'])
          expect(text).not.toContain(value);
        // The rest of the case is theirs to work.
        expect(res.body.persons[0].person.givenNames).toBe('Luis');
      }
      const events = await stack.query<{ actor: string; shown: boolean }>(
        `SELECT actor_user_id AS actor, (details->>'shown')::boolean AS shown FROM audit_events
          WHERE resource_id = $1 AND action = 'case.child_whereabouts.read'`,
        [c.id],
      );
      expect(events).toEqual(
        expect.arrayContaining([
          { actor: ids.officerA2, shown: false },
          { actor: ids.supervisorMX, shown: false },
        ]),
      );
    });

    /** A family's case: the primary person an adult, one of the other persons a child. */
    async function familyWithChild() {
      return createCase({
        primaryCategory: 'whereabouts',
        eventCountryCode: 'US',
        eventCity: 'Riverside',
        persons: [
          { role: 'primary', person: person({ dateOfBirth: yearsAgo(38) }) },
          { role: 'involved', person: person({ givenNames: 'Ana', dateOfBirth: yearsAgo(9) }) },
        ],
      });
    }

    it.each([
      ['whose primary person is a child', shelteredChild],
      ['of a family with a child who is not the primary person', familyWithChild],
    ])(
      'leaves the place out of list rows of a case %s for those who may not see it, and keeps it for those who may',
      async (_what, createChildCase) => {
        const c = await createChildCase();
        const { reference } = (await detailOf('officerA', c.id)).body;
        const rowOf = async (who: string) => {
          const res = await http()
            .get(`/api/v1/cases?reference=${encodeURIComponent(reference)}`)
            .set('Authorization', bearer(who));
          expect(res.status).toBe(200);
          const row = res.body.items.find((item: { id: string }) => item.id === c.id);
          expect(row).toBeDefined();
          return row;
        };
        for (const who of ['officerA', 'consulA'])
          expect((await rowOf(who)).eventCity).toBe('Riverside');
        for (const who of ['officerA2', 'supervisorMX']) {
          const row = await rowOf(who);
          expect(row.eventCity).toBeNull();
          expect(JSON.stringify(row)).not.toContain('Riverside');
        }
      },
    );

    it('masks a change of the shelter in the history for those who may not see it', async () => {
      const c = await shelteredChild();
      const changed = await http()
        .patch(`/api/v1/cases/${c.id}`)
        .set('Authorization', bearer('officerA'))
        .set('If-Match', c.etag)
        .send({ shelter: 'DIF shelter, Calle 5' });
      expect(changed.status).toBe(200);
      expect(changed.body.shelter).toBe('DIF shelter, Calle 5');
      const historyOf = async (who: string) =>
        (
          await http().get(`/api/v1/cases/${c.id}/history`).set('Authorization', bearer(who))
        ).body.items.find((i: Body) => i.field === 'shelter');
      expect(await historyOf('officerA')).toMatchObject({
        newValue: 'DIF shelter, Calle 5',
        masked: false,
      });
      expect(await historyOf('officerA2')).toMatchObject({
        newValue: null,
        oldValue: null,
        masked: true,
      });
    });

    it('leaves it out of person search results, even for the assignee', async () => {
      const c = await shelteredChild();
      const detail = await detailOf('officerA', c.id);
      const { givenNames, familyNames } = detail.body.persons[0].person;
      for (const who of ['officerA', 'officerA2']) {
        const found = await http()
          .get('/api/v1/persons')
          .query({ q: `${givenNames} ${familyNames}` })
          .set('Authorization', bearer(who));
        expect(found.status).toBe(200);
        const child = found.body.items.find((p: Body) => p.id === c.primaryPersonId);
        expect(child).toMatchObject({ addressAbroad: null, phone: null, email: null });
      }
    });

    it('shows it to a break-the-glass holder', async () => {
      const c = await shelteredChild();
      await stack.query(
        `INSERT INTO case_access_requests (case_id, user_id, reason, expires_at)
         VALUES ($1, $2, 'The assignee is away and the child left the shelter tonight.', now() + interval '1 hour')`,
        [c.id, ids.officerA2],
      );
      const res = await detailOf('officerA2', c.id);
      expect(res.body).toMatchObject({ shelter: 'Casa Esperanza, 14 Orchard Rd', masked: [] });
    });

    it('masks nothing on an adult’s case', async () => {
      const c = await createCase({
        eventCity: 'Riverside',
        eventCountryCode: 'US',
        persons: [{ role: 'primary', person: person(secret) }],
      });
      const res = await detailOf('officerA2', c.id);
      expect(res.body).toMatchObject({ eventCity: 'Riverside', masked: [], maskedReason: null });
      expect(res.body.persons[0].person).toMatchObject(secret);
    });

    it('refuses a blank or overlong shelter with a 400 and changes nothing', async () => {
      const c = await shelteredChild();
      for (const shelter of ['   ', 'x'.repeat(301), 42]) {
        const res = await http()
          .patch(`/api/v1/cases/${c.id}`)
          .set('Authorization', bearer('officerA'))
          .set('If-Match', c.etag)
          .send({ shelter });
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body.errors)).toContain('shelter');
      }
      expect((await detailOf('officerA', c.id)).headers.etag).toBe(c.etag);
    });
  });
});
