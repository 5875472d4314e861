import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;

const CALLERS = [
  'mxOfficer',
  'mxConsul',
  'mxOtherOfficer',
  'mxSupervisor',
  'gtOfficer',
  'gtConsul',
  'gtOtherConsul',
  'gtSupervisor',
  'hnOfficer',
  'analyst',
  'admin',
  'systemAdmin',
] as const;
type Who = (typeof CALLERS)[number];

/** Mutual consular assistance between Mexico (requesting) and Guatemala (receiving). */
describe('Assistance requests between countries', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const posts = {} as Record<'mx' | 'mxOther' | 'gt' | 'gtOther' | 'hn' | 'gtInactive', string>;
  const tokens = {} as Record<Who, string>;
  const ids = {} as Record<Who, string>;

  const api = () => request(app.getHttpServer());
  const as = (who: Who) => {
    const auth = (t: request.Test) => t.set('Authorization', `Bearer ${tokens[who]}`);
    return {
      get: (url: string) => auth(api().get(url)),
      post: (url: string, body: Body = {}) => auth(api().post(url)).send(body),
    };
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await stack.query<{ n: string }>(sql, params))[0].n);

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    posts.mx = await createConsulate(stack, 'MX');
    posts.mxOther = await createConsulate(stack, 'MX');
    posts.gt = await createConsulate(stack, 'GT');
    posts.gtOther = await createConsulate(stack, 'GT');
    posts.hn = await createConsulate(stack, 'HN');
    posts.gtInactive = await createConsulate(stack, 'GT');
    await stack.query(
      `UPDATE consulates SET host_country_code = 'CA', city = 'Toronto' WHERE id = $1`,
      [posts.hn],
    );
    await stack.query(`UPDATE consulates SET active = false WHERE id = $1`, [posts.gtInactive]);
    const grants: Record<Who, { role: string; consulateId?: string; countryCode?: string }[]> = {
      mxOfficer: [{ role: 'officer', consulateId: posts.mx }],
      mxConsul: [{ role: 'consul', consulateId: posts.mx }],
      mxOtherOfficer: [{ role: 'officer', consulateId: posts.mxOther }],
      mxSupervisor: [{ role: 'supervisor', countryCode: 'MX' }],
      gtOfficer: [{ role: 'officer', consulateId: posts.gt }],
      gtConsul: [{ role: 'consul', consulateId: posts.gt }],
      gtOtherConsul: [{ role: 'consul', consulateId: posts.gtOther }],
      gtSupervisor: [{ role: 'supervisor', countryCode: 'GT' }],
      hnOfficer: [{ role: 'officer', consulateId: posts.hn }],
      analyst: [{ role: 'analyst', countryCode: 'MX' }],
      admin: [{ role: 'admin', countryCode: 'MX' }],
      systemAdmin: [{ role: 'system_admin' }],
    };
    for (const who of CALLERS) {
      const user = await createUser(stack, grants[who]);
      const session = await signIn(app, user.email);
      tokens[who] = session.accessToken;
      ids[who] = session.userId;
    }
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  /** A case of `post` with one person (a unique name), with the intake consent block or not. */
  async function newCase(
    who: Who,
    post: string,
    options: { consent?: boolean; category?: string; nationality?: string } = {},
  ): Promise<{ id: string; reference: string; personId: string; name: string }> {
    const name = `Ximena ${randomUUID().slice(0, 8)}`;
    const res = await as(who).post('/api/v1/cases', {
      consulateId: post,
      primaryCategory: options.category ?? 'labour_rights',
      summary: 'Unpaid wages for three months; the employer withholds her passport.',
      eventCountryCode: 'US',
      ...(options.consent === false
        ? {}
        : {
            consent: {
              services: true,
              disclosureToOrganisations: false,
              disclosureToOtherCountry: true,
              tracing: false,
            },
          }),
      persons: [
        {
          role: 'primary',
          person: {
            givenNames: name,
            familyNames: 'Cuautle Ordaz',
            sex: 'female',
            nationalityCode: options.nationality ?? 'MX',
            dateOfBirth: '1991-05-17',
            phone: '+1 213 555 0199',
            documents: [
              {
                type: 'passport',
                number: `P${Date.now().toString().slice(-8)}`,
                issuingCountryCode: 'MX',
              },
            ],
          },
        },
      ],
    });
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    return {
      id: res.body.id,
      reference: res.body.reference,
      personId: res.body.persons[0].person.id,
      name,
    };
  }

  const requestBody = (extra: Body = {}): Body => ({
    receivingConsulateId: posts.gt,
    kind: 'assistance',
    reason: 'no_post_in_place',
    reasonNote: 'Mexico has no post where she now lives; Guatemala has one nearby.',
    fields: ['names', 'sex', 'nationality', 'date_of_birth', 'contact', 'categories'],
    ...extra,
  });

  async function send(caseId: string, extra: Body = {}, who: Who = 'mxOfficer') {
    return as(who).post(`/api/v1/cases/${caseId}/assistance-requests`, requestBody(extra));
  }

  async function pendingRequest(): Promise<{ requestId: string; caseId: string }> {
    const c = await newCase('mxOfficer', posts.mx);
    const res = await send(c.id);
    expect(res.status).toBe(201);
    return { requestId: res.body.id, caseId: c.id };
  }

  async function acceptedRequest(): Promise<{ requestId: string; caseId: string }> {
    const pending = await pendingRequest();
    const accepted = await as('gtConsul').post(
      `/api/v1/assistance-requests/${pending.requestId}/accept`,
      { primaryCategory: 'labour_rights' },
    );
    expect(accepted.status).toBe(200);
    return pending;
  }

  /** The decisions recorded on a request: action, outcome and the acting side's country. */
  const decisionsOn = async (id: string) =>
    (
      await stack.query<{ action: string; outcome: string; country_code: string }>(
        `SELECT action, outcome, country_code FROM audit_events
          WHERE resource_type = 'assistance_request' AND resource_id = $1 AND action <> 'assistance.read'
          ORDER BY seq`,
        [id],
      )
    ).map((e) => `${e.action} ${e.outcome} ${e.country_code}`);

  const statusOf = async (id: string) =>
    (
      await stack.query<{ status: string }>(
        'SELECT status FROM assistance_requests WHERE id = $1',
        [id],
      )
    )[0].status;

  describe('a request from Mexico accepted by Guatemala', () => {
    let mxCase: Awaited<ReturnType<typeof newCase>>;
    let requestId: string;
    let gtCaseId: string;

    it('sends only the consented fields, with a referral on the Mexican case timeline', async () => {
      mxCase = await newCase('mxOfficer', posts.mx);
      const res = await send(mxCase.id);
      expect(res.status).toBe(201);
      requestId = res.body.id;
      expect(res.headers.location).toBe(`/api/v1/assistance-requests/${requestId}`);
      expect(res.body).toMatchObject({
        kind: 'assistance',
        status: 'pending',
        sides: ['requesting'],
        requestingCaseId: mxCase.id,
        receivingCaseId: null,
        requestingPost: { id: posts.mx, countryCode: 'MX' },
        receivingPost: { id: posts.gt, countryCode: 'GT' },
        overridden: false,
      });
      const [person] = res.body.payload.persons;
      expect(person).toMatchObject({
        givenNames: mxCase.name,
        sex: 'female',
        nationalityCode: 'MX',
      });
      expect(person.documents).toBeUndefined();
      expect(person.addressAbroad).toBeUndefined();
      const actions = await as('mxOfficer').get(`/api/v1/cases/${mxCase.id}/actions`);
      const referral = actions.body.items.find((a: { type: string }) => a.type === 'referral');
      expect(referral.outcome).toContain(`Consulate `);
      expect(referral.outcome).toContain('GT-');
    });

    it('shows the receiving side the payload and reason, never the requesting case', async () => {
      const res = await as('gtOfficer').get(`/api/v1/assistance-requests/${requestId}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        sides: ['receiving'],
        reason: 'no_post_in_place',
        requestingCaseId: null,
        receivingCaseId: null,
        requestingPost: { countryCode: 'MX' },
      });
      expect(res.body.payload.persons[0].givenNames).toBe(mxCase.name);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(mxCase.id);
      expect(text).not.toContain(mxCase.reference);
      expect(text).not.toContain(mxCase.personId);
      const incoming = await as('gtConsul').get('/api/v1/assistance-requests?direction=incoming');
      expect(incoming.body.items.map((r: { id: string }) => r.id)).toContain(requestId);
      const outgoing = await as('gtConsul').get('/api/v1/assistance-requests?direction=outgoing');
      expect(outgoing.body.items.map((r: { id: string }) => r.id)).not.toContain(requestId);
    });

    it('opens a new Guatemalan case at the receiving post with persons of its own', async () => {
      const res = await as('gtConsul').post(`/api/v1/assistance-requests/${requestId}/accept`, {
        primaryCategory: 'labour_rights',
        summary: 'Assisting on request of the Mexican consulate.',
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('accepted');
      gtCaseId = res.body.receivingCaseId;
      expect(gtCaseId).toEqual(expect.any(String));
      const gtCase = await as('gtConsul').get(`/api/v1/cases/${gtCaseId}`);
      expect(gtCase.status).toBe(200);
      expect(gtCase.body).toMatchObject({
        consulateId: posts.gt,
        primaryCategory: 'labour_rights',
      });
      expect(gtCase.body.reference).toMatch(/^GT-/);
      const [gtPerson] = gtCase.body.persons;
      expect(gtPerson.person).toMatchObject({
        givenNames: mxCase.name,
        familyNames: 'Cuautle Ordaz',
        sex: 'female',
        nationalityCode: 'MX',
        dateOfBirth: '1991-05-17',
      });
      expect(gtPerson.person.id).not.toBe(mxCase.personId);
      expect(gtPerson.person.documents).toEqual([]);
      const persons = await stack.query<{ country_code: string }>(
        'SELECT country_code FROM persons WHERE id = $1',
        [gtPerson.person.id],
      );
      expect(persons[0].country_code).toBe('GT');
    });

    it('never lets one country into the other’s case or person', async () => {
      for (const [who, caseId] of [
        ['gtOfficer', mxCase.id],
        ['gtConsul', mxCase.id],
        ['gtSupervisor', mxCase.id],
        ['mxOfficer', gtCaseId],
        ['mxConsul', gtCaseId],
        ['mxSupervisor', gtCaseId],
      ] as [Who, string][]) {
        for (const path of ['', '/actions', '/history', '/consents'])
          expect([who, path, (await as(who).get(`/api/v1/cases/${caseId}${path}`)).status]).toEqual(
            [who, path, 404],
          );
      }
      const mxFinds = await as('mxOfficer').get('/api/v1/persons').query({ q: mxCase.name });
      const gtFinds = await as('gtOfficer').get('/api/v1/persons').query({ q: mxCase.name });
      const gtPersonId = (await as('gtConsul').get(`/api/v1/cases/${gtCaseId}`)).body.persons[0]
        .person.id;
      expect(mxFinds.body.items.map((p: { id: string }) => p.id)).toEqual([mxCase.personId]);
      expect(gtFinds.body.items.map((p: { id: string }) => p.id)).toEqual([gtPersonId]);
      const requesting = await as('mxOfficer').get(`/api/v1/assistance-requests/${requestId}`);
      expect(requesting.body).toMatchObject({ status: 'accepted', receivingCaseId: null });
      expect(JSON.stringify(requesting.body)).not.toContain(gtCaseId);
    });

    it('lets both sides report back and read every report, then the receiving side completes', async () => {
      const fromGt = await as('gtOfficer').post(
        `/api/v1/assistance-requests/${requestId}/reports`,
        {
          text: 'Visited her at the shelter; legal orientation given.',
          actionType: 'consular_visit',
        },
      );
      expect(fromGt.status).toBe(201);
      expect(fromGt.body).toMatchObject({ side: 'receiving', countryCode: 'GT' });
      const fromMx = await as('mxOfficer').post(
        `/api/v1/assistance-requests/${requestId}/reports`,
        {
          text: 'Her family in Puebla was informed.',
        },
      );
      expect(fromMx.status).toBe(201);
      for (const who of ['mxOfficer', 'gtConsul', 'mxSupervisor', 'gtSupervisor'] as Who[]) {
        const reports = await as(who).get(`/api/v1/assistance-requests/${requestId}/reports`);
        expect(reports.body.items.map((r: { side: string }) => r.side)).toEqual([
          'receiving',
          'requesting',
        ]);
      }
      const done = await as('gtOfficer').post(`/api/v1/assistance-requests/${requestId}/complete`);
      expect(done.status).toBe(200);
      expect(
        (await as('mxOfficer').get(`/api/v1/assistance-requests/${requestId}`)).body.status,
      ).toBe('completed');
    });

    it('keeps every decision in the audit trail with the acting side, without personal data', async () => {
      const events = await stack.query<{
        action: string;
        outcome: string;
        consulate_id: string;
        country_code: string;
        details: unknown;
      }>(
        `SELECT action, outcome, consulate_id, country_code, details FROM audit_events
          WHERE resource_type = 'assistance_request' AND resource_id = $1 AND action <> 'assistance.read' ORDER BY seq`,
        [requestId],
      );
      expect(events.map((e) => [e.action, e.country_code, e.consulate_id])).toEqual([
        ['assistance.request', 'MX', posts.mx],
        ['assistance.accept', 'GT', posts.gt],
        ['assistance.report', 'GT', posts.gt],
        ['assistance.report', 'MX', posts.mx],
        ['assistance.complete', 'GT', posts.gt],
      ]);
      const reads = await count(
        `SELECT count(*) AS n FROM audit_events WHERE resource_id = $1 AND action = 'assistance.read'`,
        [requestId],
      );
      expect(reads).toBeGreaterThan(0);
      expect(JSON.stringify(events)).not.toContain(mxCase.name);
    });
  });

  it('rejects with a reason; the requesting side sees it; a second decision is refused', async () => {
    const { requestId } = await pendingRequest();
    const short = await as('gtConsul').post(`/api/v1/assistance-requests/${requestId}/reject`, {
      reason: 'no',
    });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect(await statusOf(requestId)).toBe('pending');
    const rejected = await as('gtConsul').post(`/api/v1/assistance-requests/${requestId}/reject`, {
      reason: 'Our post has no officer speaking her language this month.',
    });
    expect(rejected.status).toBe(200);
    const seen = await as('mxOfficer').get(`/api/v1/assistance-requests/${requestId}`);
    expect(seen.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Our post has no officer speaking her language this month.',
    });
    const again = await as('gtConsul').post(`/api/v1/assistance-requests/${requestId}/accept`, {
      primaryCategory: 'labour_rights',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ASSISTANCE_NOT_PENDING');
    const reports = await as('gtOfficer').post(`/api/v1/assistance-requests/${requestId}/reports`, {
      text: 'Too late.',
    });
    expect(reports.status).toBe(409);
    expect(await decisionsOn(requestId)).toEqual([
      'assistance.request success MX',
      'assistance.reject success GT',
    ]);
    expect(
      await count('SELECT count(*) AS n FROM assistance_reports WHERE request_id = $1', [
        requestId,
      ]),
    ).toBe(0);
  });

  it('revokes a pending request from the requesting side; it can no longer be accepted', async () => {
    const { requestId } = await pendingRequest();
    const revoked = await as('mxConsul').post(`/api/v1/assistance-requests/${requestId}/revoke`, {
      reason: 'The person returned to Mexico.',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const gt = await as('gtConsul').get(`/api/v1/assistance-requests/${requestId}`);
    expect(gt.body).toMatchObject({
      status: 'revoked',
      revocationReason: 'The person returned to Mexico.',
    });
    const accept = await as('gtConsul').post(`/api/v1/assistance-requests/${requestId}/accept`, {
      primaryCategory: 'labour_rights',
    });
    expect(accept.status).toBe(409);
    expect(
      await count(
        `SELECT count(*) AS n FROM cases WHERE country_code = 'GT' AND summary = 'never'`,
      ),
    ).toBe(0);
    const twice = await as('mxConsul').post(`/api/v1/assistance-requests/${requestId}/revoke`, {
      reason: 'Again.',
    });
    expect(twice.status).toBe(409);
    expect(await decisionsOn(requestId)).toEqual([
      'assistance.request success MX',
      'assistance.revoke success MX',
    ]);
  });

  it('acknowledges a notification without opening a case', async () => {
    const c = await newCase('mxOfficer', posts.mx);
    const sent = await send(c.id, { kind: 'notification', fields: ['names'] });
    expect(sent.status).toBe(201);
    const casesBefore = await count(`SELECT count(*) AS n FROM cases WHERE country_code = 'GT'`);
    const ack = await as('gtConsul').post(`/api/v1/assistance-requests/${sent.body.id}/accept`, {
      primaryCategory: 'labour_rights',
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'accepted', receivingCaseId: null });
    expect(await count(`SELECT count(*) AS n FROM cases WHERE country_code = 'GT'`)).toBe(
      casesBefore,
    );
  });

  it('lets a supervisor of the receiving country accept, naming the officer of the post', async () => {
    const { requestId } = await pendingRequest();
    const unnamed = await as('gtSupervisor').post(
      `/api/v1/assistance-requests/${requestId}/accept`,
      {
        primaryCategory: 'labour_rights',
      },
    );
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'assignedOfficerId',
    ]);
    expect(await statusOf(requestId)).toBe('pending');
    const named = await as('gtSupervisor').post(`/api/v1/assistance-requests/${requestId}/accept`, {
      primaryCategory: 'labour_rights',
      assignedOfficerId: ids.gtOfficer,
    });
    expect(named.status).toBe(200);
    const opened = await as('gtOfficer').get(`/api/v1/cases/${named.body.receivingCaseId}`);
    expect(opened.body.assignedOfficerId).toBe(ids.gtOfficer);
  });

  it('shows a restricted case’s request only to those who may read the case, on each side', async () => {
    const colleague = await createUser(stack, [{ role: 'officer', consulateId: posts.mx }]);
    const colleagueToken = (await signIn(app, colleague.email)).accessToken;
    const c = await newCase('mxOfficer', posts.mx, { category: 'asylum' });
    const sent = await send(c.id, { fields: ['names', 'sex', 'nationality', 'categories'] });
    expect(sent.status).toBe(201);
    const url = `/api/v1/assistance-requests/${sent.body.id}`;
    const byColleague = await api().get(url).set('Authorization', `Bearer ${colleagueToken}`);
    expect(byColleague.status).toBe(404);
    const listed = await api()
      .get('/api/v1/assistance-requests')
      .set('Authorization', `Bearer ${colleagueToken}`);
    expect(JSON.stringify(listed.body)).not.toContain(c.name);
    expect((await as('mxSupervisor').get(url)).status).toBe(404);
    expect((await as('mxConsul').get(url)).status).toBe(200);
    expect((await as('gtOfficer').get(url)).status).toBe(200);
    const accepted = await as('gtConsul').post(`${url}/accept`, { primaryCategory: 'asylum' });
    expect(accepted.status).toBe(200);
    const gtCase = await as('gtConsul').get(`/api/v1/cases/${accepted.body.receivingCaseId}`);
    expect(gtCase.body.restricted).toBe(true);
    expect((await as('gtOfficer').get(url)).status).toBe(404);
    expect((await as('gtConsul').get(url)).status).toBe(200);
    expect((await as('mxOfficer').get(url)).body.status).toBe('accepted');
  });

  describe('asylum safeguard', () => {
    it('refuses a notification of a Mexican asylum seeker to a Mexican post without explicit consent, and audits it', async () => {
      const gtCase = await newCase('gtOfficer', posts.gt, { category: 'asylum', consent: false });
      const consent = (purposes: string[]) =>
        as('gtOfficer').post(`/api/v1/cases/${gtCase.id}/consents`, {
          personId: gtCase.personId,
          purposes,
          disclosableFields: ['names', 'sex', 'nationality'],
          method: 'signed_form',
          givenBy: 'person',
        });
      expect((await consent(['disclosure_to_other_country'])).status).toBe(201);
      const notification = {
        receivingConsulateId: posts.mx,
        kind: 'notification',
        reason: 'other',
        reasonNote: 'Informing the home state of her presence as she asked for papers.',
        fields: ['names', 'nationality'],
      };
      const preview = await as('gtOfficer').post(
        `/api/v1/cases/${gtCase.id}/assistance-requests/preview`,
        { receivingConsulateId: posts.mx, kind: 'notification', fields: notification.fields },
      );
      expect(preview.status).toBe(200);
      expect(preview.body.asylumSafeguard).toBe(true);
      const refused = await as('gtOfficer').post(
        `/api/v1/cases/${gtCase.id}/assistance-requests`,
        notification,
      );
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('ASYLUM_SAFEGUARD');
      const overridden = await as('gtConsul').post(
        `/api/v1/cases/${gtCase.id}/assistance-requests`,
        {
          ...notification,
          override: { reason: 'The consul decides to inform the home state anyway.' },
        },
      );
      expect(overridden.status).toBe(403);
      expect(overridden.body.code).toBe('ASYLUM_SAFEGUARD');
      expect(
        await count('SELECT count(*) AS n FROM assistance_requests WHERE requesting_case_id = $1', [
          gtCase.id,
        ]),
      ).toBe(0);
      const denied = await stack.query<{
        outcome: string;
        country_code: string;
        details: { reason: string };
      }>(
        `SELECT outcome, country_code, details FROM audit_events
          WHERE action = 'case.disclosure.refuse' AND resource_id = $1 ORDER BY id`,
        [gtCase.id],
      );
      expect(denied.map((e) => [e.outcome, e.country_code, e.details.reason])).toEqual([
        ['denied', 'GT', 'asylum_safeguard'],
        ['denied', 'GT', 'asylum_safeguard'],
      ]);
      expect(
        (await consent(['disclosure_to_other_country', 'disclosure_to_home_authorities'])).status,
      ).toBe(201);
      const allowed = await as('gtOfficer').post(
        `/api/v1/cases/${gtCase.id}/assistance-requests`,
        notification,
      );
      expect(allowed.status).toBe(201);
      expect(allowed.body.receivingPost.countryCode).toBe('MX');
    });
  });

  describe('consent', () => {
    it('refuses a request without consent (409) and sends it on the consul’s override', async () => {
      const c = await newCase('mxOfficer', posts.mx, { consent: false });
      const missing = await send(c.id);
      expect(missing.status).toBe(409);
      expect(missing.body.code).toBe('CONSENT_REQUIRED');
      const officerOverride = await send(c.id, {
        override: { reason: 'Urgent: she is in hospital.' },
      });
      expect(officerOverride.status).toBe(403);
      expect(officerOverride.body.code).toBe('CONSENT_OVERRIDE_NOT_ALLOWED');
      expect(
        await count('SELECT count(*) AS n FROM assistance_requests WHERE requesting_case_id = $1', [
          c.id,
        ]),
      ).toBe(0);
      const consulOverride = await send(
        c.id,
        { override: { reason: 'Urgent: she is in hospital and cannot sign.' } },
        'mxConsul',
      );
      expect(consulOverride.status).toBe(201);
      expect(consulOverride.body.overridden).toBe(true);
    });

    it('purges a pending request’s payload when the person withdraws their consent', async () => {
      const { requestId, caseId } = await pendingRequest();
      const consents = await as('mxOfficer').get(`/api/v1/cases/${caseId}/consents`);
      const withdrawn = await as('mxOfficer').post(
        `/api/v1/cases/${caseId}/consents/${consents.body.consents[0].id}/withdraw`,
        {},
      );
      expect(withdrawn.status).toBe(200);
      const gt = await as('gtConsul').get(`/api/v1/assistance-requests/${requestId}`);
      expect(gt.body).toMatchObject({ status: 'revoked', payload: null });
      expect(gt.body.purgedAt).toEqual(expect.any(String));
      const stored = await stack.query<{ payload: unknown }>(
        'SELECT payload FROM assistance_requests WHERE id = $1',
        [requestId],
      );
      expect(stored[0].payload).toBeNull();
    });
  });

  describe('bad input: a field-by-field 400 and nothing changes', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await newCase('mxOfficer', posts.mx)).id;
    });

    it.each([
      [{ receivingConsulateId: 'nope' }, ['receivingConsulateId']],
      [{ kind: 'transfer' }, ['kind']],
      [{ reason: 'boredom' }, ['reason']],
      [{ reasonNote: 'short' }, ['reasonNote']],
      [{ fields: [] }, ['fields']],
      [{ fields: ['names', 'shoe_size'] }, ['fields']],
      [{ personIds: ['x'] }, ['personIds']],
      [{ override: { reason: 'x' } }, ['override.reason']],
      [{ fields: ['names', 'nationality'] }, ['fields']],
      [{ receivingConsulateId: randomUUID() }, ['receivingConsulateId']],
      [{ personIds: [randomUUID()] }, ['personIds']],
    ] as [Body, string[]][])('%j', async (change, fields) => {
      const before = await count('SELECT count(*) AS n FROM assistance_requests');
      const actions = await count('SELECT count(*) AS n FROM consular_actions WHERE case_id = $1', [
        caseId,
      ]);
      const res = await send(caseId, change);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(fields);
      expect(await count('SELECT count(*) AS n FROM assistance_requests')).toBe(before);
      expect(
        await count('SELECT count(*) AS n FROM consular_actions WHERE case_id = $1', [caseId]),
      ).toBe(actions);
    });

    it('refuses a consulate of the same country (a transfer) and an inactive one', async () => {
      for (const [post, code] of [
        [posts.mxOther, 'SAME_COUNTRY'],
        [posts.gtInactive, 'CONSULATE_INACTIVE'],
      ]) {
        const res = await send(caseId, { receivingConsulateId: post });
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([
          expect.objectContaining({ field: 'receivingConsulateId', code }),
        ]);
      }
      expect(
        await count('SELECT count(*) AS n FROM assistance_requests WHERE requesting_case_id = $1', [
          caseId,
        ]),
      ).toBe(0);
    });

    it('refuses bad decisions and reports field by field', async () => {
      const { requestId } = await acceptedRequest();
      const pending = await pendingRequest();
      const cases = await count('SELECT count(*) AS n FROM cases');
      const accept = await as('gtConsul').post(
        `/api/v1/assistance-requests/${pending.requestId}/accept`,
        {
          primaryCategory: 'sightseeing',
          assignedOfficerId: 'x',
          person: { sex: 'robot' },
        },
      );
      expect(accept.status).toBe(400);
      expect(accept.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'assignedOfficerId',
        'person.sex',
        'primaryCategory',
      ]);
      expect(await statusOf(pending.requestId)).toBe('pending');
      expect(await count('SELECT count(*) AS n FROM cases')).toBe(cases);
      const report = await as('gtOfficer').post(
        `/api/v1/assistance-requests/${requestId}/reports`,
        {
          text: '',
          actionType: 'gossip',
        },
      );
      expect(report.status).toBe(400);
      expect(report.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'actionType',
        'text',
      ]);
      expect(
        await count('SELECT count(*) AS n FROM assistance_reports WHERE request_id = $1', [
          requestId,
        ]),
      ).toBe(0);
      const revoke = await as('mxOfficer').post(
        `/api/v1/assistance-requests/${requestId}/revoke`,
        {},
      );
      expect(revoke.status).toBe(400);
      expect(await statusOf(requestId)).toBe('accepted');
      const list = await as('mxOfficer').get('/api/v1/assistance-requests?direction=sideways');
      expect(list.status).toBe(400);
      expect(list.body.errors.map((e: { field: string }) => e.field)).toEqual(['direction']);
    });
  });

  describe('permission matrix (role × own post / other post / other country)', () => {
    let pending: { requestId: string; caseId: string };
    let accepted: { requestId: string; caseId: string };
    beforeAll(async () => {
      pending = await pendingRequest();
      accepted = await acceptedRequest();
    });

    type Route = {
      name: string;
      call: (who: Who) => Promise<request.Response>;
      expected: Partial<Record<Who, number>>;
      fallback: number;
    };
    const forbiddenRoles = { analyst: 403, admin: 403, systemAdmin: 403 };
    const routes = (): Route[] => [
      {
        name: 'GET /cases/{id}/assistance-candidates',
        call: (who) => as(who).get(`/api/v1/cases/${pending.caseId}/assistance-candidates`),
        expected: { mxOfficer: 200, mxConsul: 200, mxSupervisor: 403, ...forbiddenRoles },
        fallback: 404,
      },
      {
        name: 'POST /cases/{id}/assistance-requests/preview',
        call: (who) =>
          as(who).post(`/api/v1/cases/${pending.caseId}/assistance-requests/preview`, {
            receivingConsulateId: posts.gt,
            kind: 'assistance',
            fields: ['names', 'sex'],
          }),
        expected: {
          mxOfficer: 200,
          mxConsul: 200,
          mxSupervisor: 403,
          gtSupervisor: 403,
          ...forbiddenRoles,
        },
        fallback: 404,
      },
      {
        name: 'POST /cases/{id}/assistance-requests',
        call: async (who) => {
          const c = await newCase('mxOfficer', posts.mx);
          return as(who).post(`/api/v1/cases/${c.id}/assistance-requests`, requestBody());
        },
        expected: {
          mxOfficer: 201,
          mxConsul: 201,
          mxSupervisor: 403,
          gtSupervisor: 403,
          ...forbiddenRoles,
        },
        fallback: 404,
      },
      {
        name: 'GET /assistance-requests/{id}',
        call: (who) => as(who).get(`/api/v1/assistance-requests/${pending.requestId}`),
        expected: {
          mxOfficer: 200,
          mxConsul: 200,
          mxSupervisor: 200,
          gtOfficer: 200,
          gtConsul: 200,
          gtSupervisor: 200,
          ...forbiddenRoles,
        },
        fallback: 404,
      },
      {
        name: 'GET /assistance-requests/{id}/reports',
        call: (who) => as(who).get(`/api/v1/assistance-requests/${accepted.requestId}/reports`),
        expected: {
          mxOfficer: 200,
          mxConsul: 200,
          mxSupervisor: 200,
          gtOfficer: 200,
          gtConsul: 200,
          gtSupervisor: 200,
          ...forbiddenRoles,
        },
        fallback: 404,
      },
      {
        name: 'POST /assistance-requests/{id}/accept',
        call: async (who) => {
          const target = (await allowedFor(who, 'accept'))
            ? (await pendingRequest()).requestId
            : pending.requestId;
          return as(who).post(`/api/v1/assistance-requests/${target}/accept`, {
            primaryCategory: 'labour_rights',
            ...(who === 'gtSupervisor' ? { assignedOfficerId: ids.gtOfficer } : {}),
          });
        },
        expected: {
          mxOfficer: 403,
          mxConsul: 403,
          mxOtherOfficer: 403,
          mxSupervisor: 403,
          gtOfficer: 403,
          gtConsul: 200,
          gtSupervisor: 200,
          hnOfficer: 403,
          ...forbiddenRoles,
        },
        fallback: 404,
      },
      {
        name: 'POST /assistance-requests/{id}/reject',
        call: async (who) => {
          const target = (await allowedFor(who, 'reject'))
            ? (await pendingRequest()).requestId
            : pending.requestId;
          return as(who).post(`/api/v1/assistance-requests/${target}/reject`, {
            reason: 'No capacity at this post this week.',
          });
        },
        expected: {
          mxOfficer: 403,
          mxConsul: 403,
          mxOtherOfficer: 403,
          mxSupervisor: 403,
          gtOfficer: 403,
          gtConsul: 200,
          gtSupervisor: 200,
          hnOfficer: 403,
          ...forbiddenRoles,
        },
        fallback: 404,
      },
      {
        name: 'POST /assistance-requests/{id}/revoke',
        call: async (who) => {
          const target = (await allowedFor(who, 'revoke'))
            ? (await pendingRequest()).requestId
            : pending.requestId;
          return as(who).post(`/api/v1/assistance-requests/${target}/revoke`, {
            reason: 'Returned.',
          });
        },
        expected: {
          mxOfficer: 200,
          mxConsul: 200,
          mxSupervisor: 403,
          gtOfficer: 403,
          gtConsul: 403,
          gtSupervisor: 403,
          ...forbiddenRoles,
        },
        fallback: 404,
      },
      {
        name: 'POST /assistance-requests/{id}/complete',
        call: async (who) => {
          const target = (await allowedFor(who, 'complete'))
            ? (await acceptedRequest()).requestId
            : accepted.requestId;
          return as(who).post(`/api/v1/assistance-requests/${target}/complete`);
        },
        expected: {
          mxOfficer: 403,
          mxConsul: 403,
          mxSupervisor: 403,
          gtOfficer: 200,
          gtConsul: 200,
          gtSupervisor: 403,
          ...forbiddenRoles,
        },
        fallback: 404,
      },
      {
        name: 'POST /assistance-requests/{id}/reports',
        call: (who) =>
          as(who).post(`/api/v1/assistance-requests/${accepted.requestId}/reports`, {
            text: `Report by ${who}.`,
          }),
        expected: {
          mxOfficer: 201,
          mxConsul: 201,
          mxSupervisor: 403,
          gtOfficer: 201,
          gtConsul: 201,
          gtSupervisor: 403,
          ...forbiddenRoles,
        },
        fallback: 404,
      },
    ];
    const DECISIONS = ['accept', 'reject', 'revoke', 'complete'];
    const allowedFor = async (who: Who, decision: string) => {
      const route = routes().find((r) => r.name.endsWith(`/${decision}`))!;
      return (
        [200, 201].includes(route.expected[who] ?? route.fallback) && DECISIONS.includes(decision)
      );
    };

    it('answers every route for every caller as the matrix says, and denials change nothing', async () => {
      const answers: string[] = [];
      const expected: string[] = [];
      for (const route of routes())
        for (const who of CALLERS) {
          const res = await route.call(who);
          answers.push(`${route.name} ${who} ${res.status}`);
          expected.push(`${route.name} ${who} ${route.expected[who] ?? route.fallback}`);
        }
      expect(answers).toEqual(expected);
      expect(await statusOf(pending.requestId)).toBe('pending');
      expect(await statusOf(accepted.requestId)).toBe('accepted');
    });

    it('lists the requests of the caller’s posts only (supervisor: their country’s, both directions)', async () => {
      const listed = async (who: Who, direction = 'all') =>
        (
          await as(who).get(`/api/v1/assistance-requests?direction=${direction}&limit=200`)
        ).body.items.map((r: { id: string }) => r.id);
      expect(await listed('mxOfficer', 'outgoing')).toContain(pending.requestId);
      expect(await listed('mxOfficer', 'incoming')).not.toContain(pending.requestId);
      expect(await listed('gtOfficer', 'incoming')).toContain(pending.requestId);
      expect(await listed('mxSupervisor')).toContain(pending.requestId);
      expect(await listed('gtSupervisor')).toContain(pending.requestId);
      for (const who of ['mxOtherOfficer', 'gtOtherConsul', 'hnOfficer'] as Who[])
        expect(await listed(who)).toEqual([]);
      for (const who of ['analyst', 'admin', 'systemAdmin'] as Who[])
        expect((await as(who).get('/api/v1/assistance-requests')).status).toBe(403);
      const page = await as('mxOfficer').get('/api/v1/assistance-requests?limit=1');
      expect(page.body.items).toHaveLength(1);
      const next = await as('mxOfficer').get(
        `/api/v1/assistance-requests?limit=1&cursor=${page.body.nextCursor}`,
      );
      expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
      expect(new Date(next.body.items[0].requestedAt).getTime()).toBeLessThanOrEqual(
        new Date(page.body.items[0].requestedAt).getTime(),
      );
      const counts = await as('gtConsul').get('/api/v1/assistance-requests/counts');
      expect(counts.body.incomingPending).toBeGreaterThan(0);
      const none = await as('hnOfficer').get('/api/v1/assistance-requests/counts');
      expect(none.body).toEqual({ incomingPending: 0, outgoingPending: 0 });
    });

    it('offers the consulates of other countries, those covering the event place first', async () => {
      const res = await as('mxOfficer').get(
        `/api/v1/cases/${pending.caseId}/assistance-candidates`,
      );
      const ids = res.body.map((c: { consulate: { id: string } }) => c.consulate.id);
      expect(ids).not.toContain(posts.mx);
      expect(ids).not.toContain(posts.mxOther);
      expect(ids).not.toContain(posts.gtInactive);
      expect(ids.indexOf(posts.gt)).toBeLessThan(ids.indexOf(posts.hn));
      const hn = res.body.find((c: { consulate: { id: string } }) => c.consulate.id === posts.hn);
      expect(hn).toMatchObject({
        coversPlace: false,
        consulate: { sendingCountryCode: 'HN', hostCountryCode: 'CA' },
      });
      expect(
        res.body.find((c: { consulate: { id: string } }) => c.consulate.id === posts.gt)
          .coversPlace,
      ).toBe(true);
    });
  });

  it('keeps each country’s requests behind the database wall (row-level security)', async () => {
    const { requestId } = await pendingRequest();
    await as('gtOfficer').get(`/api/v1/assistance-requests/${requestId}`);
    const client = new Client({ connectionString: stack.database.url });
    await client.connect();
    const seen = async (table: string, consulates: string[], countries: string[]) => {
      await client.query('BEGIN');
      try {
        await client.query(
          `SELECT set_config('role', 'amparo_scoped', true), set_config('amparo.scope_system', 'off', true),
                  set_config('amparo.scope_consulates', $1, true), set_config('amparo.scope_countries', $2, true)`,
          [`{${consulates.join(',')}}`, `{${countries.join(',')}}`],
        );
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
        return Number(rows[0].n);
      } finally {
        await client.query('ROLLBACK');
      }
    };
    try {
      const all = await count('SELECT count(*) AS n FROM assistance_requests');
      const reports = await count('SELECT count(*) AS n FROM assistance_reports');
      expect(await seen('assistance_requests', [posts.mx], [])).toBe(all);
      expect(await seen('assistance_requests', [posts.gt], [])).toBeGreaterThan(0);
      expect(await seen('assistance_requests', [], ['GT'])).toBe(all);
      expect(await seen('assistance_reports', [posts.mx], [])).toBe(reports);
      expect(await seen('assistance_requests', [posts.mxOther, posts.hn], ['HN'])).toBe(0);
      expect(await seen('assistance_reports', [posts.mxOther, posts.hn], ['HN'])).toBe(0);
    } finally {
      await client.end();
    }
  });
});
