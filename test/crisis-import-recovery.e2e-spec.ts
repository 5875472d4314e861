import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bullmq';
import { ImportRecoverySweep, MAX_IMPORT_ATTEMPTS } from '@amparo/crisis';
import { Queue } from 'bullmq';
import request from 'supertest';
import { eventually } from './utils/eventually';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

/** The sweep finds committed imports overdue after 1 s, every second. */
const FAST_SWEEP = { EXPORTS_REQUEUE_AFTER_SECONDS: '1', EXPORTS_SWEEP_INTERVAL_SECONDS: '1' };

const CSV = [
  'given_names,family_names,document_type,document_number,document_country,welfare_status',
  'Ana,Ruiz,passport,R0000001,MX,safe',
  'Benito,Soto,passport,R0000002,MX,unaccounted',
  'Carla,Vega,passport,R0000003,MX,injured',
].join('\n');

/**
 * A committed import whose job Redis lost is queued again by the worker's recovery sweep and
 * completes; one tried too often is given up all or nothing (its entries leave the roster). Real
 * PostgreSQL and Redis; the queue's data is wiped as a Redis restart without persistence would.
 */
describe('Crisis import recovery sweep', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let worker: INestApplicationContext | undefined;
  let event: string;
  const { tokens, ids, signInAs } = signedInUsers(() => ({ app, stack }));

  const http = () => request(app.getHttpServer());
  const asOfficer = () => ({ Authorization: `Bearer ${tokens.officer}` });
  const base = () => `/api/v1/crisis-events/${event}/imports`;
  const importRow = async (id: string) =>
    (
      await stack.query<{ status: string; attempts: number; imported_rows: number | null }>(
        'SELECT status, attempts, imported_rows FROM crisis_imports WHERE id = $1',
        [id],
      )
    )[0];
  const onRoster = async (id: string) =>
    Number(
      (
        await stack.query<{ n: string }>(
          'SELECT count(*) AS n FROM crisis_roster_entries WHERE import_id = $1',
          [id],
        )
      )[0].n,
    );

  beforeAll(async () => {
    stack = await createTestStack(FAST_SWEEP);
    app = await createTestApi(stack.config);
    const post = await createConsulate(stack, 'MX');
    await signInAs('officer', [{ role: 'officer', consulateId: post }]);
    const [row] = await stack.query<{ id: string }>(
      `INSERT INTO crisis_events (country_code, name, type, host_country_code, host_subdivisions, consulate_ids,
                                  started_at, declared_by)
       VALUES ('MX', 'Sismo de prueba', 'earthquake', 'US', '{US-CA}', $1, now(), $2) RETURNING id`,
      [[post], ids.officer],
    );
    event = row.id;
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await stack?.teardown();
  });

  it('queues again a committed import whose job Redis lost, and the worker completes it', async () => {
    const previewed = await http()
      .post(`${base()}/preview`)
      .set(asOfficer())
      .attach('file', Buffer.from(CSV, 'utf8'), 'lista.csv');
    expect(previewed.status).toBe(200);
    const importId = previewed.body.importId as string;
    const commit = await http().post(`${base()}/${importId}/commit`).set(asOfficer());
    expect(commit.status).toBe(202);

    // No worker yet: the job waits in Redis. Redis then loses it.
    const queue = app.get<Queue>(getQueueToken('imports'), { strict: false });
    expect(await queue.getJobState(importId)).toBe('waiting');
    await queue.obliterate({ force: true });
    expect(await queue.getJobState(importId)).toBe('unknown');
    expect(await importRow(importId)).toMatchObject({ status: 'queued', attempts: 0 });

    worker = await createTestWorker(stack.config);
    await worker.init();
    const done = await eventually(async () => {
      const res = await http().get(`${base()}/${importId}`).set(asOfficer());
      return res.body.status === 'completed' ? res.body : undefined;
    });
    expect(done).toMatchObject({ status: 'completed', imported: 3 });
    expect(await onRoster(importId)).toBe(3);
  });

  it('gives up an import tried too often: marked failed, its entries off the roster, audited', async () => {
    const previewed = await http()
      .post(`${base()}/preview`)
      .set(asOfficer())
      .attach('file', Buffer.from(CSV.replace(/R00/g, 'S00'), 'utf8'), 'lista-2.csv');
    const importId = previewed.body.importId as string;
    await http().post(`${base()}/${importId}/commit`).set(asOfficer()).expect(202);
    await eventually(async () => (await importRow(importId)).status === 'completed' || undefined);
    expect(await onRoster(importId)).toBe(3);

    // As if its worker kept dying after writing the entries: still running, attempts used up.
    await stack.query(
      `UPDATE crisis_imports SET status = 'running', attempts = $2, started_at = now() - interval '1 hour'
        WHERE id = $1`,
      [importId, MAX_IMPORT_ATTEMPTS],
    );
    await worker!.get(ImportRecoverySweep).sweep();

    expect(await importRow(importId)).toMatchObject({ status: 'failed', imported_rows: 0 });
    expect(await onRoster(importId)).toBe(0);
    const [failed] = await stack.query<{ details: { importId: string; errorCode: string } }>(
      `SELECT details FROM audit_events WHERE action = 'crisis.import.fail' AND resource_id = $1`,
      [event],
    );
    expect(failed.details).toMatchObject({ importId, errorCode: 'CRISIS_IMPORT_FAILED' });
    const res = await http().get(`${base()}/${importId}`).set(asOfficer());
    expect(res.body).toMatchObject({ status: 'failed' });
  });
});
