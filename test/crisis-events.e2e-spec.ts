import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';
import { jsonWithoutIds } from './utils/without-ids';

type Body = Record<string, unknown>;

const PERMISSIONS_OF: Record<string, string[]> = {
  otherPost: ['crisis:read', 'crisis:write'],
  otherConsul: ['crisis:read', 'crisis:write', 'crisis:manage'],
  colombianConsul: ['crisis:read', 'crisis:write', 'crisis:manage'],
  colombianSupervisor: ['crisis:read', 'crisis:manage'],
};

describe('Crisis events: declaration, status, rapid intake, roster and welfare history', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  let secondPost: string;
  let otherPost: string;
  let colombian: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));

  const http = () => request(app.getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const expectProblem = (res: request.Response, status: number, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  };
  const declaration = (overrides: Body = {}): Body => ({
    name: 'Huracán Milton — Florida',
    type: 'hurricane',
    hostCountryCode: 'US',
    hostSubdivisions: ['US-FL'],
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    consulateIds: [post, secondPost],
    ...overrides,
  });
  const declare = async (who = 'consul', overrides: Body = {}) => {
    const res = await http()
      .post('/api/v1/crisis-events')
      .set(as(who))
      .send(declaration(overrides));
    expect(res.status).toBe(201);
    return res.body as Body & { id: string; version: number };
  };
  const intake = (event: string, body: Body, who = 'officer') =>
    http().post(`/api/v1/crisis-events/${event}/roster`).set(as(who)).send(body);
  const auditOf = (event: string, action: string) =>
    stack.query<{ actor_id: string; details: Body }>(
      `SELECT actor_user_id AS actor_id, details FROM audit_events WHERE resource_type = 'crisis_event' AND resource_id = $1
          AND action = $2 ORDER BY seq`,
      [event, action],
    );

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    secondPost = await createConsulate(stack, 'MX');
    otherPost = await createConsulate(stack, 'MX');
    colombian = await createConsulate(stack, 'CO');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await signInAs('officer2', [{ role: 'officer', consulateId: secondPost }]);
    await signInAs('consul', [{ role: 'consul', consulateId: post }]);
    await signInAs('supervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
    await signInAs('otherPost', [{ role: 'officer', consulateId: otherPost }]);
    await signInAs('otherConsul', [{ role: 'consul', consulateId: otherPost }]);
    await signInAs('colombianConsul', [{ role: 'consul', consulateId: colombian }]);
    await signInAs('colombianSupervisor', [{ role: 'supervisor', countryCode: 'CO' }]);
    await signInAs('analyst', [{ role: 'analyst', countryCode: 'MX' }]);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  describe('declaring', () => {
    it('lets a consul of a responding post declare, answering 201 with Location, ETag and the event', async () => {
      const res = await http().post('/api/v1/crisis-events').set(as('consul')).send(declaration());
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/api/v1/crisis-events/${res.body.id}`);
      expect(res.headers.etag).toBe('"v1"');
      expect(res.body).toMatchObject({
        countryCode: 'MX',
        name: 'Huracán Milton — Florida',
        type: 'hurricane',
        hostCountryCode: 'US',
        hostSubdivisions: ['US-FL'],
        consulateIds: [post, secondPost],
        status: 'active',
        endedAt: null,
        declaredBy: ids.consul,
        version: 1,
        counts: { total: 0, unaccounted: 0 },
        callerMay: { manage: true, write: true },
      });
      const [audit] = await auditOf(res.body.id, 'crisis.event.declare');
      expect(audit.actor_id).toBe(ids.consul);
    });

    it('lets a supervisor of the country declare for any of its posts', async () => {
      const event = await declare('supervisor', { consulateIds: [otherPost] });
      expect(event).toMatchObject({
        consulateIds: [otherPost],
        callerMay: { manage: true, write: false },
      });
    });

    it.each([
      ['an officer (no crisis:manage)', 'officer', () => [post], 403, 'FORBIDDEN'],
      ['an analyst', 'analyst', () => [post], 403, 'FORBIDDEN'],
      [
        'a consul naming only posts they do not lead',
        'otherConsul',
        () => [post],
        403,
        'CRISIS_NOT_RESPONDING_POST',
      ],
      [
        'a consul of another country naming this country’s posts',
        'colombianConsul',
        () => [post],
        403,
        'CRISIS_NOT_RESPONDING_POST',
      ],
      [
        'a supervisor of another country',
        'colombianSupervisor',
        () => [post],
        403,
        'CRISIS_NOT_RESPONDING_POST',
      ],
      ['posts of two countries', 'consul', () => [post, colombian], 400, 'VALIDATION_FAILED'],
    ])('refuses %s and stores nothing', async (_name, who, posts, status, code) => {
      const before = await stack.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM crisis_events',
      );
      const res = await http()
        .post('/api/v1/crisis-events')
        .set(as(who))
        .send(declaration({ consulateIds: posts() }));
      expectProblem(res, status, code);
      const after = await stack.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM crisis_events',
      );
      expect(after[0].n).toBe(before[0].n);
    });

    it.each([
      ['an unknown type', { type: 'meteor' }, 'type'],
      [
        'a subdivision outside the host country',
        { hostSubdivisions: ['MX-GRO'] },
        'hostSubdivisions.0',
      ],
      ['an unknown host country', { hostCountryCode: 'XX' }, 'hostCountryCode'],
      [
        'a start in the future',
        { startedAt: new Date(Date.now() + 86_400_000).toISOString() },
        'startedAt',
      ],
      ['no responding post', { consulateIds: [] }, 'consulateIds'],
      ['a blank name', { name: '   ' }, 'name'],
    ])('refuses %s with 400 naming the field', async (_name, overrides, field) => {
      const res = await http()
        .post('/api/v1/crisis-events')
        .set(as('consul'))
        .send(declaration(overrides));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('reading and status', () => {
    it('lists the events of the caller’s posts and country only, with roster counts', async () => {
      const event = await declare();
      await intake(event.id, { givenNames: 'Ana', welfareStatus: 'safe' }).expect(201);
      await intake(event.id, { givenNames: 'Luis', welfareStatus: 'unaccounted' }).expect(201);
      const mine = await http().get('/api/v1/crisis-events').set(as('officer'));
      expect(mine.status).toBe(200);
      const listed = mine.body.items.find((e: Body) => e.id === event.id);
      expect(listed.counts).toEqual({ total: 2, unaccounted: 1 });
      expect(listed.callerMay).toEqual({ manage: false, write: true });
      for (const who of ['otherPost', 'colombianSupervisor', 'colombianConsul']) {
        const theirs = await http().get('/api/v1/crisis-events').set(as(who));
        expect(theirs.body.items.map((e: Body) => e.id)).not.toContain(event.id);
      }
      const supervisor = await http()
        .get('/api/v1/crisis-events?status=active')
        .set(as('supervisor'));
      expect(supervisor.body.items.map((e: Body) => e.id)).toContain(event.id);
      const closed = await http().get('/api/v1/crisis-events?status=closed').set(as('supervisor'));
      expect(closed.body.items.map((e: Body) => e.id)).not.toContain(event.id);
    });

    it('winds an event down, then refuses going back or closing by status, changing nothing', async () => {
      const event = await declare();
      const officer = await http()
        .post(`/api/v1/crisis-events/${event.id}/status`)
        .set(as('officer'))
        .send({ status: 'winding_down' });
      expectProblem(officer, 403, 'FORBIDDEN');
      const wound = await http()
        .post(`/api/v1/crisis-events/${event.id}/status`)
        .set(as('supervisor'))
        .send({ status: 'winding_down' });
      expect(wound.status).toBe(200);
      expect(wound.body).toMatchObject({ status: 'winding_down', version: 2 });
      const again = await http()
        .post(`/api/v1/crisis-events/${event.id}/status`)
        .set(as('consul'))
        .send({ status: 'winding_down' });
      expectProblem(again, 409, 'CRISIS_INVALID_TRANSITION');
      for (const status of ['closed', 'active', 'nonsense']) {
        const res = await http()
          .post(`/api/v1/crisis-events/${event.id}/status`)
          .set(as('consul'))
          .send({ status });
        expectProblem(res, 400, 'VALIDATION_FAILED');
      }
      const [row] = await stack.query<{ status: string; version: number }>(
        'SELECT status, version FROM crisis_events WHERE id = $1',
        [event.id],
      );
      expect(row).toEqual({ status: 'winding_down', version: 2 });
      expect((await auditOf(event.id, 'crisis.event.status')).map((a) => a.details)).toEqual([
        { from: 'active', to: 'winding_down' },
      ]);
    });

    it('changes the event with If-Match: 428 without it, 412 with a stale one', async () => {
      const event = await declare();
      const path = `/api/v1/crisis-events/${event.id}`;
      expectProblem(
        await http().patch(path).set(as('consul')).send({ name: 'Milton' }),
        428,
        'PRECONDITION_REQUIRED',
      );
      const changed = await http()
        .patch(path)
        .set(as('consul'))
        .set('If-Match', '"v1"')
        .send({ name: 'Huracán Milton', hostSubdivisions: ['US-FL', 'US-GA'] });
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).toBe('"v2"');
      expect(changed.body).toMatchObject({
        name: 'Huracán Milton',
        hostSubdivisions: ['US-FL', 'US-GA'],
      });
      expectProblem(
        await http()
          .patch(path)
          .set(as('consul'))
          .set('If-Match', '"v1"')
          .send({ name: 'X event' }),
        412,
        'CRISIS_EVENT_CHANGED',
      );
      expectProblem(
        await http()
          .patch(path)
          .set(as('consul'))
          .set('If-Match', '"v2"')
          .send({ consulateIds: [colombian] }),
        400,
        'VALIDATION_FAILED',
      );
      const read = await http().get(path).set(as('officer2'));
      expect(read.body).toMatchObject({ name: 'Huracán Milton', version: 2 });
    });
  });

  describe('rapid intake and the roster', () => {
    let event: string;
    beforeAll(async () => {
      event = (await declare()).id;
    });

    it('takes a person in with the minimum, with the first welfare change, and audits it without personal data', async () => {
      const res = await http()
        .post(`/api/v1/crisis-events/${event}/roster`)
        .set(as('officer'))
        .set('Idempotency-Key', 'intake-rosa')
        .send({
          givenNames: ' Rosa María ',
          familyNames: 'Pérez Gómez',
          document: { type: 'passport', number: 'G1234567', country: 'MX' },
          contact: '+1 305 555 0101',
          locationSubdivision: 'US-FL',
          locationText: 'Refugio escuela Miami Dade',
          welfareStatus: 'injured',
        });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/api/v1/crisis-events/${event}/roster/${res.body.id}`);
      expect(res.body).toMatchObject({
        eventId: event,
        givenNames: 'Rosa María',
        familyNames: 'Pérez Gómez',
        document: { type: 'passport', number: 'G1234567', country: 'MX' },
        welfareStatus: 'injured',
        welfareChangedBy: ids.officer,
        source: 'rapid_intake',
        recordedBy: ids.officer,
        recordedConsulateId: post,
        caseId: null,
      });
      const replay = await http()
        .post(`/api/v1/crisis-events/${event}/roster`)
        .set(as('officer'))
        .set('Idempotency-Key', 'intake-rosa')
        .send({
          givenNames: ' Rosa María ',
          familyNames: 'Pérez Gómez',
          document: { type: 'passport', number: 'G1234567', country: 'MX' },
          contact: '+1 305 555 0101',
          locationSubdivision: 'US-FL',
          locationText: 'Refugio escuela Miami Dade',
          welfareStatus: 'injured',
        });
      expect(replay.body.id).toBe(res.body.id);
      const detail = await http()
        .get(`/api/v1/crisis-events/${event}/roster/${res.body.id}`)
        .set(as('supervisor'));
      expect(detail.status).toBe(200);
      expect(detail.body.welfareHistory).toEqual([
        expect.objectContaining({
          status: 'injured',
          previousStatus: null,
          changedBy: ids.officer,
        }),
      ]);
      const audits = await auditOf(event, 'crisis.roster.write');
      const written = audits.find((a) => a.details.entryId === res.body.id)!;
      expect(written.details).toEqual({
        entryId: res.body.id,
        change: 'intake',
        welfareStatus: 'injured',
      });
      expect(jsonWithoutIds(audits)).not.toMatch(/Rosa|Pérez|G1234567|555/);
    });

    it('takes 25 people in a row and pages the roster newest first, filtered by status, place and name', async () => {
      const statuses = ['safe', 'unaccounted', 'needs_assistance', 'missing', 'evacuated'];
      for (let i = 0; i < 25; i++) {
        const res = await intake(
          event,
          {
            givenNames: `Persona ${i}`,
            familyNames: i === 7 ? 'Hernández' : 'Ruiz',
            locationSubdivision: i % 2 ? 'US-FL' : 'US-GA',
            welfareStatus: statuses[i % statuses.length],
          },
          i % 2 ? 'officer' : 'officer2',
        );
        expect(res.status).toBe(201);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await http()
          .get(`/api/v1/crisis-events/${event}/roster`)
          .query({ limit: 10, ...(cursor ? { cursor } : {}) })
          .set(as('officer'));
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((e: Body) => e.givenNames));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(26);
      expect(seen[0]).toBe('Persona 24');
      expect(new Set(seen).size).toBe(26);
      const safe = await http()
        .get(`/api/v1/crisis-events/${event}/roster?welfareStatus=safe&subdivision=US-GA&limit=100`)
        .set(as('officer'));
      expect(safe.body.items.map((e: Body) => e.givenNames).sort()).toEqual(
        ['Persona 0', 'Persona 10', 'Persona 20'].sort(),
      );
      const byName = await http()
        .get(`/api/v1/crisis-events/${event}/roster`)
        .query({ q: 'hernandez' })
        .set(as('officer'));
      expect(byName.body.items.map((e: Body) => e.givenNames)).toEqual(['Persona 7']);
      const typo = await http()
        .get(`/api/v1/crisis-events/${event}/roster`)
        .query({ q: 'Rosa Maria Peres' })
        .set(as('officer'));
      expect(typo.body.items.map((e: Body) => e.givenNames)).toEqual(['Rosa María']);
      // A part of a name, in capitals and without its accent, finds the name.
      const part = await http()
        .get(`/api/v1/crisis-events/${event}/roster`)
        .query({ q: 'HERN' })
        .set(as('officer'));
      expect(part.body.items.map((e: Body) => e.givenNames)).toEqual(['Persona 7']);
      const wildcard = await http()
        .get(`/api/v1/crisis-events/${event}/roster`)
        .query({ q: '%' })
        .set(as('officer'));
      expect(wildcard.body.items).toEqual([]);
      const reads = await auditOf(event, 'crisis.roster.read');
      expect(reads.length).toBeGreaterThanOrEqual(5);
      expect(JSON.stringify(reads)).not.toMatch(/hernandez|Rosa/i);
    });

    it.each([
      ['no name', { welfareStatus: 'safe' }, 'givenNames'],
      ['an unknown welfare status', { givenNames: 'X', welfareStatus: 'fine' }, 'welfareStatus'],
      [
        'a place outside the host country',
        { givenNames: 'X', welfareStatus: 'safe', locationSubdivision: 'MX-GRO' },
        'locationSubdivision',
      ],
      [
        'an unknown document country',
        {
          givenNames: 'X',
          welfareStatus: 'safe',
          document: { type: 'passport', number: 'A1', country: 'XX' },
        },
        'document.country',
      ],
      [
        'a birth date in the future',
        { givenNames: 'X', welfareStatus: 'safe', dateOfBirth: '2999-01-01' },
        'dateOfBirth',
      ],
    ])(
      'refuses an intake with %s, naming the field, and stores nothing',
      async (_n, body, field) => {
        const before = await stack.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM crisis_roster_entries WHERE event_id = $1',
          [event],
        );
        const res = await intake(event, body);
        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        const after = await stack.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM crisis_roster_entries WHERE event_id = $1',
          [event],
        );
        expect(after[0].n).toBe(before[0].n);
      },
    );

    it('keeps the welfare history with who set each status, and refuses a supervisor’s change (read only)', async () => {
      const entry = (await intake(event, { givenNames: 'Jorge', welfareStatus: 'unaccounted' }))
        .body;
      const path = `/api/v1/crisis-events/${event}/roster/${entry.id}`;
      const first = await http()
        .post(`${path}/welfare`)
        .set(as('officer2'))
        .send({ status: 'injured', note: 'Hospital Jackson Memorial' });
      expect(first.status).toBe(200);
      const second = await http()
        .post(`${path}/welfare`)
        .set(as('consul'))
        .send({ status: 'evacuated' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({
        welfareStatus: 'evacuated',
        welfareChangedBy: ids.consul,
      });
      expect(
        second.body.welfareHistory.map((h: Body) => [
          h.status,
          h.previousStatus,
          h.changedBy,
          h.note,
        ]),
      ).toEqual([
        ['unaccounted', null, ids.officer, null],
        ['injured', 'unaccounted', ids.officer2, 'Hospital Jackson Memorial'],
        ['evacuated', 'injured', ids.consul, null],
      ]);
      expect(
        second.body.welfareHistory.every((h: Body) => typeof h.changedByName === 'string'),
      ).toBe(true);
      expectProblem(
        await http().post(`${path}/welfare`).set(as('supervisor')).send({ status: 'safe' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await http().post(`${path}/welfare`).set(as('consul')).send({ status: 'gone' }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await http()
          .post(`/api/v1/crisis-events/${event}/roster/${event}/welfare`)
          .set(as('consul'))
          .send({ status: 'safe' }),
        404,
        'CRISIS_ENTRY_NOT_FOUND',
      );
      const history = await stack.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM crisis_welfare_changes WHERE entry_id = $1',
        [entry.id],
      );
      expect(history[0].n).toBe(3);
    });

    it('answers 404 to another post and another country on every route, and changes nothing', async () => {
      const entry = (await intake(event, { givenNames: 'Oculta', welfareStatus: 'safe' })).body;
      for (const who of ['otherPost', 'otherConsul', 'colombianConsul', 'colombianSupervisor']) {
        const base = `/api/v1/crisis-events/${event}`;
        // Each route with the permission it needs: without it, 403 before any lookup.
        const calls = [
          ['crisis:read', http().get(base)],
          ['crisis:read', http().get(`${base}/roster`)],
          ['crisis:read', http().get(`${base}/roster/${entry.id}`)],
          [
            'crisis:write',
            http().post(`${base}/roster`).send({ givenNames: 'X', welfareStatus: 'safe' }),
          ],
          [
            'crisis:write',
            http().post(`${base}/roster/${entry.id}/welfare`).send({ status: 'missing' }),
          ],
          ['crisis:manage', http().post(`${base}/status`).send({ status: 'winding_down' })],
          [
            'crisis:manage',
            http().patch(base).set('If-Match', '"v1"').send({ name: 'Taken over' }),
          ],
        ] as const;
        for (const [permission, call] of calls) {
          const res = await call.set(as(who));
          if (PERMISSIONS_OF[who].includes(permission))
            expectProblem(res, 404, 'CRISIS_EVENT_NOT_FOUND');
          else expectProblem(res, 403, 'FORBIDDEN');
        }
      }
      const [row] = await stack.query<{ welfare_status: string }>(
        'SELECT welfare_status FROM crisis_roster_entries WHERE id = $1',
        [entry.id],
      );
      expect(row.welfare_status).toBe('safe');
      const [ev] = await stack.query<{ name: string; status: string }>(
        'SELECT name, status FROM crisis_events WHERE id = $1',
        [event],
      );
      expect(ev).toEqual({ name: 'Huracán Milton — Florida', status: 'active' });
    });
  });
});
