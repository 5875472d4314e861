import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, createUser, GrantSpec, signIn } from './utils/identity';
import { pdfText } from './utils/pdf-text';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Target = 'unrestricted' | 'restricted';
type Body = Record<string, unknown>;

/** What a probe answered. */
interface Answer {
  route: string;
  status: number;
  body: unknown;
}

interface Markers {
  id: string;
  givenNames: string;
  familyNames: string;
  document: string;
  phone: string;
  email: string;
  address: string;
}

const PERSONS: Record<Target, Omit<Markers, 'id'> & { dateOfBirth: string; nearName: Body }> = {
  unrestricted: {
    givenNames: 'Xochitl Marisela',
    familyNames: 'Tzompantzi Huerta',
    dateOfBirth: '1990-04-12',
    document: 'TZX482913',
    phone: '+52 55 8123 4471',
    email: 'xochitl.tzh@example.org',
    address: '1420 Calle Obscura, apartamento 7, Fresno',
    nearName: { givenNames: 'Xochitl Maricela', familyNames: 'Tzompanzi Huerta' },
  },
  restricted: {
    givenNames: 'Eulalio Fermín',
    familyNames: 'Coyotzi Batres',
    dateOfBirth: '1984-11-03',
    document: 'CBE739104',
    phone: '+52 33 9087 1123',
    email: 'eulalio.cb@example.org',
    address: '77 Rue Perdue, refugio 3, Tijuana',
    nearName: { givenNames: 'Eulalio Fermin', familyNames: 'Coyotsi Batres' },
  },
};

/**
 * Every route of the API, and whether it is probed below for person data. A new route fails this
 * spec until it is probed or its reason for carrying no person data is written here.
 */
const PROBED = new Set([
  'GET PersonsController.search',
  'POST CasesController.create',
  'GET CasesController.list',
  'GET CasesController.get',
  'PATCH CasesController.update',
  'POST CasesController.transition',
  'POST CasesController.assign',
  'GET CaseActionsController.list',
  'GET CaseActionsController.historyOf',
  'GET AccessRequestsController.list',
  'GET ConsentsController.list',
  'POST ConsentsController.record',
  'POST ConsentsController.withdraw',
  'GET ConsentsController.listOverrides',
  'POST ConsentsController.review',
  'GET ReferralsController.candidates',
  'POST ReferralsController.preview',
  'POST ReferralsController.create',
  'GET ReferralsController.listForCase',
  'GET ReferralsController.list',
  'GET ReferralsController.get',
  'POST ReferralsController.answer',
  'POST ReferralsController.complete',
  'POST ReferralsController.revoke',
  'GET ReferralsController.letter',
  'POST AssistanceRequestsController.preview',
  'POST AssistanceRequestsController.create',
  'GET AssistanceRequestsController.list',
  'GET AssistanceRequestsController.get',
  'POST AssistanceRequestsController.accept',
  'POST AssistanceRequestsController.reject',
  'POST AssistanceRequestsController.revoke',
  'POST AssistanceRequestsController.complete',
  'POST AssistanceRequestsController.addReport',
  'GET AssistanceRequestsController.listReports',
  'GET DetentionsController.list',
  'POST DetentionsController.record',
  'PATCH DetentionsController.update',
  'GET DetentionsController.overdue',
  'GET BestInterestAssessmentsController.list',
  'POST BestInterestAssessmentsController.add',
  'GET ReturnMovementsController.get',
  'GET ReturnMovementsController.list',
  'GET ReturnMovementsController.forCase',
  'POST ReturnMovementsController.addEscort',
]);
const NO_PERSON_DATA: Record<string, string> = {
  'POST CaseActionsController.add': 'answers the action written, which has no person fields',
  'POST CaseActionsController.correct': 'answers the correction written, no person fields',
  'GET CasesController.assignableOfficers': 'names staff of the case’s post, never its persons',
  'POST AccessRequestsController.request': 'answers the grant (case reference, reason, times)',
  'POST AccessRequestsController.review': 'answers the grant (case reference, reason, times)',
  AuditEventsController: 'audit events never store personal data values',
  MeController: 'the caller’s own account',
  UsersController: 'staff accounts, not assisted persons',
  AuthController: 'sign-in and sessions',
  QueueDashboardSessionController: 'the queue dashboard’s session',
  StatisticsController: 'aggregates with disclosure control',
  ExportsController: 'aggregates with disclosure control',
  HealthController: 'liveness and readiness',
  ConsulatesController: 'directory',
  OfficialsController: 'directory (consular staff)',
  CountriesController: 'reference data',
  OrganisationsController: 'directory',
  MyOrganisationController: 'directory (the focal point’s own organisation)',
  SystemPingsController: 'infrastructure check',
  CodeListsController: 'reference data (code labels)',
  CaseloadController: 'counts of cases by post, officer and month; names only of staff',
  WorkQueueController: 'counts of cases per tab and the filters that list them',
  CooperationQueueController: 'counts of referrals, assistance requests and transfers per post',
  TransfersController:
    'transfers carry posts, staff, reasons and the case’s operational summary, never a person (checked in case-transfers.e2e-spec.ts)',
  'GET AssistanceRequestsController.candidates': 'consulates of other countries, never persons',
  'GET AssistanceRequestsController.counts': 'counts of pending assistance requests',
  CrisisEventsController: 'crisis events name posts and places, never a person',
  CrisisRosterController:
    'roster persons are not case persons: walled per event, every route probed from other posts and countries in crisis-events.e2e-spec.ts',
  CrisisEnquiriesController:
    'enquiries and their suggestions come from the event’s roster only: probed from other posts and countries in crisis-work.e2e-spec.ts',
  CrisisMovementsController:
    'passengers and manifests come from the event’s roster only: probed from other posts and countries in crisis-work.e2e-spec.ts',
  CrisisDashboardController:
    'counts of the roster; demobilisation answers case ids and references, never a person (probed in crisis-work.e2e-spec.ts)',
  CrisisImportsController:
    'imports answer counts, progress and per-row codes and column headers, never a value of the file; the template is empty (checked in crisis-import.e2e-spec.ts)',
  // Every write of a return movement answers the movement as POST …/escorts does (probed): case
  // references, and persons' ids only of the cases the caller may read.
  'POST ReturnMovementsController.create': 'a new movement has no cases, so no persons',
  'PATCH ReturnMovementsController.update': 'answers the movement as POST …/escorts does',
  'POST ReturnMovementsController.addCase': 'answers the movement as POST …/escorts does',
  'DELETE ReturnMovementsController.removeCase': 'answers the movement as POST …/escorts does',
  'DELETE ReturnMovementsController.removeEscort': 'answers the movement as POST …/escorts does',
  'POST ReturnMovementsController.depart': 'answers the movement as POST …/escorts does',
  'POST ReturnMovementsController.handover': 'answers the movement as POST …/escorts does',
  'POST ReturnMovementsController.complete': 'answers the movement as POST …/escorts does',
  'POST ReturnMovementsController.cancel': 'answers the movement as POST …/escorts does',
  'POST ReturnMovementsController.refer':
    'answers the referral made, as POST /cases/{id}/referrals does (probed), to an officer or consul who works the case',
  RegionalController:
    'member keys and national exports already under disclosure control: aggregates only',
  RegionalReportsController:
    'the semester report: national aggregates under disclosure control and published practices',
  ExportKeysController: 'the deployment’s public export key and country codes',
  GoodPracticesController: 'the good-practice catalogue: institutional texts, never a person',
  PracticeDocumentsController: 'PDF documents of the good-practice catalogue',
  PracticeViewsController:
    'published catalogue entries (the matrix; a case’s practices by its categories, never its persons)',
};

// Who may read a person is who may read a case they appear in (the rule of GET /cases/{id}): no
// route may name a person, by id or by any identifying value, to anyone else.
describe('Person data across posts, restrictions and roles', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let postA: string;
  const posts: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const cases = {} as Record<Target, string>;
  const referrals = {} as Record<Target, string>;
  let organisationId: string;
  /** An assistance request from each target case to a post of a country no caller works for. */
  const assistance = {} as Record<Target, string>;
  /** A planned return movement of post A carrying each target case. */
  const returns = {} as Record<Target, string>;
  const markers = {} as Record<Target, Markers>;

  /** Callers, with the post they register at and which target cases they may read. */
  const CALLERS: {
    name: string;
    grants: () => GrantSpec[];
    reads: Target[];
    links?: Target[];
    post?: string;
  }[] = [
    {
      name: 'assigned officer',
      grants: () => [{ role: 'officer', consulateId: postA }],
      reads: ['unrestricted', 'restricted'],
      post: 'A',
    },
    {
      name: 'officer of the same post',
      grants: () => [{ role: 'officer', consulateId: postA }],
      reads: ['unrestricted'],
      post: 'A',
    },
    {
      name: 'officer of another post of the country',
      grants: () => [{ role: 'officer', consulateId: posts.B }],
      reads: [],
      post: 'B',
    },
    {
      name: 'officer of another country',
      grants: () => [{ role: 'officer', consulateId: posts.GT }],
      reads: [],
      post: 'GT',
    },
    {
      name: 'consul of the post',
      grants: () => [{ role: 'consul', consulateId: postA }],
      reads: ['unrestricted', 'restricted'],
      post: 'A',
    },
    {
      name: 'consul of another post',
      grants: () => [{ role: 'consul', consulateId: posts.B }],
      reads: [],
      post: 'B',
    },
    {
      name: 'supervisor of the country',
      grants: () => [{ role: 'supervisor', countryCode: 'MX' }],
      reads: ['unrestricted'],
    },
    {
      name: 'supervisor of another country',
      grants: () => [{ role: 'supervisor', countryCode: 'GT' }],
      reads: [],
    },
    { name: 'analyst', grants: () => [{ role: 'analyst', countryCode: 'MX' }], reads: [] },
    { name: 'admin', grants: () => [{ role: 'admin', countryCode: 'MX' }], reads: [] },
    { name: 'system_admin', grants: () => [{ role: 'system_admin' }], reads: [] },
    {
      name: 'officer of the post holding break-the-glass',
      grants: () => [{ role: 'officer', consulateId: postA }],
      reads: ['unrestricted', 'restricted'],
      // Break-the-glass opens the case for reading; it never lets its holder link the person.
      links: ['unrestricted'],
      post: 'A',
    },
    {
      name: 'officer of the post whose break-the-glass expired',
      grants: () => [{ role: 'officer', consulateId: postA }],
      reads: ['unrestricted'],
      post: 'A',
    },
    {
      name: 'supervisor holding break-the-glass',
      grants: () => [{ role: 'supervisor', countryCode: 'MX' }],
      reads: ['unrestricted', 'restricted'],
    },
  ];

  const api = () => request(app.getHttpServer());
  const as = (who: string) => (test: request.Test) =>
    test.set('Authorization', `Bearer ${tokens[who]}`);
  const count = async (sql: string) => Number((await stack.query<{ n: string }>(sql))[0].n);

  const newPerson = (overrides: Body): Body => ({
    sex: 'female',
    nationalityCode: 'MX',
    ...overrides,
  });

  async function registerTarget(target: Target): Promise<void> {
    const p = PERSONS[target];
    const created = await as('assigned officer')(api().post('/api/v1/cases')).send({
      consulateId: postA,
      primaryCategory: target === 'restricted' ? 'asylum' : 'documentation',
      summary: 'Registered for the person-scope matrix.',
      persons: [
        {
          role: 'primary',
          person: newPerson({
            givenNames: p.givenNames,
            familyNames: p.familyNames,
            dateOfBirth: p.dateOfBirth,
            documents: [{ type: 'passport', number: p.document, issuingCountryCode: 'MX' }],
            phone: p.phone,
            email: p.email,
            addressAbroad: p.address,
          }),
        },
      ],
    });
    expect(created.status).toBe(201);
    cases[target] = created.body.id;
    markers[target] = {
      id: created.body.persons[0].person.id,
      givenNames: p.givenNames,
      familyNames: p.familyNames,
      document: p.document,
      phone: p.phone,
      email: p.email,
      address: p.address,
    };
    // An action and a history entry, so that those routes have something to answer.
    const action = await as('assigned officer')(
      api().post(`/api/v1/cases/${created.body.id}/actions`),
    ).send({ type: 'interview', occurredAt: new Date(Date.now() - 3600_000).toISOString() });
    expect(action.status).toBe(201);
    const updated = await as('assigned officer')(api().patch(`/api/v1/cases/${created.body.id}`))
      .set('If-Match', created.headers.etag)
      .send({ riskLevel: 'high' });
    expect(updated.status).toBe(200);
    // A referral carrying every identifying field, so the referral routes have it to leak.
    const consent = await as('assigned officer')(
      api().post(`/api/v1/cases/${created.body.id}/consents`),
    ).send({
      personId: created.body.persons[0].person.id,
      purposes: ['disclosure_to_organisations'],
      disclosableFields: ['names', 'date_of_birth', 'documents', 'contact', 'address_abroad'],
      method: 'signed_form',
      givenBy: 'person',
    });
    expect(consent.status).toBe(201);
    const referral = await as('assigned officer')(
      api().post(`/api/v1/cases/${created.body.id}/referrals`),
    )
      .set('Idempotency-Key', randomUUID())
      .send(referralBody());
    expect(referral.status).toBe(201);
    referrals[target] = referral.body.id;
    const movement = await as('assigned officer')(api().post('/api/v1/return-movements')).send({
      consulateId: postA,
      mode: 'land',
      plannedDepartureAt: new Date(Date.now() + 86400_000).toISOString(),
      fromCountryCode: 'US',
      fromPlace: 'San Ysidro',
      toPlace: 'Tijuana',
    });
    expect(movement.status).toBe(201);
    returns[target] = movement.body.id;
    const onBoard = await as('assigned officer')(
      api().post(`/api/v1/return-movements/${movement.body.id}/cases`),
    ).send({ caseId: created.body.id, personIds: [created.body.persons[0].person.id] });
    expect(onBoard.status).toBe(201);
  }

  const referralBody = (): Body => ({
    organisationId,
    services: ['legal_aid'],
    need: 'Legal advice for the person-scope matrix.',
    fields: ['names', 'date_of_birth', 'documents', 'contact', 'address_abroad'],
  });

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    postA = await createConsulate(stack, 'MX');
    posts.A = postA;
    posts.B = await createConsulate(stack, 'MX');
    posts.GT = await createConsulate(stack, 'GT');
    [{ id: organisationId }] = await stack.query<{ id: string }>(
      `INSERT INTO organisations (name, type, services, coverage_countries)
       VALUES ('Person-scope legal aid', 'civil_society', '{legal_aid}', '{US}') RETURNING id`,
    );
    const users: Record<string, string> = {};
    for (const caller of CALLERS) {
      const user = await createUser(stack, caller.grants());
      users[caller.name] = user.id;
      tokens[caller.name] = (await signIn(app, user.email)).accessToken;
    }
    await registerTarget('unrestricted');
    await registerTarget('restricted');
    posts.HN = await createConsulate(stack, 'HN');
    for (const target of ['unrestricted', 'restricted'] as Target[]) {
      const consent = await as('assigned officer')(
        api().post(`/api/v1/cases/${cases[target]}/consents`),
      ).send({
        personId: markers[target].id,
        purposes: ['disclosure_to_other_country'],
        disclosableFields: assistanceBody().fields,
        method: 'signed_form',
        givenBy: 'person',
      });
      expect(consent.status).toBe(201);
      const sent = await as('assigned officer')(
        api().post(`/api/v1/cases/${cases[target]}/assistance-requests`),
      ).send(assistanceBody());
      expect(sent.status).toBe(201);
      assistance[target] = sent.body.id;
    }
    for (const holder of [
      'officer of the post holding break-the-glass',
      'officer of the post whose break-the-glass expired',
      'supervisor holding break-the-glass',
    ]) {
      const granted = await as(holder)(
        api().post(`/api/v1/cases/${cases.restricted}/access-requests`),
      ).send({ reason: 'The assigned officer is away and the hearing is in one hour.' });
      expect(granted.status).toBe(201);
    }
    await stack.query(
      `UPDATE case_access_requests SET expires_at = now() - interval '1 second' WHERE case_id = $1 AND user_id = $2`,
      [cases.restricted, users['officer of the post whose break-the-glass expired']],
    );
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const assistanceBody = () => ({
    receivingConsulateId: posts.HN,
    kind: 'assistance',
    reason: 'no_post_in_place',
    reasonNote: 'Probing who may read a request and its payload.',
    fields: ['names', 'sex', 'nationality', 'documents', 'contact', 'address_abroad'],
  });

  /** A case body at the caller's post (or post A for those without one). */
  const caseAt = (post: string | undefined, persons: Body[], extra: Body = {}): Body => ({
    consulateId: posts[post ?? 'A'],
    primaryCategory: 'documentation',
    persons,
    ...extra,
  });

  /** Every probed route, asked about the target by this caller. */
  async function probe(who: string, post: string | undefined, target: Target): Promise<Answer[]> {
    const m = markers[target];
    const { nearName, dateOfBirth } = PERSONS[target];
    const caseId = cases[target];
    const stale = '"v999999"';
    const answers: Answer[] = [];
    const ask = async (route: string, test: request.Test) => {
      const res = await as(who)(test);
      answers.push({ route, status: res.status, body: res.body });
      return res;
    };
    await ask(
      'GET /persons?q=names',
      api()
        .get('/api/v1/persons')
        .query({ q: `${m.givenNames} ${m.familyNames}` }),
    );
    await ask('GET /persons?q=document', api().get('/api/v1/persons').query({ q: m.document }));
    await ask(
      'POST /cases (duplicates by name and birth date)',
      api()
        .post('/api/v1/cases')
        .send(caseAt(post, [{ role: 'primary', person: newPerson({ ...nearName, dateOfBirth }) }])),
    );
    await ask(
      'POST /cases (duplicates by document)',
      api()
        .post('/api/v1/cases')
        .send(
          caseAt(post, [
            {
              role: 'primary',
              person: newPerson({
                givenNames: 'Otra',
                familyNames: 'Persona Distinta',
                estimatedAge: 40,
                documents: [
                  { type: 'passport', number: spaced(m.document), issuingCountryCode: 'MX' },
                ],
              }),
            },
          ]),
        ),
    );
    await ask('GET /cases', api().get('/api/v1/cases').query({ limit: 200 }));
    await ask('GET /cases/{id}', api().get(`/api/v1/cases/${caseId}`));
    await ask('GET /cases/{id}/history', api().get(`/api/v1/cases/${caseId}/history`));
    await ask('GET /cases/{id}/actions', api().get(`/api/v1/cases/${caseId}/actions`));
    await ask('GET /cases/{id}/returns', api().get(`/api/v1/cases/${caseId}/returns`));
    await ask('GET /return-movements', api().get('/api/v1/return-movements').query({ limit: 200 }));
    await ask(
      'GET /return-movements/{id}',
      api().get(`/api/v1/return-movements/${returns[target]}`),
    );
    await ask(
      'POST /return-movements/{id}/escorts',
      api()
        .post(`/api/v1/return-movements/${returns[target]}/escorts`)
        .send({ name: 'Probe escort', role: 'Consular officer' }),
    );
    await ask('GET /access-requests', api().get('/api/v1/access-requests'));
    await ask('GET /cases/{id}/consents', api().get(`/api/v1/cases/${caseId}/consents`));
    await ask(
      'POST /cases/{id}/consents',
      api()
        .post(`/api/v1/cases/${caseId}/consents`)
        .send({
          personId: m.id,
          purposes: ['services'],
          disclosableFields: [],
          method: 'verbal_with_witness',
          givenBy: 'person',
        }),
    );
    await ask(
      'GET /cases/{id}/best-interest-assessments',
      api().get(`/api/v1/cases/${caseId}/best-interest-assessments`),
    );
    await ask(
      'POST /cases/{id}/best-interest-assessments',
      api()
        .post(`/api/v1/cases/${caseId}/best-interest-assessments`)
        .send({
          personId: m.id,
          assessedAt: new Date(Date.now() - 60_000).toISOString(),
          findings: 'Probing who may record an assessment.',
          recommendedSolution: 'other',
        }),
    );
    await ask(
      'POST /cases/{id}/consents/{consentId}/withdraw',
      api().post(`/api/v1/cases/${caseId}/consents/${randomUUID()}/withdraw`).send({}),
    );
    await ask('GET /cases/{id}/detentions', api().get(`/api/v1/cases/${caseId}/detentions`));
    await ask(
      'POST /cases/{id}/detentions',
      api()
        .post(`/api/v1/cases/${caseId}/detentions`)
        // Overdue (no notification for 100 hours): the work queue then lists it to its team.
        .send({ personId: m.id, arrestedAt: new Date(Date.now() - 100 * 3_600_000).toISOString() }),
    );
    await ask(
      'PATCH /cases/{id}/detentions/{detentionId}',
      api()
        .patch(`/api/v1/cases/${caseId}/detentions/${randomUUID()}`)
        .set('If-Match', '"v1"')
        .send({ facilityName: 'Centro' }),
    );
    await ask('GET /work-queue/detentions', api().get('/api/v1/work-queue/detentions'));
    await ask(
      'GET /consent-overrides',
      api().get('/api/v1/consent-overrides').query({ status: 'all' }),
    );
    await ask(
      'POST /consent-overrides/{id}/review',
      api().post(`/api/v1/consent-overrides/${randomUUID()}/review`).send({}),
    );
    const referralId = referrals[target];
    await ask(
      'GET /cases/{id}/referral-candidates',
      api().get(`/api/v1/cases/${caseId}/referral-candidates`),
    );
    const { need: _need, ...previewBody } = referralBody();
    await ask(
      'POST /cases/{id}/referrals/preview',
      api().post(`/api/v1/cases/${caseId}/referrals/preview`).send(previewBody),
    );
    await ask(
      'POST /cases/{id}/referrals',
      api()
        .post(`/api/v1/cases/${caseId}/referrals`)
        .set('Idempotency-Key', randomUUID())
        .send(referralBody()),
    );
    await ask('GET /cases/{id}/referrals', api().get(`/api/v1/cases/${caseId}/referrals`));
    await ask('GET /referrals', api().get('/api/v1/referrals').query({ limit: 200 }));
    await ask('GET /referrals/{id}', api().get(`/api/v1/referrals/${referralId}`));
    const letter = await as(who)(api().get(`/api/v1/referrals/${referralId}/letter`))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    answers.push({
      route: 'GET /referrals/{id}/letter',
      status: letter.status,
      body: letter.status === 200 ? pdfText(letter.body as Buffer) : String(letter.body),
    });
    // Valid steps (a reader moves the referral on; the others must learn nothing of it).
    await ask(
      'POST /referrals/{id}/answer',
      api().post(`/api/v1/referrals/${referralId}/answer`).send({ outcome: 'accepted' }),
    );
    await ask(
      'POST /referrals/{id}/complete',
      api().post(`/api/v1/referrals/${referralId}/complete`).send({}),
    );
    await ask(
      'POST /referrals/{id}/revoke',
      api().post(`/api/v1/referrals/${referralId}/revoke`).send({ reason: 'Probe of the matrix.' }),
    );
    const request = `/api/v1/assistance-requests/${assistance[target]}`;
    await ask(
      'POST /cases/{id}/assistance-requests/preview',
      api()
        .post(`/api/v1/cases/${caseId}/assistance-requests/preview`)
        .send({
          receivingConsulateId: posts.HN,
          kind: 'assistance',
          fields: ['names', 'documents'],
        }),
    );
    await ask(
      'POST /cases/{id}/assistance-requests',
      api().post(`/api/v1/cases/${caseId}/assistance-requests`).send(assistanceBody()),
    );
    await ask(
      'GET /assistance-requests',
      api().get('/api/v1/assistance-requests').query({ limit: 200 }),
    );
    await ask('GET /assistance-requests/{id}', api().get(request));
    await ask('GET /assistance-requests/{id}/reports', api().get(`${request}/reports`));
    await ask(
      'POST /assistance-requests/{id}/accept',
      api().post(`${request}/accept`).send({ primaryCategory: 'documentation' }),
    );
    await ask(
      'POST /assistance-requests/{id}/reject',
      api().post(`${request}/reject`).send({ reason: 'Probing the rejection route.' }),
    );
    await ask('POST /assistance-requests/{id}/complete', api().post(`${request}/complete`));
    await ask(
      'POST /assistance-requests/{id}/reports',
      api().post(`${request}/reports`).send({ text: 'Probing the reports route.' }),
    );
    await ask(
      'POST /assistance-requests/{id}/revoke',
      api().post(`${request}/revoke`).send({ reason: 'Probing the revocation route.' }),
    );
    await ask(
      'PATCH /cases/{id}',
      api().patch(`/api/v1/cases/${caseId}`).set('If-Match', stale).send({ riskLevel: 'low' }),
    );
    await ask(
      'POST /cases/{id}/transitions',
      api()
        .post(`/api/v1/cases/${caseId}/transitions`)
        .set('If-Match', stale)
        .send({ to: 'in_progress' }),
    );
    await ask(
      'POST /cases/{id}/assignment',
      api()
        .post(`/api/v1/cases/${caseId}/assignment`)
        .set('If-Match', stale)
        .send({ officerId: randomUUID() }),
    );
    return answers;
  }

  /** The same document number as written another way: found as the same, never echoed as it. */
  const spaced = (document: string) => `${document.slice(0, 3)} ${document.slice(3)}`.toLowerCase();

  function leaks(answers: Answer[], m: Markers): string[] {
    return answers.flatMap(({ route, body }) => {
      const text = JSON.stringify(body);
      return (Object.keys(m) as (keyof Markers)[])
        .filter((key) => text.includes(m[key]))
        .map((key) => `${route} names the ${key}`);
    });
  }

  /** A problem without what differs between any two answers (request id, instance). */
  const problemOf = (body: {
    code?: string;
    title?: string;
    detail?: string;
    status?: number;
    errors?: { field: string; code: string; message?: unknown }[];
  }) => ({
    status: body.status,
    code: body.code,
    title: body.title,
    detail: body.detail,
    errors: body.errors?.map(({ field, code, message }) => ({ field, code, message })),
  });

  describe.each(CALLERS.map((c) => [c.name, c] as const))('%s', (name, caller) => {
    it.each(['unrestricted', 'restricted'] as Target[])(
      'names the %s person only if they may read the case',
      async (target) => {
        const answers = await probe(name, caller.post, target);
        const mayRead = caller.reads.includes(target);
        if (!mayRead) {
          expect(leaks(answers, markers[target])).toEqual([]);
          return;
        }
        // The probes reach the person for a reader, so the silence of the others means something.
        const byRoute = new Map(answers.map((a) => [a.route, a]));
        expect(leaks([byRoute.get('GET /cases/{id}')!], markers[target])).toHaveLength(
          Object.keys(markers[target]).length,
        );
        // A referral's payload carries what was disclosed, to whoever may read its case.
        expect(leaks([byRoute.get('GET /referrals/{id}')!], markers[target])).toHaveLength(
          Object.keys(markers[target]).length,
        );
        // A return movement names the persons of the cases the reader may read.
        expect(leaks([byRoute.get('GET /return-movements/{id}')!], markers[target]).sort()).toEqual(
          [
            'GET /return-movements/{id} names the familyNames',
            'GET /return-movements/{id} names the givenNames',
            'GET /return-movements/{id} names the id',
          ],
        );
        const search = byRoute.get('GET /persons?q=document')!;
        expect(search.status).toBe(200);
        expect(JSON.stringify(search.body)).toContain(markers[target].id);
        if (caller.post) {
          const offered = byRoute.get('POST /cases (duplicates by name and birth date)')!;
          expect(offered.status).toBe(201);
          expect(
            (offered.body as { possibleDuplicates: { personId: string }[] }).possibleDuplicates.map(
              (d) => d.personId,
            ),
          ).toContain(markers[target].id);
        }
      },
    );

    it.each(['unrestricted', 'restricted'] as Target[])(
      'links the %s person only if they may read the case without break-the-glass, else answers as for an unknown id',
      async (target) => {
        const mayRead = (caller.links ?? caller.reads).includes(target);
        const before = await count('SELECT count(*) AS n FROM cases');
        const link = (personId: string, extra: Body = {}) =>
          as(name)(api().post('/api/v1/cases')).send(
            caseAt(caller.post, [{ role: 'primary', personId }], {
              restricted: true,
              summary: 'Linking probe.',
              ...extra,
            }),
          );
        // With another field wrong too, the answer must not tell an unreadable person from none.
        const future = { openedAt: new Date(Date.now() + 30 * 86400_000).toISOString() };
        const unknownAndWrong = await link(randomUUID(), future);
        const linkedAndWrong = await link(markers[target].id, future);
        const unknown = await link(randomUUID());
        const linked = await link(markers[target].id);
        if (mayRead && caller.post) {
          expect(linkedAndWrong.body.errors.map((e: { code: string }) => e.code)).toEqual([
            'IN_THE_FUTURE',
          ]);
          expect(linked.status).toBe(201);
          expect(JSON.stringify(linked.body)).toContain(markers[target].document);
          return;
        }
        expect(linkedAndWrong.status).toBe(unknownAndWrong.status);
        expect(problemOf(linkedAndWrong.body)).toEqual(problemOf(unknownAndWrong.body));
        expect(linked.status).toBe(unknown.status);
        expect(problemOf(linked.body)).toEqual(problemOf(unknown.body));
        const answers = [linked, linkedAndWrong].map((res) => ({
          route: 'POST /cases (link)',
          status: res.status,
          body: res.body,
        }));
        expect(leaks(answers, markers[target])).toEqual([]);
        expect(await count('SELECT count(*) AS n FROM cases')).toBe(before);
      },
    );
  });

  it('finds persons for a supervisor with identifying fields masked, as in case lists', async () => {
    const m = markers.unrestricted;
    const res = await as('supervisor of the country')(api().get('/api/v1/persons')).query({
      q: m.document,
    });
    expect(res.status).toBe(200);
    const found = res.body.items.find((p: { id: string }) => p.id === m.id);
    expect(found).toMatchObject({
      givenNames: 'X. M.',
      familyNames: 'T. H.',
      documents: [],
      masked: true,
    });
    expect(found.caseIds).toContain(cases.unrestricted);
    expect(leaks([{ route: 'GET /persons', status: 200, body: found }], m)).toEqual([
      'GET /persons names the id',
    ]);
    const officer = await as('assigned officer')(api().get('/api/v1/persons')).query({
      q: m.document,
    });
    expect(officer.body.items.find((p: { id: string }) => p.id === m.id)).toMatchObject({
      masked: false,
      phone: m.phone,
    });
  });

  it('probes every route that could carry person data; the others say why they cannot', () => {
    const scanner = app.get(MetadataScanner);
    const unclassified: string[] = [];
    for (const wrapper of app.get(DiscoveryService).getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const method of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[method] as () => unknown;
        const verb = Reflect.getMetadata('method', handler) as RequestMethod | undefined;
        if (verb === undefined) continue;
        const route = `${RequestMethod[verb]} ${controller.name}.${method}`;
        if (!PROBED.has(route) && !NO_PERSON_DATA[route] && !NO_PERSON_DATA[controller.name])
          unclassified.push(route);
      }
    }
    expect(unclassified).toEqual([]);
  });
});
