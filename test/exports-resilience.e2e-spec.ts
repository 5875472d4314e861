import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ExportRequestsService, validateStatisticsExport } from '@amparo/statistics';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { PrivateRedis, TestChild, spawnWorkerProcess } from './utils/child-processes';
import { eventually } from './utils/eventually';
import { createConsulate, createUser, signIn } from './utils/identity';
import { JobEvents } from './utils/job-events';
import { insertCases, times } from './utils/statistics-fixtures';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

/** Reads a response body as bytes, whatever its content type. */
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface ExportRow {
  status: string;
  progress: number;
  enqueued_at: Date | null;
  attempts: number;
  sha256: string | null;
  row_count: number | null;
}

const REQUEST = {
  kind: 'statistics',
  period: 'year',
  from: '2025-01-01',
  to: '2025-12-31',
  format: 'json',
};

/** The sweep finds queued exports overdue after 1 s, every second. */
const FAST_SWEEP = { EXPORTS_REQUEUE_AFTER_SECONDS: '1', EXPORTS_SWEEP_INTERVAL_SECONDS: '1' };

/**
 * A killed worker's job is BullMQ's to recover: once its lock has lapsed, a worker's stalled-job
 * check marks it and the next one gives it back to the queue. With the defaults (30 s each) that
 * takes 60 to 90 s; here about 3 s. Lock renewals come every 1.5 s, far more often than needed.
 */
const FAST_RECOVERY = { JOBS_LOCK_DURATION_MS: '3000', JOBS_STALLED_INTERVAL_MS: '250' };

/**
 * Exports survive what production throws at them: Redis down when the export is requested, and a
 * worker killed in the middle of writing the file. Real PostgreSQL, a real redis-server of this
 * file's own (so the outage touches no other test), the real worker app as a child process.
 */
describe('Exports resilience: Redis outage and worker crash', () => {
  let redis: PrivateRedis | undefined;
  let stack: TestStack | undefined;
  let app: NestExpressApplication | undefined;
  let worker: INestApplicationContext | undefined;
  let child: TestChild | undefined;
  let events: JobEvents | undefined;
  let exportsDir: string | undefined;
  let token: string;

  beforeAll(async () => {
    exportsDir = await mkdtemp(join(tmpdir(), 'amparo-exports-resilience-'));
    redis = await PrivateRedis.start();
    stack = await createTestStack({
      REDIS_URL: redis.url,
      EXPORTS_DIR: exportsDir,
      ...FAST_SWEEP,
      ...FAST_RECOVERY,
    });
    app = await createTestApi(stack.config);
    const mx = await createConsulate(stack, 'MX', 'LAX');
    const supervisor = await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]);
    const officer = await createUser(stack, [{ role: 'officer', consulateId: mx }]);
    token = (await signIn(app, supervisor.email)).accessToken;
    const at = { consulateId: mx, country: 'MX', openedAt: '2025-02-01T00:00:00Z' };
    await insertCases(stack, officer.id, [
      ...times(9, { ...at, category: 'trafficking', sex: 'female' }),
      ...times(6, { ...at, category: 'health', sex: 'male', extraPersons: 1 }),
      ...times(5, { ...at, category: 'immigration_detention', sex: 'male' }),
      ...times(2, { ...at, category: 'death', sex: 'female' }),
    ]);
  }, 60_000);

  afterAll(async () => {
    // Every step runs even when one before it fails: no child process may outlive the file.
    const steps = [
      () => child?.stop('SIGKILL'),
      // Closing BullMQ workers needs Redis back and reconnected, if a failed test left it down.
      () => redis?.settle(),
      () => worker?.close(),
      () => events?.close(),
      () => app?.close(),
      () => stack?.teardown(),
      () => redis?.dispose(),
      () => exportsDir && rm(exportsDir, { recursive: true, force: true }),
    ];
    const errors: unknown[] = [];
    for (const step of steps) await Promise.resolve(step()).catch((e: unknown) => errors.push(e));
    jest.restoreAllMocks();
    if (errors.length) throw errors[0];
  }, 30_000);

  const http = () => request(app!.getHttpServer());
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const row = async (id: string) =>
    (
      await stack!.query<ExportRow>(
        `SELECT status, progress, enqueued_at, attempts, sha256, row_count
           FROM statistics_exports WHERE id = $1`,
        [id],
      )
    )[0];

  async function completed(location: string) {
    return eventually(async () => {
      const res = await http().get(location).set(auth());
      if (res.body.status === 'failed')
        throw new Error(`export failed: ${JSON.stringify(res.body)}`);
      return res.body.status === 'completed' ? res.body : undefined;
    });
  }

  async function download(id: string): Promise<Buffer> {
    const res = await http()
      .get(`/api/v1/exports/${id}/file`)
      .set(auth())
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    return res.body as Buffer;
  }

  it('answers 202 while Redis is down, and completes the export after Redis restarts', async () => {
    worker = await createTestWorker(stack!.config);
    await worker.init();

    // The worker's recovery sweep will try to queue the export while Redis is down.
    const requests = worker.get(ExportRequestsService);
    const enqueue = requests.enqueue.bind(requests);
    let sweepTried!: () => void;
    const swept = new Promise<void>((resolve) => (sweepTried = resolve));
    jest.spyOn(requests, 'enqueue').mockImplementation((id, options) => {
      sweepTried();
      return enqueue(id, options);
    });

    await redis!.stop();
    let location: string;
    try {
      // A producer that waited for Redis would hang here for good (Redis comes back only after
      // this answer): answering at all proves it fails fast, however loaded the machine.
      const res = await http()
        .post('/api/v1/exports')
        .set(auth())
        .send({ ...REQUEST, measures: ['cases_opened'], dimensions: ['category'] });
      expect(res.status).toBe(202);
      location = res.headers.location;
      expect(location).toBe(`/api/v1/exports/${res.body.id}`);
      expect(res.body.status).toBe('queued');
      expect(await row(res.body.id)).toEqual(
        expect.objectContaining({ status: 'queued', enqueued_at: null, attempts: 0 }),
      );

      // The sweep found the export overdue (after 1 s) and is trying to queue it: nothing changed.
      await swept;
      expect(await row(res.body.id)).toEqual(
        expect.objectContaining({ status: 'queued', enqueued_at: null, attempts: 0 }),
      );
    } finally {
      await redis!.start();
    }

    const done = await completed(location);
    expect(done).toEqual(
      expect.objectContaining({ progress: 100, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    );
    expect((await row(done.id)).enqueued_at).not.toBeNull();
    const bytes = await download(done.id);
    expect(sha256(bytes)).toBe(done.sha256);
    const document = JSON.parse(bytes.toString('utf8'));
    expect(validateStatisticsExport(document)).toEqual({ valid: true });
    expect(document.rows).toHaveLength(done.rowCount);
    expect(document.rows).toHaveLength(17); // 16 categories and the total
  }, 60_000);

  it('leaves exactly one complete file when the worker process is killed mid-job', async () => {
    // The worker of the test before would take the job: the child process must have it.
    await redis!.settle();
    await worker?.close();
    worker = undefined;
    const { config } = stack!;
    if (config.jobs.mode !== 'redis' || config.database.mode !== 'external')
      throw new Error('This test needs Redis and an external database');
    // The real worker app, slowed down so that the kill lands while the file is being written.
    child = spawnWorkerProcess({
      DATABASE_URL: config.database.url,
      DATABASE_POOL_SIZE: '2',
      REDIS_URL: config.jobs.redisUrl,
      JOBS_PREFIX: config.jobs.prefix,
      EXPORTS_DIR: exportsDir!,
      EXPORTS_MAX_ROWS_PER_SECOND: '20',
      ...FAST_SWEEP,
      ...FAST_RECOVERY,
    });
    events = await JobEvents.open(config, 'exports');
    const res = await http()
      .post('/api/v1/exports')
      .set(auth())
      .send({
        ...REQUEST,
        measures: ['cases_opened', 'persons_assisted'],
        dimensions: ['category', 'sex'],
      });
    expect(res.status).toBe(202);
    const id: string = res.body.id;
    const inDir = async () => (await readdir(exportsDir!)).filter((n) => n.startsWith(`${id}.`));

    // Running with one measure of two written: the worker is in the middle of the file.
    await eventually(async () => {
      if (!child!.alive) throw new Error(`the worker process exited:\n${child!.output()}`);
      const current = await row(id);
      return current.status === 'running' && current.progress > 0 ? current : undefined;
    });
    await child.stop('SIGKILL');
    const left = await inDir();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^${id}\\.json\\..+\\.partial$`));
    expect((await row(id)).status).toBe('running');

    // The job stays active in Redis (re-adding it is a no-op, so the recovery sweep cannot help):
    // BullMQ gives it to the next worker once its lock has lapsed (FAST_RECOVERY).
    worker = await createTestWorker(config);
    await worker.init();
    await events.reached(id, 'stalled');
    await events.reached(id, 'completed');
    const done = await completed(res.headers.location);

    expect(await inDir()).toEqual([`${id}.json`]); // the killed attempt's partial file is gone
    const bytes = await readFile(join(exportsDir!, `${id}.json`));
    const stored = await row(id);
    expect(stored.sha256).toBe(sha256(bytes));
    expect(done.sha256).toBe(stored.sha256);
    expect(stored.attempts).toBe(2);
    const document = JSON.parse(bytes.toString('utf8'));
    expect(validateStatisticsExport(document)).toEqual({ valid: true });
    expect(document.rows).toHaveLength(stored.row_count!);
    expect(stored.row_count).toBe(2 * 17 * 5); // measures × (16 categories + total) × (4 sexes + total)
    expect(sha256(await download(id))).toBe(stored.sha256);
  }, 90_000);
});
