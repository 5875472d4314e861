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
});
