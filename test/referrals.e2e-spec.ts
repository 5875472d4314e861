import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AccessClaims, CallerLoader } from '@amparo/identity';
import { OrganisationReferralsService } from '@amparo/referrals';
import { pdfText } from './utils/pdf-text';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;

const DAY = 86_400_000;
const utcDay = (days = 0) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const CONSENTED = {
  services: true,
  disclosureToOrganisations: true,
  disclosureToOtherCountry: false,
  tracing: false,
};

describe('Referrals of a case to organisations', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  let otherPost: string;
  let shelter: string;
  let legalAid: string;
  let agencyMx: string;
  let inactive: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  const organisation = async (values: {
    name: string;
    type?: string;
    services: string[];
    countries: string[];
    subdivisions?: string[];
    languages?: string[];
    active?: boolean;
  }) => {
    const [row] = await stack.query<{ id: string }>(
      `INSERT INTO organisations (name, acronym, type, services, coverage_countries, coverage_subdivisions, languages,
                                  email, phone, address, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'intake@example.org', '+1 213 555 0100', '200 Main St, Los Angeles', $8)
       RETURNING id`,
      [
        values.name,
        values.name.slice(0, 4).toUpperCase(),
        values.type ?? 'civil_society',
        values.services,
        values.countries,
        values.subdivisions ?? [],
        values.languages ?? [],
        values.active ?? true,
      ],
    );
    return row.id;
  };

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    otherPost = await createConsulate(stack, 'MX');
    const guatemalan = await createConsulate(stack, 'GT');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await signInAs('consul', [{ role: 'consul', consulateId: post }]);
    await signInAs('supervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
    await signInAs('otherPost', [{ role: 'officer', consulateId: otherPost }]);
    await signInAs('otherCountry', [{ role: 'supervisor', countryCode: 'GT' }]);
    await signInAs('otherConsul', [{ role: 'consul', consulateId: guatemalan }]);
    await signInAs('analyst', [{ role: 'analyst', countryCode: 'MX' }]);
    await signInAs('admin', [{ role: 'admin', countryCode: 'MX' }]);
    await signInAs('sysadmin', [{ role: 'system_admin' }]);
    shelter = await organisation({
      name: 'Casa Refugio Esperanza',
      services: ['shelter', 'psychosocial'],
      countries: ['US'],
      subdivisions: ['US-TX'],
      languages: ['es'],
    });
    legalAid = await organisation({
      name: 'Clínica Jurídica del Pacífico',
      services: ['legal_aid', 'interpretation'],
      countries: ['US'],
      subdivisions: ['US-CA'],
      languages: ['es', 'en'],
    });
    agencyMx = await organisation({
      name: 'Sistema Nacional DIF',
      type: 'government_agency',
      services: ['child_protection', 'legal_aid'],
      countries: ['MX'],
      languages: ['es'],
    });
    inactive = await organisation({
      name: 'Closed Legal Aid',
      services: ['legal_aid'],
      countries: ['US'],
      active: false,
    });
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const createCase = async (overrides: Body = {}, who = 'officer') => {
    const res = await http()
      .post('/api/v1/cases')
      .set(as(who))
      .send({
        consulateId: post,
        primaryCategory: 'criminal_detention',
        eventCountryCode: 'US',
        eventSubdivisionCode: 'US-CA',
        summary: 'Detained after a traffic stop; needs a lawyer.',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Rosalía',
              familyNames: `Ñúñez ${randomUUID().slice(0, 6)}`,
              sex: 'female',
              nationalityCode: 'MX',
              languages: ['es', 'nah'],
              phone: '+1 323 555 0199',
              addressAbroad: '4521 Calle Secreta, Bell Gardens',
              documents: [{ type: 'passport', number: 'G55501234', issuingCountryCode: 'MX' }],
            },
          },
        ],
        ...overrides,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; reference: string; persons: { person: { id: string } }[] };
  };

  const referralBody = (overrides: Body = {}): Body => ({
    organisationId: legalAid,
    services: ['legal_aid'],
    need: 'Legal representation at the arraignment hearing.',
    fields: ['names', 'contact', 'languages'],
    followUpDue: utcDay(7),
    ...overrides,
  });

  const refer = (caseId: string, body: Body = referralBody(), who = 'officer') =>
    http()
      .post(`/api/v1/cases/${caseId}/referrals`)
      .set(as(who))
      .set('Idempotency-Key', randomUUID())
      .send(body);

  const referrals = (caseId: string) =>
    stack.query<{ id: string; status: string }>(
      'SELECT id, status FROM organisation_referrals WHERE case_id = $1',
      [caseId],
    );
  const actions = (caseId: string) =>
    stack.query<{ type: string; outcome: string }>(
      'SELECT type, outcome FROM consular_actions WHERE case_id = $1 ORDER BY recorded_at, id',
      [caseId],
    );
  const events = (caseId: string, prefix = 'referral.') =>
    stack.query<{ action: string; outcome: string; details: Record<string, unknown> }>(
      `SELECT action, outcome, details FROM audit_events WHERE resource_id = $1 AND action LIKE $2 ORDER BY seq`,
      [caseId, `${prefix}%`],
    );
  const snapshot = async (caseId: string) => ({
    referrals: await stack.query(
      'SELECT * FROM organisation_referrals WHERE case_id = $1 ORDER BY id',
      [caseId],
    ),
    actions: await actions(caseId),
    overrides: await stack.query('SELECT id FROM consent_overrides WHERE case_id = $1', [caseId]),
  });

  const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
    (body.errors ?? []).map((e) => e.field);

  describe('choosing an organisation', () => {
    it('ranks active organisations by services, coverage of the event place and shared languages', async () => {
      const { id } = await createCase();
      const res = await http().get(`/api/v1/cases/${id}/referral-candidates`).set(as('officer'));
      expect(res.status).toBe(200);
      const names = res.body.items.map(
        (c: { organisation: { name: string } }) => c.organisation.name,
      );
      expect(names[0]).toBe('Clínica Jurídica del Pacífico');
      expect(names).not.toContain('Closed Legal Aid');
      expect(res.body.items[0]).toMatchObject({
        organisation: { id: legalAid, type: 'civil_society', coverageSubdivisions: ['US-CA'] },
        matches: {
          services: ['legal_aid', 'interpretation'],
          coversPlace: true,
          languages: ['es'],
        },
      });
      const refuge = res.body.items.find(
        (c: { organisation: { id: string } }) => c.organisation.id === shelter,
      );
      expect(refuge.matches).toEqual({ services: [], coversPlace: false, languages: ['es'] });
    });

    it('filters by a service and a language asked', async () => {
      const { id } = await createCase();
      const res = await http()
        .get(`/api/v1/cases/${id}/referral-candidates`)
        .query({ service: 'shelter', language: 'es' })
        .set(as('officer'));
      expect(
        res.body.items.map((c: { organisation: { id: string } }) => c.organisation.id),
      ).toEqual([shelter]);
      expect(res.body.items[0].matches.services).toEqual(['shelter']);
      const bad = await http()
        .get(`/api/v1/cases/${id}/referral-candidates`)
        .query({ service: 'spa', language: 'Spanish' })
        .set(as('officer'));
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['language', 'service']);
    });
  });

  describe('sending with consent', () => {
    it('discloses only the consented fields asked for; the preview equals what is sent', async () => {
      const created = await createCase({ consent: CONSENTED });
      const preview = await http()
        .post(`/api/v1/cases/${created.id}/referrals/preview`)
        .set(as('officer'))
        .send({
          organisationId: legalAid,
          services: ['legal_aid'],
          fields: ['names', 'contact', 'languages'],
        });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        blockers: [{ purposeMissing: false, fieldsMissing: [] }],
        asylumSafeguard: false,
        overrideAllowed: false,
      });

      const res = await refer(created.id);
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/api/v1/referrals/${res.body.id}`);
      expect(res.body).toMatchObject({
        caseId: created.id,
        caseReference: created.reference,
        consulateId: post,
        organisationId: legalAid,
        organisationName: 'Clínica Jurídica del Pacífico',
        services: ['legal_aid'],
        fields: ['names', 'contact', 'languages'],
        personIds: [created.persons[0].person.id],
        status: 'pending',
        statusReason: null,
        followUpDue: utcDay(7),
        createdBy: ids.officer,
        overrideId: null,
      });
      expect(res.body.consentIds).toHaveLength(1);
      expect(res.body.payload).toEqual(preview.body.payload);
      const person = res.body.payload.persons[0];
      expect(person).toMatchObject({
        role: 'primary',
        givenNames: 'Rosalía',
        phone: '+1 323 555 0199',
        languages: ['es', 'nah'],
      });
      expect(person).not.toHaveProperty('addressAbroad');
      expect(person).not.toHaveProperty('documents');
      expect(person).not.toHaveProperty('dateOfBirth');
      expect(res.body.payload.case).toEqual({});

      const read = await http().get(`/api/v1/referrals/${res.body.id}`).set(as('officer'));
      expect(read.body).toEqual(res.body);
      const listed = await http()
        .get(`/api/v1/cases/${created.id}/referrals`)
        .set(as('supervisor'));
      expect(listed.body).toEqual({ items: [res.body], nextCursor: null });

      expect(await actions(created.id)).toEqual([
        {
          type: 'referral',
          outcome: 'Canalización enviada a Clínica Jurídica del Pacífico: pendiente de respuesta.',
        },
      ]);
      const [event] = await events(created.id, 'referral.create');
      expect(event).toMatchObject({
        outcome: 'success',
        details: {
          referralId: res.body.id,
          organisationId: legalAid,
          fields: ['names', 'contact', 'languages'],
        },
      });
      expect(JSON.stringify(event.details)).not.toContain('Rosalía');
    });

    it('refuses without consent: 409 with the fields, a denied audit event, nothing stored', async () => {
      const created = await createCase();
      const before = await snapshot(created.id);
      const res = await refer(created.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CONSENT_REQUIRED');
      expect(fieldsOf(res.body)).toContain('purpose');
      expect(await snapshot(created.id)).toEqual(before);
      const [denied] = await events(created.id, 'case.disclosure.refuse');
      expect(denied).toMatchObject({
        outcome: 'denied',
        details: { reason: 'consent_missing', target: `organisation:${legalAid}` },
      });
      expect(await events(created.id)).toEqual([]);
    });

    it('refuses a field the consent does not allow', async () => {
      const created = await createCase({ consent: CONSENTED });
      const before = await snapshot(created.id);
      const res = await refer(created.id, referralBody({ fields: ['names', 'address_abroad'] }));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CONSENT_REQUIRED');
      expect(await snapshot(created.id)).toEqual(before);
    });

    it("lets the post's consul override a missing consent with a reason, kept for review; an officer may not", async () => {
      const created = await createCase();
      const override = { reason: 'Imminent hearing and the person cannot be reached to consent.' };
      const byOfficer = await refer(created.id, referralBody({ override }));
      expect(byOfficer.status).toBe(403);
      expect(byOfficer.body.code).toBe('CONSENT_OVERRIDE_NOT_ALLOWED');
      expect(await referrals(created.id)).toEqual([]);

      const res = await refer(created.id, referralBody({ override }), 'consul');
      expect(res.status).toBe(201);
      expect(res.body.consentIds).toEqual([]);
      expect(res.body.overrideId).toEqual(expect.any(String));
      const consents = await http().get(`/api/v1/cases/${created.id}/consents`).set(as('consul'));
      expect(consents.body.overrides).toEqual([
        expect.objectContaining({
          id: res.body.overrideId,
          target: `organisation:${legalAid}`,
          reason: override.reason,
        }),
      ]);
      const review = await http()
        .get('/api/v1/consent-overrides')
        .query({ status: 'all' })
        .set(as('supervisor'));
      expect(review.body.items.map((o: { id: string }) => o.id)).toContain(res.body.overrideId);
    });

    it('applies the asylum safeguard to a government agency of the person’s own country', async () => {
      const created = await createCase({ primaryCategory: 'asylum', consent: CONSENTED }, 'consul');
      const body = referralBody({ organisationId: agencyMx, services: ['child_protection'] });
      const preview = await http()
        .post(`/api/v1/cases/${created.id}/referrals/preview`)
        .set(as('consul'))
        .send({ organisationId: agencyMx, services: ['child_protection'], fields: ['names'] });
      expect(preview.body).toMatchObject({
        asylumSafeguard: true,
        blockers: [{ homeAuthoritiesConsentMissing: true }],
      });
      const before = await snapshot(created.id);
      const res = await refer(
        created.id,
        { ...body, override: { reason: 'The consul decides that it must go anyway.' } },
        'consul',
      );
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('ASYLUM_SAFEGUARD');
      expect(await snapshot(created.id)).toEqual(before);
      const [denied] = await events(created.id, 'case.disclosure.refuse');
      expect(denied.details).toMatchObject({ reason: 'asylum_safeguard' });
      // A civil-society organisation reaches no authorities: the consented referral goes.
      expect((await refer(created.id, referralBody(), 'consul')).status).toBe(201);
    });
  });

  describe("the organisation's answer", () => {
    const answer = (id: string, body: Body, who = 'officer') =>
      http().post(`/api/v1/referrals/${id}/answer`).set(as(who)).send(body);

    it('accepted, then completed: each step on the timeline and in the audit trail', async () => {
      const created = await createCase({ consent: CONSENTED });
      const sent = await refer(created.id);
      const accepted = await answer(sent.body.id, { outcome: 'accepted' });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        status: 'accepted',
        answeredAt: expect.any(String),
        version: 2,
      });
      expect(
        (await answer(sent.body.id, { outcome: 'rejected', reason: 'Full this week' })).body.code,
      ).toBe('REFERRAL_NOT_PENDING');
      const done = await http()
        .post(`/api/v1/referrals/${sent.body.id}/complete`)
        .set(as('consul'))
        .send({ notes: 'Lawyer assigned.' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'completed',
        completedAt: expect.any(String),
        completionNotes: 'Lawyer assigned.',
      });
      expect(await actions(created.id)).toEqual([
        { type: 'referral', outcome: expect.stringContaining('Canalización enviada') },
        {
          type: 'follow_up_contact',
          outcome: 'Clínica Jurídica del Pacífico aceptó la canalización.',
        },
        {
          type: 'follow_up_contact',
          outcome: 'Canalización a Clínica Jurídica del Pacífico concluida.',
        },
      ]);
      expect(
        (await events(created.id)).map((e) => [e.action, e.outcome, e.details.referralId]),
      ).toEqual([
        ['referral.create', 'success', sent.body.id],
        ['referral.answer', 'success', sent.body.id],
        ['referral.complete', 'success', sent.body.id],
      ]);
    });

    it('rejected with its reason; a rejection without a reason changes nothing', async () => {
      const created = await createCase({ consent: CONSENTED });
      const sent = await refer(created.id);
      const before = await snapshot(created.id);
      const noReason = await answer(sent.body.id, { outcome: 'rejected' });
      expect(noReason.status).toBe(400);
      expect(fieldsOf(noReason.body)).toEqual(['reason']);
      expect(await snapshot(created.id)).toEqual(before);
      const rejected = await answer(sent.body.id, {
        outcome: 'rejected',
        reason: 'No capacity this month',
        answeredAt: new Date().toISOString(),
      });
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        statusReason: 'No capacity this month',
      });
      const complete = await http()
        .post(`/api/v1/referrals/${sent.body.id}/complete`)
        .set(as('officer'))
        .send({});
      expect(complete.status).toBe(409);
      expect(complete.body.code).toBe('REFERRAL_NOT_ACCEPTED');
    });

    it.each([
      ['an unknown outcome', { outcome: 'maybe' }, ['outcome']],
      [
        'a future answer',
        { outcome: 'accepted', answeredAt: new Date(Date.now() + DAY).toISOString() },
        ['answeredAt'],
      ],
      ['a malformed time', { outcome: 'accepted', answeredAt: 'yesterday' }, ['answeredAt']],
      ['a too short reason', { outcome: 'rejected', reason: 'no' }, ['reason']],
    ])('refuses %s field by field, changing nothing', async (_label, body, fields) => {
      const created = await createCase({ consent: CONSENTED });
      const sent = await refer(created.id);
      const before = await snapshot(created.id);
      const res = await answer(sent.body.id, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(fields);
      expect(await snapshot(created.id)).toEqual(before);
    });
  });

  describe('revocation', () => {
    it('the sending post revokes a pending referral; its letter is no longer issued', async () => {
      const created = await createCase({ consent: CONSENTED });
      const sent = await refer(created.id);
      const short = await http()
        .post(`/api/v1/referrals/${sent.body.id}/revoke`)
        .set(as('officer'))
        .send({ reason: '' });
      expect(short.status).toBe(400);
      expect(fieldsOf(short.body)).toEqual(['reason']);
      const res = await http()
        .post(`/api/v1/referrals/${sent.body.id}/revoke`)
        .set(as('officer'))
        .send({ reason: 'Family found a private lawyer.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'revoked',
        statusReason: 'Family found a private lawyer.',
        revokedAt: expect.any(String),
      });
      const again = await http()
        .post(`/api/v1/referrals/${sent.body.id}/revoke`)
        .set(as('officer'))
        .send({ reason: 'Again, to be sure.' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('REFERRAL_NOT_REVOCABLE');
      const letter = await http()
        .get(`/api/v1/referrals/${sent.body.id}/letter`)
        .set(as('officer'));
      expect(letter.status).toBe(409);
      expect(letter.body.code).toBe('REFERRAL_REVOKED');
      expect((await actions(created.id)).map((a) => a.outcome)).toContain(
        'Canalización a Clínica Jurídica del Pacífico revocada por la oficina.',
      );
      expect((await events(created.id, 'referral.revoke'))[0].details).toMatchObject({
        reason: 'revoked_by_post',
      });
    });

    it("a withdrawal of the person's consent revokes their pending referrals, not answered ones", async () => {
      const created = await createCase({ consent: CONSENTED });
      const pending = await refer(created.id);
      const accepted = await refer(created.id);
      await http()
        .post(`/api/v1/referrals/${accepted.body.id}/answer`)
        .set(as('officer'))
        .send({ outcome: 'accepted' });
      const consentId = pending.body.consentIds[0];
      const withdrawn = await http()
        .post(`/api/v1/cases/${created.id}/consents/${consentId}/withdraw`)
        .set(as('officer'))
        .send({});
      expect(withdrawn.status).toBe(200);
      const after = await http().get(`/api/v1/referrals/${pending.body.id}`).set(as('officer'));
      expect(after.body).toMatchObject({ status: 'revoked', statusReason: 'consent_withdrawn' });
      const other = await http().get(`/api/v1/referrals/${accepted.body.id}`).set(as('officer'));
      expect(other.body.status).toBe('accepted');
      expect((await actions(created.id)).map((a) => a.outcome)).toContain(
        'Canalización a Clínica Jurídica del Pacífico revocada: la persona retiró su consentimiento.',
      );
      expect((await events(created.id, 'referral.revoke'))[0].details).toMatchObject({
        referralId: pending.body.id,
        reason: 'consent_withdrawn',
      });
      // What was consented no longer is: a new referral is refused.
      expect((await refer(created.id)).body.code).toBe('CONSENT_REQUIRED');
    });
  });

  describe('the referral letter', () => {
    it.each([
      [
        'es',
        [
          'Oficio de canalización',
          'Servicios solicitados',
          'Asesoría jurídica',
          'Consentimiento de la persona',
        ],
      ],
      ['en', ['Referral letter', 'Services requested', 'Legal aid', "The person's consent"]],
    ])(
      'prints in %s with labels, the disclosed fields and not the others',
      async (lang, titles) => {
        const created = await createCase({ consent: CONSENTED });
        const sent = await refer(created.id);
        const res = await http()
          .get(`/api/v1/referrals/${sent.body.id}/letter`)
          .query({ lang })
          .set(as('officer'))
          .buffer(true)
          .parse((response, done) => {
            const chunks: Buffer[] = [];
            response.on('data', (c: Buffer) => chunks.push(c));
            response.on('end', () => done(null, Buffer.concat(chunks)));
          });
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toBe(
          `attachment; filename="referral-${sent.body.id}-${lang}.pdf"`,
        );
        const text = pdfText(res.body as Buffer);
        for (const title of titles) expect(text).toContain(title);
        expect(text).toContain('Clínica Jurídica del Pacífico');
        expect(text).toContain('Rosalía');
        expect(text).toContain('+1 323 555 0199');
        expect(text).toContain(sent.body.id);
        expect(text).not.toContain('Calle Secreta');
        expect(text).not.toContain('G55501234');
        const [event] = await events(created.id, 'referral.letter');
        expect(event.details).toMatchObject({ referralId: sent.body.id, lang });
      },
    );

    it('names the consul’s decision and its reason when the referral went on an override', async () => {
      const created = await createCase();
      const reason = 'Imminent hearing and the person cannot be reached to consent.';
      const sent = await refer(created.id, referralBody({ override: { reason } }), 'consul');
      const res = await http()
        .get(`/api/v1/referrals/${sent.body.id}/letter`)
        .query({ lang: 'en' })
        .set(as('consul'))
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      const text = pdfText(res.body as Buffer);
      expect(text).toContain('Disclosed by decision of the consul');
      expect(text).toContain(reason);
    });
  });

  describe('bad input', () => {
    it.each([
      ['no organisation', { organisationId: undefined }, ['organisationId']],
      ['an unknown organisation', { organisationId: randomUUID() }, ['organisationId']],
      ['an inactive organisation', { organisationId: 'INACTIVE' }, ['organisationId']],
      ['a service it does not offer', { services: ['legal_aid', 'shelter'] }, ['services.1']],
      ['no services', { services: [] }, ['services']],
      ['no fields', { fields: [] }, ['fields']],
      ['an unknown field', { fields: ['names', 'shoe_size'] }, ['fields']],
      ['a need too short', { need: 'help' }, ['need']],
      ['a follow-up in the past', { followUpDue: utcDay(-1) }, ['followUpDue']],
      ['a follow-up that is no date', { followUpDue: '2026-02-30' }, ['followUpDue']],
      ['a short override reason', { override: { reason: 'urgent' } }, ['override.reason']],
      ['a person not on the case', { personIds: [randomUUID()] }, ['personIds']],
    ])('refuses %s field by field, changing nothing', async (_label, overrides, fields) => {
      const created = await createCase({ consent: CONSENTED });
      const before = await snapshot(created.id);
      const body = referralBody(overrides);
      if (body.organisationId === 'INACTIVE') body.organisationId = inactive;
      const res = await refer(created.id, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toEqual(fields);
      expect(await snapshot(created.id)).toEqual(before);
      expect(await events(created.id)).toEqual([]);
    });
  });

  describe('the work queue list', () => {
    it("lists the referrals of the caller's posts, filtered by status and overdue follow-ups", async () => {
      const created = await createCase({ consent: CONSENTED });
      const overdue = await refer(created.id, referralBody({ followUpDue: utcDay(0) }));
      await stack.query(
        `UPDATE organisation_referrals SET follow_up_due = current_date - 2 WHERE id = $1`,
        [overdue.body.id],
      );
      const onTime = await refer(created.id);
      const listed = await http()
        .get('/api/v1/referrals')
        .query({ status: 'pending', limit: 200 })
        .set(as('officer'));
      const listedIds = listed.body.items.map((r: { id: string }) => r.id);
      expect(listedIds).toEqual(expect.arrayContaining([overdue.body.id, onTime.body.id]));
      const late = await http()
        .get('/api/v1/referrals')
        .query({ overdue: true, limit: 200 })
        .set(as('supervisor'));
      const lateIds = late.body.items.map((r: { id: string }) => r.id);
      expect(lateIds).toContain(overdue.body.id);
      expect(lateIds).not.toContain(onTime.body.id);
      const elsewhere = await http().get('/api/v1/referrals').set(as('otherPost'));
      expect(elsewhere.body).toEqual({ items: [], nextCursor: null });
      const page = await http().get('/api/v1/referrals').query({ limit: 1 }).set(as('officer'));
      expect(page.body.items).toHaveLength(1);
      const next = await http()
        .get('/api/v1/referrals')
        .query({ limit: 1, cursor: page.body.nextCursor })
        .set(as('officer'));
      expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
      const bad = await http()
        .get('/api/v1/referrals')
        .query({ status: 'lost', overdue: 'maybe' })
        .set(as('officer'));
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['overdue', 'status']);
    });
  });

  describe("the lead's cooperation queue", () => {
    it("counts the pending referrals and the overdue follow-ups of the caller's posts", async () => {
      const created = await createCase({ consent: CONSENTED });
      const late = await refer(created.id);
      await stack.query(
        'UPDATE organisation_referrals SET follow_up_due = current_date - 1 WHERE id = $1',
        [late.body.id],
      );
      const callerOf = async (who: string) => {
        const claims = JSON.parse(
          Buffer.from(tokens[who].split('.')[1], 'base64url').toString(),
        ) as AccessClaims;
        return (await app.get(CallerLoader).load(claims))!;
      };
      const [expected] = await stack.query<{ pending: number; overdue: number }>(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                count(*) FILTER (WHERE follow_up_due < current_date AND status IN ('pending', 'accepted'))::int AS overdue
           FROM organisation_referrals WHERE consulate_id = $1`,
        [post],
      );
      const service = app.get(OrganisationReferralsService);
      expect(await service.counts(await callerOf('officer'))).toEqual({
        pending: expected.pending,
        overdueFollowUps: expected.overdue,
      });
      expect(expected.overdue).toBeGreaterThanOrEqual(1);
      expect(await service.counts(await callerOf('supervisor'))).toEqual({
        pending: expected.pending,
        overdueFollowUps: expected.overdue,
      });
      expect(await service.counts(await callerOf('otherPost'))).toEqual({
        pending: 0,
        overdueFollowUps: 0,
      });
    });
  });

  describe('permission matrix', () => {
    let caseId: string;
    let referralId: string;
    let personId: string;

    beforeAll(async () => {
      const created = await createCase({ consent: CONSENTED });
      caseId = created.id;
      personId = created.persons[0].person.id;
      referralId = (await refer(caseId)).body.id;
    });

    const routes = () => ({
      candidates: () => http().get(`/api/v1/cases/${caseId}/referral-candidates`),
      preview: () =>
        http()
          .post(`/api/v1/cases/${caseId}/referrals/preview`)
          .send({
            organisationId: legalAid,
            services: ['legal_aid'],
            fields: ['names'],
            personIds: [personId],
          }),
      create: () =>
        http()
          .post(`/api/v1/cases/${caseId}/referrals`)
          .set('Idempotency-Key', randomUUID())
          .send(referralBody()),
      listForCase: () => http().get(`/api/v1/cases/${caseId}/referrals`),
      get: () => http().get(`/api/v1/referrals/${referralId}`),
      letter: () => http().get(`/api/v1/referrals/${referralId}/letter`),
      answer: () =>
        http().post(`/api/v1/referrals/${referralId}/answer`).send({ outcome: 'maybe' }),
      complete: () => http().post(`/api/v1/referrals/${referralId}/complete`).send({ notes: 7 }),
      revoke: () => http().post(`/api/v1/referrals/${referralId}/revoke`).send({}),
    });

    // Who gets what, route by route. Steps are sent invalid bodies (400) by those allowed, so the
    // matrix changes nothing; the steps' own tests show them succeeding.
    const EXPECTED: Record<string, Record<string, number>> = {
      officer: {
        candidates: 200,
        preview: 200,
        create: 201,
        listForCase: 200,
        get: 200,
        letter: 200,
        answer: 400,
        complete: 400,
        revoke: 400,
      },
      consul: {
        candidates: 200,
        preview: 200,
        create: 201,
        listForCase: 200,
        get: 200,
        letter: 200,
        answer: 400,
        complete: 400,
        revoke: 400,
      },
      supervisor: {
        candidates: 403,
        preview: 403,
        create: 403,
        listForCase: 200,
        get: 200,
        letter: 403,
        answer: 403,
        complete: 403,
        revoke: 403,
      },
      otherPost: {
        candidates: 404,
        preview: 404,
        create: 404,
        listForCase: 404,
        get: 404,
        letter: 404,
        answer: 400,
        complete: 400,
        revoke: 400,
      },
      otherCountry: {
        candidates: 404,
        preview: 403,
        create: 403,
        listForCase: 404,
        get: 404,
        letter: 404,
        answer: 403,
        complete: 403,
        revoke: 403,
      },
      otherConsul: {
        candidates: 404,
        preview: 404,
        create: 404,
        listForCase: 404,
        get: 404,
        letter: 404,
        answer: 400,
        complete: 400,
        revoke: 400,
      },
      analyst: {
        candidates: 403,
        preview: 403,
        create: 403,
        listForCase: 403,
        get: 403,
        letter: 403,
        answer: 403,
        complete: 403,
        revoke: 403,
      },
      admin: {
        candidates: 403,
        preview: 403,
        create: 403,
        listForCase: 403,
        get: 403,
        letter: 403,
        answer: 403,
        complete: 403,
        revoke: 403,
      },
      sysadmin: {
        candidates: 403,
        preview: 403,
        create: 403,
        listForCase: 403,
        get: 403,
        letter: 403,
        answer: 403,
        complete: 403,
        revoke: 403,
      },
    };

    it.each(Object.keys(EXPECTED))('%s', async (who) => {
      const answers: Record<string, number> = {};
      for (const [route, call] of Object.entries(routes()))
        answers[route] = (await call().set(as(who))).status;
      expect(answers).toEqual(EXPECTED[who]);
    });

    it('answers 404 to a referral outside the scope even with a valid step', async () => {
      for (const who of ['otherPost', 'otherConsul']) {
        const res = await http()
          .post(`/api/v1/referrals/${referralId}/answer`)
          .set(as(who))
          .send({ outcome: 'accepted' });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('REFERRAL_NOT_FOUND');
      }
      expect(
        (await http().get(`/api/v1/referrals/${referralId}`).set(as('officer'))).body.status,
      ).toBe('pending');
    });
  });
});
