import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

// Consent per case and per person: what the person agreed to and which of their fields may leave the
// post, who recorded it and how, its replacement and its withdrawal at the time it happened. The
// disclosures that check it (referrals, assistance requests) have their own specs.
describe('Consents of a case', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  let caseId: string;
  let primaryId: string;
  let involvedId: string;
  const tokens: Record<string, string> = {};
  const users: Record<string, string> = {};

  const http = () => request(app.getHttpServer());
  const as = (who: string) => (test: request.Test) =>
    test.set('Authorization', `Bearer ${tokens[who]}`);
  const consentsOf = async (id = caseId) =>
    (await as('officer')(http().get(`/api/v1/cases/${id}/consents`)).expect(200)).body as {
      consents: {
        id: string;
        personId: string;
        purposes: string[];
        disclosableFields: string[];
        current: boolean;
        method: string;
        witnessName: string | null;
        supersededBy: string | null;
        withdrawnAt: string | null;
        givenAt: string;
        recordedBy: string;
      }[];
      overrides: { id: string; reason: string }[];
    };
  const auditActions = async (action: string) =>
    stack.query<{ outcome: string; details: Record<string, unknown>; actor_user_id: string }>(
      `SELECT outcome, details, actor_user_id FROM audit_events WHERE action = $1 AND resource_id = $2 ORDER BY seq`,
      [action, caseId],
    );

  const signedForm = (personId: string, extra: Record<string, unknown> = {}) => ({
    personId,
    purposes: ['services', 'disclosure_to_organisations'],
    disclosableFields: ['names', 'contact', 'languages'],
    method: 'signed_form',
    givenBy: 'person',
    ...extra,
  });

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    const otherPost = await createConsulate(stack, 'MX');
    const foreignPost = await createConsulate(stack, 'GT');
    const grants = {
      officer: [{ role: 'officer', consulateId: post }],
      consul: [{ role: 'consul', consulateId: post }],
      secondConsul: [{ role: 'consul', consulateId: post }],
      supervisor: [{ role: 'supervisor', countryCode: 'MX' }],
      otherPostOfficer: [{ role: 'officer', consulateId: otherPost }],
      foreignOfficer: [{ role: 'officer', consulateId: foreignPost }],
      analyst: [{ role: 'analyst', countryCode: 'MX' }],
      admin: [{ role: 'admin', countryCode: 'MX' }],
    };
    for (const [who, grant] of Object.entries(grants)) {
      const user = await createUser(stack, grant);
      users[who] = user.id;
      tokens[who] = (await signIn(app, user.email)).accessToken;
    }
    const created = await as('officer')(http().post('/api/v1/cases')).send({
      consulateId: post,
      primaryCategory: 'labour_rights',
      summary: 'Unpaid wages at a farm',
      consent: {
        services: true,
        disclosureToOrganisations: true,
        disclosureToOtherCountry: false,
        tracing: false,
      },
      persons: [
        {
          role: 'primary',
          person: {
            givenNames: 'Rosa',
            familyNames: 'Campos',
            sex: 'female',
            nationalityCode: 'MX',
            estimatedAge: 34,
          },
        },
        {
          role: 'involved',
          relationship: 'son',
          person: {
            givenNames: 'Luis',
            familyNames: 'Campos',
            sex: 'male',
            nationalityCode: 'MX',
            estimatedAge: 9,
          },
        },
      ],
    });
    expect(created.status).toBe(201);
    caseId = created.body.id;
    primaryId = created.body.persons.find((p: { role: string }) => p.role === 'primary').person.id;
    involvedId = created.body.persons.find((p: { role: string }) => p.role === 'involved').person
      .id;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it("turns the intake form's consent into the primary person's first record", async () => {
    const { consents } = await consentsOf();
    expect(consents).toEqual([
      expect.objectContaining({
        personId: primaryId,
        purposes: ['services', 'disclosure_to_organisations'],
        method: 'intake_form',
        current: true,
        recordedBy: users.officer,
      }),
    ]);
    // The intake form covers identifying and reaching the person, never documents or the address.
    expect(consents[0].disclosableFields).toContain('names');
    expect(consents[0].disclosableFields).not.toContain('documents');
    expect(consents[0].disclosableFields).not.toContain('address_abroad');
  });

  it('records a signed consent that replaces the current one, keeping the old one as history', async () => {
    const before = (await consentsOf()).consents.find(
      (k) => k.current && k.personId === primaryId,
    )!;
    const res = await as('officer')(http().post(`/api/v1/cases/${caseId}/consents`)).send(
      signedForm(primaryId),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      personId: primaryId,
      method: 'signed_form',
      current: true,
      disclosableFields: ['names', 'contact', 'languages'],
    });
    const { consents } = await consentsOf();
    expect(consents.find((k) => k.id === before.id)).toMatchObject({
      current: false,
      supersededBy: res.body.id,
    });
    expect(consents.filter((k) => k.current && k.personId === primaryId)).toHaveLength(1);
    const [event] = (await auditActions('case.consent.record')).slice(-1);
    expect(event).toMatchObject({
      outcome: 'success',
      actor_user_id: users.officer,
      details: expect.objectContaining({
        consentId: res.body.id,
        replaces: before.id,
        method: 'signed_form',
      }),
    });
    // Ids and codes only: the audit trail never holds a name.
    expect(JSON.stringify(event.details)).not.toContain('Campos');
  });

  it("records a guardian's verbal consent with a witness for a child on the case", async () => {
    const res = await as('consul')(http().post(`/api/v1/cases/${caseId}/consents`)).send({
      personId: involvedId,
      purposes: ['services', 'tracing'],
      disclosableFields: ['names', 'date_of_birth'],
      method: 'verbal_with_witness',
      witnessName: 'Marta Testigo',
      givenBy: 'guardian',
      guardianName: 'Rosa Campos',
      givenAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      witnessName: 'Marta Testigo',
      guardianName: 'Rosa Campos',
      givenBy: 'guardian',
    });
  });

  it.each([
    ['a verbal consent without a witness', { method: 'verbal_with_witness' }, 'witnessName'],
    ['a guardian without a name', { givenBy: 'guardian' }, 'guardianName'],
    ['an unknown purpose', { purposes: ['marketing'] }, 'purposes'],
    ['an unknown field', { disclosableFields: ['photo'] }, 'disclosableFields'],
    ['an unknown method', { method: 'telepathy' }, 'method'],
    ['a person id that is not a UUID', { personId: 'abc' }, 'personId'],
    ['a person who is not on the case', { personId: randomUUID() }, 'personId'],
    [
      'a consent given in the future',
      { givenAt: new Date(Date.now() + 86400_000).toISOString() },
      'givenAt',
    ],
  ])('refuses %s field by field and changes nothing', async (_, change, field) => {
    const before = await consentsOf();
    const res = await as('officer')(http().post(`/api/v1/cases/${caseId}/consents`)).send(
      signedForm(primaryId, change),
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await consentsOf()).toEqual(before);
  });

  it('withdraws a consent at the time the person did, and refuses what cannot be', async () => {
    const current = (await consentsOf()).consents.find(
      (k) => k.current && k.personId === primaryId,
    )!;
    const withdraw = (id: string, body: Record<string, unknown>) =>
      as('officer')(http().post(`/api/v1/cases/${caseId}/consents/${id}/withdraw`)).send(body);

    const future = await withdraw(current.id, {
      withdrawnAt: new Date(Date.now() + 86400_000).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe('withdrawnAt');
    const early = await withdraw(current.id, { withdrawnAt: '2001-01-01T00:00:00Z' });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'withdrawnAt', code: 'BEFORE_CONSENT' });
    expect((await withdraw(randomUUID(), {})).status).toBe(404);
    expect((await consentsOf()).consents.find((k) => k.id === current.id)!.current).toBe(true);

    // Earlier than now (the person called yesterday, say), never before the consent itself.
    const at = new Date(Math.max(Date.parse(current.givenAt) + 1, Date.now() - 1000)).toISOString();
    const res = await withdraw(current.id, {
      withdrawnAt: at,
      note: 'Called the post to withdraw',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ current: false, withdrawnRecordedBy: users.officer });
    expect(new Date(res.body.withdrawnAt).toISOString()).toBe(at);
    expect((await withdraw(current.id, {})).status).toBe(409);
    const superseded = (await consentsOf()).consents.find((k) => k.supersededBy !== null)!;
    expect((await withdraw(superseded.id, {})).body.code).toBe('CONSENT_NOT_CURRENT');
    expect(await auditActions('case.consent.withdraw')).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: expect.objectContaining({ consentId: current.id }),
      }),
    ]);
  });

  it.each([
    ['officer', 200, 201],
    ['consul', 200, 201],
    ['supervisor', 200, 403],
    ['otherPostOfficer', 404, 404],
    ['foreignOfficer', 404, 404],
    ['analyst', 403, 403],
    ['admin', 403, 403],
  ])('answers the %s: read %i, record %i', async (who, read, write) => {
    expect((await as(who)(http().get(`/api/v1/cases/${caseId}/consents`))).status).toBe(read);
    const count = async () =>
      (
        await stack.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM case_consents WHERE case_id = $1',
          [caseId],
        )
      )[0].n;
    const before = await count();
    const res = await as(who)(http().post(`/api/v1/cases/${caseId}/consents`)).send(
      signedForm(involvedId),
    );
    expect(res.status).toBe(write);
    expect(await count()).toBe(before + (write === 201 ? 1 : 0));
  });

  describe('consent overrides', () => {
    let overrideId: string;

    beforeAll(async () => {
      // A consul's override is written by a disclosure (referral, assistance request); here directly.
      [{ id: overrideId }] = await stack.query<{ id: string }>(
        `INSERT INTO consent_overrides (case_id, purpose, fields, person_ids, target, reason, overridden_by)
         VALUES ($1, 'disclosure_to_organisations', '{names}', ARRAY[$2::uuid], 'organisation:x',
                 'Life-threatening situation, the shelter needs the name now', $3) RETURNING id`,
        [caseId, primaryId, users.consul],
      );
    });

    it('shows the override on the case and in the review lists of consuls and supervisors', async () => {
      expect((await consentsOf()).overrides).toEqual([expect.objectContaining({ id: overrideId })]);
      for (const who of ['consul', 'secondConsul', 'supervisor']) {
        const res = await as(who)(http().get('/api/v1/consent-overrides'));
        expect(res.status).toBe(200);
        expect(res.body.items.map((o: { id: string }) => o.id)).toContain(overrideId);
      }
      expect((await as('officer')(http().get('/api/v1/consent-overrides'))).status).toBe(403);
      const other = await createUser(stack, [
        { role: 'consul', consulateId: await createConsulate(stack, 'MX') },
      ]);
      const otherToken = (await signIn(app, other.email)).accessToken;
      const elsewhere = await http()
        .get('/api/v1/consent-overrides')
        .set('Authorization', `Bearer ${otherToken}`);
      expect(elsewhere.body.items).toEqual([]);
    });

    it("keeps an override of a restricted case (it names the case's persons) from those who may not read it", async () => {
      const restricted = await as('officer')(http().post('/api/v1/cases')).send({
        consulateId: post,
        primaryCategory: 'trafficking',
        restricted: true,
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Nadia',
              familyNames: 'Reservada',
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 19,
            },
          },
        ],
      });
      expect(restricted.status).toBe(201);
      const [{ id }] = await stack.query<{ id: string }>(
        `INSERT INTO consent_overrides (case_id, purpose, fields, person_ids, target, reason, overridden_by)
         SELECT id, 'disclosure_to_organisations', '{names}', ARRAY[primary_person_id], 'organisation:x',
                'Immediate danger: the shelter must know who arrives', $2 FROM cases WHERE id = $1 RETURNING id`,
        [restricted.body.id, users.consul],
      );
      const listed = async (who: string) =>
        (await as(who)(http().get('/api/v1/consent-overrides'))).body.items.map(
          (o: { id: string }) => o.id,
        );
      expect(await listed('secondConsul')).toContain(id);
      expect(await listed('supervisor')).not.toContain(id);
      const review = await as('supervisor')(
        http().post(`/api/v1/consent-overrides/${id}/review`),
      ).send({});
      expect(review.status).toBe(404);
      expect(JSON.stringify(review.body)).not.toContain(restricted.body.persons[0].person.id);
    });

    it('is reviewed by another consul, never by who made it, and only once', async () => {
      const review = (who: string) =>
        as(who)(http().post(`/api/v1/consent-overrides/${overrideId}/review`)).send({
          note: 'Justified',
        });
      const own = await review('consul');
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('CONSENT_OVERRIDE_OWN');
      expect((await review('foreignOfficer')).status).toBe(403);
      const done = await review('secondConsul');
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ reviewedBy: users.secondConsul, reviewNote: 'Justified' });
      expect((await review('supervisor')).body.code).toBe('CONSENT_OVERRIDE_REVIEWED');
      expect(
        (
          await as('supervisor')(
            http().post(`/api/v1/consent-overrides/${randomUUID()}/review`),
          ).send({})
        ).status,
      ).toBe(404);
      const unreviewed = await as('consul')(http().get('/api/v1/consent-overrides'));
      expect(unreviewed.body.items.map((o: { id: string }) => o.id)).not.toContain(overrideId);
      expect(await auditActions('case.consent.override.review')).toEqual([
        expect.objectContaining({ actor_user_id: users.secondConsul }),
      ]);
    });
  });
});
