import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;

const DAY = 86_400_000;
const utcDay = (days = 0) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe("Cases: a case's next step and its due date", () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  const { tokens, signInAs } = signedInUsers(() => ({ app, stack }));

  const http = () => request(app.getHttpServer());
  const bearer = (who: string) => `Bearer ${tokens[who]}`;

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await signInAs('officer2', [{ role: 'officer', consulateId: post }]);
    await signInAs('supervisor', [{ role: 'supervisor', countryCode: 'MX' }]);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const create = (overrides: Body = {}, who = 'officer') =>
    http()
      .post('/api/v1/cases')
      .set('Authorization', bearer(who))
      .send({
        consulateId: post,
        primaryCategory: 'criminal_detention',
        openedAt: new Date(Date.now() - 10 * DAY).toISOString(),
        summary: 'Held at county jail.',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Carmen',
              familyNames: `Ortiz ${randomUUID().slice(0, 6)}`,
              sex: 'female',
              nationalityCode: 'MX',
            },
          },
        ],
        ...overrides,
      });

  const read = (who: string, id: string) =>
    http().get(`/api/v1/cases/${id}`).set('Authorization', bearer(who));

  const patch = (id: string, etag: string, body: Body) =>
    http()
      .patch(`/api/v1/cases/${id}`)
      .set('Authorization', bearer('officer'))
      .set('If-Match', etag)
      .send(body);

  const history = (id: string) =>
    stack.query<{ field: string; old_value: unknown; new_value: unknown; tier: string }>(
      `SELECT field, old_value, new_value, tier FROM case_history
        WHERE case_id = $1 AND field IN ('nextStep', 'nextStepDue') ORDER BY id`,
      [id],
    );

  const auditedFields = async (id: string) =>
    (
      await stack.query<{ details: { fields: string[]; actionId?: string } }>(
        `SELECT details FROM audit_events WHERE action = 'case.update' AND resource_id = $1 ORDER BY seq`,
        [id],
      )
    ).map((e) => e.details);

  describe('registration', () => {
    it('keeps the next step given when the case is registered, trimmed', async () => {
      const res = await create({ nextStep: '  Visit at the jail  ', nextStepDue: utcDay(2) });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ nextStep: 'Visit at the jail', nextStepDue: utcDay(2) });
      const detail = await read('officer', res.body.id);
      expect(detail.body).toMatchObject({ nextStep: 'Visit at the jail', nextStepDue: utcDay(2) });
    });

    it('registers a case without a next step as null and null', async () => {
      const res = await create();
      expect(res.body).toMatchObject({ nextStep: null, nextStepDue: null });
    });

    it.each([
      ['due before the case opened', { nextStepDue: utcDay(-11) }, 'nextStepDue', 'BEFORE_OPENED'],
      ['a blank step', { nextStep: '   ' }, 'nextStep', undefined],
      ['a step over 300 characters', { nextStep: 'x'.repeat(301) }, 'nextStep', undefined],
      ['a date that does not exist', { nextStepDue: '2026-02-30' }, 'nextStepDue', undefined],
      [
        'a time instead of a date',
        { nextStepDue: `${utcDay(1)}T10:00:00Z` },
        'nextStepDue',
        undefined,
      ],
    ])('refuses %s with 400 naming the field', async (_label, body, field, code) => {
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const error = (res.body.errors as { field: string; code: string }[]).find(
        (e) => e.field === field,
      );
      expect(error).toBeDefined();
      if (code) expect(error!.code).toBe(code);
    });
  });

  describe('PATCH', () => {
    it('sets and clears the next step as a versioned change in the history and the audit log', async () => {
      const created = await create();
      const set = await patch(created.body.id, created.headers.etag, {
        nextStep: 'Call the public defender',
        nextStepDue: utcDay(1),
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({
        nextStep: 'Call the public defender',
        nextStepDue: utcDay(1),
        version: created.body.version + 1,
      });
      const cleared = await patch(created.body.id, set.headers.etag, {
        nextStep: null,
        nextStepDue: null,
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ nextStep: null, nextStepDue: null });
      expect(await history(created.body.id)).toEqual([
        { field: 'nextStep', old_value: null, new_value: 'Call the public defender', tier: 'T2' },
        { field: 'nextStepDue', old_value: null, new_value: utcDay(1), tier: 'T0' },
        { field: 'nextStep', old_value: 'Call the public defender', new_value: null, tier: 'T2' },
        { field: 'nextStepDue', old_value: utcDay(1), new_value: null, tier: 'T0' },
      ]);
      const audited = await auditedFields(created.body.id);
      expect(audited.map((d) => d.fields)).toEqual([
        ['nextStep', 'nextStepDue'],
        ['nextStep', 'nextStepDue'],
      ]);
      // The audit log names the fields, never the step's text.
      expect(JSON.stringify(audited)).not.toContain('defender');
    });

    it('leaves the next step alone when a PATCH does not mention it', async () => {
      const created = await create({ nextStep: 'Visit', nextStepDue: utcDay(3) });
      const res = await patch(created.body.id, created.headers.etag, { riskLevel: 'high' });
      expect(res.body).toMatchObject({ nextStep: 'Visit', nextStepDue: utcDay(3) });
    });

    it('refuses a due date before the case opened and changes nothing', async () => {
      const created = await create();
      const res = await patch(created.body.id, created.headers.etag, { nextStepDue: utcDay(-20) });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'nextStepDue', code: 'BEFORE_OPENED' });
      expect((await read('officer', created.body.id)).headers.etag).toBe(created.headers.etag);
    });
  });

  describe('consular actions', () => {
    const action = (id: string, body: Body, path = 'actions') =>
      http()
        .post(`/api/v1/cases/${id}/${path}`)
        .set('Authorization', bearer('officer'))
        .send({
          type: 'consular_visit',
          occurredAt: new Date(Date.now() - 3600_000).toISOString(),
          ...body,
        });

    it("moves the case's next step with the action, in its history, version and audit log", async () => {
      const created = await create({ nextStep: 'First visit', nextStepDue: utcDay(0) });
      const res = await action(created.body.id, {
        outcome: 'Visited; he asks for his mother to be told',
        nextStep: 'Call his mother',
        nextStepDue: utcDay(2),
      });
      expect(res.status).toBe(201);
      expect(res.body.nextStepDue).toBe(utcDay(2));
      const after = await read('officer', created.body.id);
      expect(after.body).toMatchObject({
        nextStep: 'Call his mother',
        nextStepDue: utcDay(2),
        version: created.body.version + 1,
      });
      expect(after.headers.etag).toBe(`"v${created.body.version + 1}"`);
      expect(await history(created.body.id)).toEqual([
        { field: 'nextStep', old_value: 'First visit', new_value: 'Call his mother', tier: 'T2' },
        { field: 'nextStepDue', old_value: utcDay(0), new_value: utcDay(2), tier: 'T0' },
      ]);
      expect(await auditedFields(created.body.id)).toEqual([
        { fields: ['nextStep', 'nextStepDue'], actionId: res.body.id },
      ]);
    });

    it('moves only the part the action carries', async () => {
      const created = await create({ nextStep: 'Visit', nextStepDue: utcDay(1) });
      await action(created.body.id, { nextStepDue: utcDay(5) });
      expect((await read('officer', created.body.id)).body).toMatchObject({
        nextStep: 'Visit',
        nextStepDue: utcDay(5),
      });
    });

    it("leaves the case's version alone when the action carries no next step", async () => {
      const created = await create({ nextStep: 'Visit', nextStepDue: utcDay(1) });
      expect((await action(created.body.id, { outcome: 'Visited' })).status).toBe(201);
      const after = await read('officer', created.body.id);
      expect(after.body).toMatchObject({ nextStep: 'Visit', version: created.body.version });
    });

    it('moves the next step with a correction too', async () => {
      const created = await create();
      const original = await action(created.body.id, { nextStepDue: utcDay(1) });
      const corrected = await action(
        created.body.id,
        { nextStep: 'Court hearing', nextStepDue: utcDay(4) },
        `actions/${original.body.id}/corrections`,
      );
      expect(corrected.status).toBe(201);
      expect((await read('officer', created.body.id)).body).toMatchObject({
        nextStep: 'Court hearing',
        nextStepDue: utcDay(4),
        version: created.body.version + 2,
      });
    });

    it('refuses a blank next step or one due before the case opened, and changes nothing', async () => {
      const created = await create();
      const blank = await action(created.body.id, { nextStep: ' ' });
      expect(blank.status).toBe(400);
      const early = await action(created.body.id, { nextStepDue: utcDay(-15) });
      expect(early.status).toBe(400);
      expect(early.body.errors[0]).toMatchObject({ field: 'nextStepDue', code: 'BEFORE_OPENED' });
      const actions = await http()
        .get(`/api/v1/cases/${created.body.id}/actions`)
        .set('Authorization', bearer('officer'));
      expect(actions.body.items).toEqual([]);
      expect((await read('officer', created.body.id)).body.version).toBe(created.body.version);
    });
  });

  describe('lists', () => {
    it('shows the step to those who work the case and only its date to a supervisor', async () => {
      const created = await create({ nextStep: 'Visit at the shelter', nextStepDue: utcDay(1) });
      const find = async (who: string) => {
        const res = await http()
          .get('/api/v1/cases')
          .query({ nextStepDueTo: utcDay(1), sort: 'nextStepDue', limit: 100 })
          .set('Authorization', bearer(who));
        return (res.body.items as Body[]).find((c) => c.id === created.body.id);
      };
      expect(await find('officer2')).toMatchObject({
        nextStep: 'Visit at the shelter',
        nextStepDue: utcDay(1),
      });
      expect(await find('supervisor')).toMatchObject({ nextStep: null, nextStepDue: utcDay(1) });
      // The case itself, once opened, is the supervisor's to read like its summary.
      expect((await read('supervisor', created.body.id)).body.nextStep).toBe(
        'Visit at the shelter',
      );
    });

    it('keeps the step of a closed case but never lists it as due', async () => {
      const created = await create({ nextStep: 'Visit', nextStepDue: utcDay(0) });
      const closed = await http()
        .post(`/api/v1/cases/${created.body.id}/transitions`)
        .set('Authorization', bearer('officer'))
        .set('If-Match', created.headers.etag)
        .send({ to: 'closed', closureReason: 'resolved' });
      expect(closed.body).toMatchObject({
        status: 'closed',
        nextStep: 'Visit',
        nextStepDue: utcDay(0),
      });
      const due = await http()
        .get('/api/v1/cases')
        .query({ nextStepDueTo: utcDay(30), limit: 100 })
        .set('Authorization', bearer('officer'));
      expect((due.body.items as Body[]).map((c) => c.id)).not.toContain(created.body.id);
    });

    it('pages through the nextStepDue sort without skipping or repeating, cases without a step last', async () => {
      const sortPost = await createConsulate(stack, 'MX');
      await signInAs('sorter', [{ role: 'officer', consulateId: sortPost }]);
      const made: { id: string; due: string | null }[] = [];
      for (const due of [utcDay(3), null, utcDay(1), utcDay(3), null, utcDay(-2), utcDay(1)]) {
        const res = await create(
          { consulateId: sortPost, nextStepDue: due ?? undefined },
          'sorter',
        );
        made.push({ id: res.body.id, due });
      }
      const expected = [...made]
        .sort((a, b) =>
          (a.due ?? '9999') === (b.due ?? '9999')
            ? a.id < b.id
              ? -1
              : 1
            : (a.due ?? '9999').localeCompare(b.due ?? '9999'),
        )
        .map((c) => c.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await http()
          .get('/api/v1/cases')
          .query({ sort: 'nextStepDue', limit: 2, ...(cursor ? { cursor } : {}) })
          .set('Authorization', bearer('sorter'));
        expect(res.status).toBe(200);
        seen.push(...(res.body.items as Body[]).map((c) => c.id as string));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
      const dueSoon = await http()
        .get('/api/v1/cases')
        .query({ nextStepDueTo: utcDay(1), sort: 'nextStepDue' })
        .set('Authorization', bearer('sorter'));
      expect((dueSoon.body.items as Body[]).map((c) => c.nextStepDue)).toEqual([
        utcDay(-2),
        utcDay(1),
        utcDay(1),
      ]);
    });

    it('refuses a nextStepDueTo that is not a date with 400', async () => {
      const res = await http()
        .get('/api/v1/cases')
        .query({ nextStepDueTo: 'tomorrow' })
        .set('Authorization', bearer('officer'));
      expect(res.status).toBe(400);
    });
  });
});
