import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { validateStatisticsExport } from '@amparo/statistics';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { exportedDocument } from './utils/json-export';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

// Detention clocks (VCCR art. 36): the times of a detention, the delays computed from them, the
// deployment's rule that puts an open detention in the overdue queue, and who sees what.
describe('Detention clocks', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let exportsDir: string;
  /** The same database under a deployment whose notification rule is 96 hours. */
  let lenient: NestExpressApplication;
  let post: string;
  let otherPost: string;
  /** Colombian posts in two host countries, for the statistics. */
  const coPosts = {} as Record<'US' | 'CA', string>;
  const tokens: Record<string, string> = {};
  const users: Record<string, string> = {};

  const HOUR = 3_600_000;
  const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
  const http = (on = app) => request(on.getHttpServer());
  const as = (who: string) => (test: request.Test) =>
    test.set('Authorization', `Bearer ${tokens[who]}`);

  interface Clocks {
    open: boolean;
    notificationDelayHours: number | null;
    timeToFirstContactHours: number | null;
    firstContactSource: string | null;
    visitCount: number;
    daysSinceLastVisit: number | null;
    overdue: { rule: string; unit: string; limit: number; actual: number; lateBy: number }[];
  }
  interface Detention {
    id: string;
    personId: string;
    etag: string;
    version: number;
    arrestedAt: string;
    notifiedAt: string | null;
    releasedAt: string | null;
    clocks: Clocks;
  }
  interface Queue {
    rule: { notificationOverdueHours: number; visitOverdueDays: number };
    items: {
      caseId: string;
      detentionId: string;
      caseReference: string;
      overdue: Clocks['overdue'];
    }[];
    posts: { consulateId: string; overdue: number }[];
  }

  const detentionsOf = async (caseId: string, on = app, who = 'officer') =>
    (await as(who)(http(on).get(`/api/v1/cases/${caseId}/detentions`)).expect(200)).body
      .items as Detention[];
  const queueOf = async (who: string, on = app) =>
    (await as(who)(http(on).get('/api/v1/work-queue/detentions')).expect(200)).body as Queue;
  const auditOf = (caseId: string, action: string) =>
    stack.query<{ actor_user_id: string; details: Record<string, unknown> }>(
      'SELECT actor_user_id, details FROM audit_events WHERE resource_id = $1 AND action = $2 ORDER BY seq',
      [caseId, action],
    );

  /** A detained person's case at the post; returns the case and its primary person. */
  const detainedCase = async (consulateId = post, who = 'officer') => {
    const created = await as(who)(http().post('/api/v1/cases')).send({
      consulateId,
      primaryCategory: 'criminal_detention',
      summary: 'Arrested at a traffic stop',
      vulnerabilityFlags: ['detained'],
      persons: [
        {
          role: 'primary',
          person: {
            givenNames: 'Mario',
            familyNames: `Reyes ${randomUUID().slice(0, 6)}`,
            sex: 'male',
            nationalityCode: 'MX',
            estimatedAge: 41,
          },
        },
      ],
    });
    expect(created.status).toBe(201);
    return {
      caseId: created.body.id as string,
      personId: created.body.persons[0].person.id as string,
    };
  };
  const addAction = (caseId: string, body: Record<string, unknown>) =>
    as('officer')(http().post(`/api/v1/cases/${caseId}/actions`)).send(body);

  beforeAll(async () => {
    exportsDir = await mkdtemp(join(tmpdir(), 'amparo-detention-'));
    // k = 3: the statistics below suppress a host country of 2 detentions and publish one of 6.
    stack = await createTestStack({ EXPORTS_DIR: exportsDir, STATISTICS_DISCLOSURE_K: '3' });
    // Both apps sign and accept the same tokens: one deployment, two rules.
    const jwtKeys = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const config = {
      ...stack.config,
      auth: { ...stack.config.auth, jwtKeys, mfaEncryptionKey: randomBytes(32) },
    };
    app = await createTestApi(config);
    worker = await createTestWorker(config);
    await worker.init();
    lenient = await createTestApi({
      ...config,
      detention: { ...config.detention, notificationOverdueHours: 96 },
    });
    post = await createConsulate(stack, 'MX');
    otherPost = await createConsulate(stack, 'MX');
    const foreignPost = await createConsulate(stack, 'GT');
    coPosts.US = await createConsulate(stack, 'CO');
    coPosts.CA = await createConsulate(stack, 'CO');
    await stack.query(
      `UPDATE consulates SET host_country_code = 'CA', city = 'Toronto' WHERE id = $1`,
      [coPosts.CA],
    );
    const grants = {
      officer: [{ role: 'officer', consulateId: post }],
      secondOfficer: [{ role: 'officer', consulateId: post }],
      coUsOfficer: [{ role: 'officer', consulateId: coPosts.US }],
      coCaOfficer: [{ role: 'officer', consulateId: coPosts.CA }],
      coAnalyst: [{ role: 'analyst', countryCode: 'CO' }],
      analyst: [{ role: 'analyst', countryCode: 'MX' }],
      consul: [{ role: 'consul', consulateId: post }],
      supervisor: [{ role: 'supervisor', countryCode: 'MX' }],
      otherPostOfficer: [{ role: 'officer', consulateId: otherPost }],
      foreignOfficer: [{ role: 'officer', consulateId: foreignPost }],
      foreignSupervisor: [{ role: 'supervisor', countryCode: 'GT' }],
    };
    for (const [who, grant] of Object.entries(grants)) {
      const user = await createUser(stack, grant);
      users[who] = user.id;
      tokens[who] = (await signIn(app, user.email)).accessToken;
    }
  });

  afterAll(async () => {
    await worker?.close();
    await lenient?.close();
    await app?.close();
    await stack?.teardown();
    await rm(exportsDir, { recursive: true, force: true });
  });

  describe('a notification 80 hours after the arrest', () => {
    let caseId: string;

    beforeAll(async () => {
      ({ caseId } = await detainedCase());
      const res = await addAction(caseId, {
        type: 'arrest_notification_received',
        occurredAt: ago(20),
        arrestedAt: ago(100),
        notifiedAt: ago(20),
      });
      expect(res.status).toBe(201);
    });

    it("turns the arrest notification action into the primary person's detention record", async () => {
      const [detention] = await detentionsOf(caseId);
      expect(detention.clocks.notificationDelayHours).toBe(80);
      expect(detention.clocks.open).toBe(true);
      expect((await auditOf(caseId, 'case.detention.record'))[0]).toMatchObject({
        actor_user_id: users.officer,
        details: expect.objectContaining({ source: 'arrest_notification_received' }),
      });
    });

    it('is overdue under the default rule of 72 hours, with the reason', async () => {
      const [detention] = await detentionsOf(caseId);
      expect(detention.clocks.overdue).toEqual([
        expect.objectContaining({
          rule: 'notification',
          unit: 'hours',
          limit: 72,
          actual: 80,
          lateBy: 8,
        }),
      ]);
      const queue = await queueOf('officer');
      expect(queue.rule.notificationOverdueHours).toBe(72);
      expect(queue.items).toContainEqual(
        expect.objectContaining({
          caseId,
          overdue: [expect.objectContaining({ rule: 'notification', lateBy: 8 })],
        }),
      );
    });

    it('is not overdue in a deployment configured at 96 hours', async () => {
      const [detention] = await detentionsOf(caseId, lenient);
      expect(detention.clocks.notificationDelayHours).toBe(80);
      expect(detention.clocks.overdue).toEqual([]);
      expect((await queueOf('officer', lenient)).items.map((i) => i.caseId)).not.toContain(caseId);
    });

    it('leaves the queue once the post has made its first contact', async () => {
      const { caseId: other } = await detainedCase();
      await addAction(other, {
        type: 'arrest_notification_received',
        occurredAt: ago(20),
        arrestedAt: ago(100),
        notifiedAt: ago(20),
      }).expect(201);
      expect((await queueOf('officer')).items.map((i) => i.caseId)).toContain(other);
      await addAction(other, { type: 'interview', occurredAt: ago(2) }).expect(201);
      const [detention] = await detentionsOf(other);
      expect(detention.clocks).toMatchObject({
        firstContactSource: 'actions',
        timeToFirstContactHours: 18,
        notificationDelayHours: 80,
        overdue: [],
      });
      expect((await queueOf('officer')).items.map((i) => i.caseId)).not.toContain(other);
    });

    it("shows a supervisor the post's count, not the cases, and other posts and countries nothing", async () => {
      const supervisor = await queueOf('supervisor');
      expect(supervisor.items).toEqual([]);
      expect(supervisor.posts.find((p) => p.consulateId === post)).toMatchObject({
        consulateName: expect.stringContaining('Consulate'),
        overdue: expect.any(Number),
      });
      expect(supervisor.posts.find((p) => p.consulateId === post)!.overdue).toBeGreaterThan(0);
      for (const who of ['otherPostOfficer', 'foreignOfficer', 'foreignSupervisor']) {
        const queue = await queueOf(who);
        expect(queue.items).toEqual([]);
        expect(queue.posts.map((p) => p.consulateId)).not.toContain(post);
      }
    });

    it('answers 404 to another post and another country, and lets the supervisor read', async () => {
      const [detention] = await detentionsOf(caseId);
      for (const who of ['otherPostOfficer', 'foreignOfficer', 'foreignSupervisor'])
        await as(who)(http().get(`/api/v1/cases/${caseId}/detentions`)).expect(404);
      for (const who of ['otherPostOfficer', 'foreignOfficer']) {
        await as(who)(http().post(`/api/v1/cases/${caseId}/detentions`))
          .send({ personId: detention.personId, arrestedAt: ago(1) })
          .expect(404);
        await as(who)(http().patch(`/api/v1/cases/${caseId}/detentions/${detention.id}`))
          .set('If-Match', detention.etag)
          .send({ releasedAt: ago(1) })
          .expect(404);
      }
      expect(await detentionsOf(caseId, app, 'supervisor')).toHaveLength(1);
      // The supervisor reads but does not work the case.
      await as('supervisor')(http().patch(`/api/v1/cases/${caseId}/detentions/${detention.id}`))
        .set('If-Match', detention.etag)
        .send({ releasedAt: ago(1) })
        .expect(403);
      const reads = await auditOf(caseId, 'case.detentions.read');
      expect(reads.map((r) => r.actor_user_id)).toEqual(
        expect.arrayContaining([users.officer, users.supervisor]),
      );
    });
  });

  describe('a restricted case', () => {
    it('shows its overdue detention to the assigned officer and the consul, and only counts it for another officer of the post', async () => {
      const created = await as('officer')(http().post('/api/v1/cases')).send({
        consulateId: post,
        primaryCategory: 'criminal_detention',
        restricted: true,
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Nadia',
              familyNames: 'Reservada',
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 29,
            },
          },
        ],
      });
      expect(created.status).toBe(201);
      const caseId: string = created.body.id;
      await as('officer')(http().post(`/api/v1/cases/${caseId}/detentions`))
        .send({ personId: created.body.persons[0].person.id, arrestedAt: ago(150) })
        .expect(201);
      for (const who of ['officer', 'consul'])
        expect((await queueOf(who)).items.map((i) => i.caseId)).toContain(caseId);
      const second = await queueOf('secondOfficer');
      expect(second.items.map((i) => i.caseId)).not.toContain(caseId);
      expect(second.posts.find((p) => p.consulateId === post)!.overdue).toBe(
        (await queueOf('officer')).posts.find((p) => p.consulateId === post)!.overdue,
      );
      await as('secondOfficer')(http().get(`/api/v1/cases/${caseId}/detentions`)).expect(403);
      const [read] = await stack.query<{ details: { items: number; overdue: number } }>(
        `SELECT details FROM audit_events WHERE action = 'case.detentions.queue.read' AND actor_user_id = $1
          ORDER BY seq DESC LIMIT 1`,
        [users.secondOfficer],
      );
      expect(read.details.items).toBeLessThan(read.details.overdue);
    });
  });

  describe('visits', () => {
    it('is overdue after 30 days without a visit, and a visit at the detention centre clears it', async () => {
      const { caseId, personId } = await detainedCase();
      const recorded = await as('officer')(http().post(`/api/v1/cases/${caseId}/detentions`)).send({
        personId,
        facilityName: 'Centro de detención',
        facilitySubdivisionCode: 'US-CA',
        arrestedAt: ago(40 * 24),
        notifiedAt: ago(39 * 24),
        firstContactAt: ago(38 * 24),
      });
      expect(recorded.status).toBe(201);
      expect(recorded.body.clocks).toMatchObject({
        notificationDelayHours: 24,
        timeToFirstContactHours: 24,
        firstContactSource: 'recorded',
        visitCount: 0,
        daysSinceLastVisit: 39,
        overdue: [expect.objectContaining({ rule: 'visit', unit: 'days', limit: 30, lateBy: 9 })],
      });
      expect((await queueOf('officer')).items.map((i) => i.caseId)).toContain(caseId);
      // A visit elsewhere (a hospital) is not a detention visit.
      await addAction(caseId, {
        type: 'consular_visit',
        placeType: 'hospital',
        occurredAt: ago(3),
      }).expect(201);
      expect((await detentionsOf(caseId))[0].clocks.visitCount).toBe(0);
      await addAction(caseId, {
        type: 'consular_visit',
        placeType: 'detention_centre',
        occurredAt: ago(2),
      }).expect(201);
      const [after] = await detentionsOf(caseId);
      expect(after.clocks).toMatchObject({ visitCount: 1, daysSinceLastVisit: 0, overdue: [] });
      expect((await queueOf('officer')).items.map((i) => i.caseId)).not.toContain(caseId);
    });
  });

  describe('release', () => {
    it('stops the clocks, leaves the queue, and the detention no longer changes', async () => {
      const { caseId, personId } = await detainedCase();
      const recorded = await as('officer')(http().post(`/api/v1/cases/${caseId}/detentions`))
        .send({ personId, arrestedAt: ago(200) })
        .expect(201);
      expect(recorded.body.clocks.overdue).toEqual([
        expect.objectContaining({ rule: 'notification', actual: 200 }),
      ]);
      expect((await queueOf('officer')).items.map((i) => i.caseId)).toContain(caseId);
      const released = await as('officer')(
        http().patch(`/api/v1/cases/${caseId}/detentions/${recorded.body.id}`),
      )
        .set('If-Match', recorded.body.etag)
        .send({ releasedAt: ago(1) })
        .expect(200);
      expect(released.body.clocks).toMatchObject({
        open: false,
        overdue: [],
        daysSinceLastVisit: null,
      });
      expect(released.body.version).toBe(recorded.body.version + 1);
      expect((await queueOf('officer')).items.map((i) => i.caseId)).not.toContain(caseId);
      await as('officer')(http().patch(`/api/v1/cases/${caseId}/detentions/${recorded.body.id}`))
        .set('If-Match', released.body.etag)
        .send({ notifiedAt: ago(100) })
        .expect(409);
      expect(await auditOf(caseId, 'case.detention.release')).toHaveLength(1);
      // A new arrest of the same person is a new detention.
      await as('officer')(http().post(`/api/v1/cases/${caseId}/detentions`))
        .send({ personId, arrestedAt: ago(0.5) })
        .expect(201);
      expect(await detentionsOf(caseId)).toHaveLength(2);
    });
  });

  describe('bad inputs', () => {
    let caseId: string;
    let personId: string;
    let detention: Detention;

    beforeAll(async () => {
      ({ caseId, personId } = await detainedCase());
      detention = (
        await as('officer')(http().post(`/api/v1/cases/${caseId}/detentions`))
          .send({ personId, arrestedAt: ago(10), notifiedAt: ago(5) })
          .expect(201)
      ).body;
    });

    const rowsOf = () =>
      stack.query<{ version: number; notified_at: Date }>(
        'SELECT version, notified_at FROM case_detentions WHERE case_id = $1',
        [caseId],
      );

    it.each([
      [
        'an arrest in the future',
        { arrestedAt: new Date(Date.now() + HOUR).toISOString() },
        'arrestedAt',
      ],
      [
        'a notification before the arrest',
        { arrestedAt: ago(10), notifiedAt: ago(11) },
        'notifiedAt',
      ],
      [
        'a first contact before the notification',
        { arrestedAt: ago(10), notifiedAt: ago(5), firstContactAt: ago(6) },
        'firstContactAt',
      ],
      [
        'a first contact without notification',
        { arrestedAt: ago(10), firstContactAt: ago(6) },
        'firstContactAt',
      ],
      ['a date that is not one', { arrestedAt: 'yesterday' }, 'arrestedAt'],
      ['a person not on the case', { arrestedAt: ago(10), personId: randomUUID() }, 'personId'],
    ])('refuses %s with a 400 naming the field, and records nothing', async (_, body, field) => {
      const { caseId: fresh, personId: freshPerson } = await detainedCase();
      const res = await as('officer')(http().post(`/api/v1/cases/${fresh}/detentions`)).send({
        personId: freshPerson,
        ...body,
      });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(res.body)).toContain(field);
      expect(
        await stack.query('SELECT 1 FROM case_detentions WHERE case_id = $1', [fresh]),
      ).toHaveLength(0);
    });

    it('refuses a second open detention of the same person (409)', async () => {
      await as('officer')(http().post(`/api/v1/cases/${caseId}/detentions`))
        .send({ personId, arrestedAt: ago(3) })
        .expect(409);
      expect(await rowsOf()).toHaveLength(1);
    });

    it('refuses a change without If-Match (428), with a stale one (412), or out of order (400)', async () => {
      const url = `/api/v1/cases/${caseId}/detentions/${detention.id}`;
      await as('officer')(http().patch(url))
        .send({ notifiedAt: ago(4) })
        .expect(428);
      await as('officer')(http().patch(url))
        .set('If-Match', `"v${detention.version + 5}"`)
        .send({ notifiedAt: ago(4) })
        .expect(412);
      await as('officer')(http().patch(url))
        .set('If-Match', detention.etag)
        .send({ notifiedAt: ago(11) })
        .expect(400);
      await as('officer')(http().patch(url))
        .set('If-Match', detention.etag)
        .send({ releasedAt: ago(12) })
        .expect(400);
      await as('officer')(http().patch(`/api/v1/cases/${caseId}/detentions/${randomUUID()}`))
        .set('If-Match', detention.etag)
        .send({ notifiedAt: ago(4) })
        .expect(404);
      const [row] = await rowsOf();
      expect(row.version).toBe(detention.version);
      expect(new Date(row.notified_at).toISOString()).toBe(detention.notifiedAt);
    });

    it('refuses an arrest notification action whose times are in the future', async () => {
      const { caseId: fresh } = await detainedCase();
      const res = await addAction(fresh, {
        type: 'arrest_notification_received',
        occurredAt: ago(1),
        arrestedAt: ago(2),
        notifiedAt: new Date(Date.now() + HOUR).toISOString(),
      });
      expect(res.status).toBe(400);
      expect(
        await stack.query('SELECT 1 FROM consular_actions WHERE case_id = $1', [fresh]),
      ).toHaveLength(0);
    });
  });

  describe('statistics: notification delay by host country', () => {
    const utcDay = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const range = { from: utcDay(-30), to: utcDay(0) };
    interface Cell {
      coordinates: Record<string, string>;
      value: number | null;
      suppressed: boolean;
    }
    const byHost = async (
      measure: string,
      who = 'coAnalyst',
      filter: Record<string, string> = {},
    ) => {
      const res = await as(who)(
        http()
          .get('/api/v1/statistics')
          .query({ ...range, measure, dimensions: 'host_country', ...filter }),
      );
      expect([res.status, res.body.errors]).toEqual([200, undefined]);
      return Object.fromEntries(
        (res.body.cells as Cell[]).map((c) => [
          c.coordinates.host_country,
          { value: c.value, suppressed: c.suppressed },
        ]),
      );
    };

    beforeAll(async () => {
      // Six detentions at the post in the United States (10 to 100 hours), two in Canada.
      const delays = { US: [10, 20, 30, 40, 50, 100], CA: [5, 500] };
      for (const [host, hours] of Object.entries(delays) as ['US' | 'CA', number[]][]) {
        for (const h of hours) {
          const who = host === 'US' ? 'coUsOfficer' : 'coCaOfficer';
          const { caseId, personId } = await detainedCase(coPosts[host], who);
          await as(who)(http().post(`/api/v1/cases/${caseId}/detentions`))
            .send({ personId, arrestedAt: ago(h + 24), notifiedAt: ago(24) })
            .expect(201);
        }
      }
      // Recorded but never notified: no delay to count.
      const { caseId, personId } = await detainedCase(coPosts.US, 'coUsOfficer');
      await as('coUsOfficer')(http().post(`/api/v1/cases/${caseId}/detentions`))
        .send({ personId, arrestedAt: ago(30) })
        .expect(201);
    });

    it('gives the median and the 90th percentile of hours where k or more detentions stand behind them', async () => {
      expect(await byHost('notification_delay', 'coAnalyst', { host_country: 'US' })).toEqual({
        US: { value: 35, suppressed: false },
        _T: { value: 35, suppressed: false },
      });
      expect(await byHost('notification_delay_p90', 'coAnalyst', { host_country: 'US' })).toEqual({
        US: { value: 75, suppressed: false },
        _T: { value: 75, suppressed: false },
      });
    });

    it('suppresses a host country with fewer than k detentions, and never shows a suppressed value', async () => {
      for (const measure of ['notification_delay', 'notification_delay_p90']) {
        expect(await byHost(measure, 'coAnalyst', { host_country: 'CA' })).toEqual({
          CA: { value: null, suppressed: true },
          _T: { value: null, suppressed: true },
        });
        const cells = await byHost(measure);
        expect(cells.CA).toEqual({ value: null, suppressed: true });
        expect(Object.values(cells).filter((c) => c.suppressed && c.value !== null)).toEqual([]);
      }
    });

    it("counts only the analyst's own country", async () => {
      const mexico = await byHost('notification_delay', 'analyst');
      expect(Object.keys(mexico)).not.toContain('CA');
      // A table of medians leaves out cells without rows: no Canadian detention of Mexico's.
      expect(await byHost('notification_delay', 'analyst', { host_country: 'CA' })).toEqual({});
    });

    it('refuses a dimension that does not describe detentions', async () => {
      const res = await as('coAnalyst')(
        http()
          .get('/api/v1/statistics')
          .query({ ...range, measure: 'notification_delay', dimensions: 'action_type' }),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ code: 'DIMENSION_NOT_APPLICABLE' }),
      ]);
    });

    it('exports both measures by host country, valid against the export schema, with the rule stated', async () => {
      const document = await exportedDocument(
        app.getHttpServer(),
        {
          Authorization: `Bearer ${tokens.coAnalyst}`,
        },
        {
          kind: 'statistics',
          measures: ['notification_delay', 'notification_delay_p90'],
          dimensions: ['host_country'],
          period: 'year',
          ...range,
        },
      );
      expect(validateStatisticsExport(document)).toEqual({ valid: true });
      expect(document.metadata.disclosure.rule).toContain('90th percentile');
      expect(document.rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            MEASURE: 'notification_delay',
            HOST_COUNTRY: 'CA',
            OBS_VALUE: null,
          }),
          expect.objectContaining({
            MEASURE: 'notification_delay_p90',
            HOST_COUNTRY: 'CA',
            OBS_VALUE: null,
          }),
        ]),
      );
    });
  });
});
