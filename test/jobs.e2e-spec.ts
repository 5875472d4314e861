import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import request from 'supertest';
import { eventually } from './utils/eventually';
import {
  BOOTSTRAP_ADMIN,
  BOOTSTRAP_ENV,
  createConsulate,
  createUser,
  signIn,
} from './utils/identity';
import { JobEvents } from './utils/job-events';
import { TestStack, createTestApi, createTestStack, createTestWorker } from './utils/test-app';

interface PingBody {
  id: string;
  status: string;
  handledBy: string | null;
  completedAt: string | null;
}

describe('Jobs through Redis: API enqueues, worker processes', () => {
  let stack: TestStack;
  let api: NestExpressApplication;
  let worker: INestApplicationContext | undefined;
  let events: JobEvents;
  let token: string;
  const asAdmin = (req: request.Test) => req.set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    stack = await createTestStack(BOOTSTRAP_ENV);
    api = await createTestApi(stack.config);
    events = await JobEvents.open(stack.config, 'system');
    token = (await signIn(api, BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password)).accessToken;
  });

  afterAll(async () => {
    await worker?.close();
    await events?.close();
    await api?.close();
    await stack?.teardown();
  });

  const getPing = async (id: string) =>
    (await asAdmin(request(api.getHttpServer()).get(`/api/v1/system/pings/${id}`)))
      .body as PingBody;

  it('keeps a ping queued while no worker runs, and a worker then completes it exactly once', async () => {
    const created = await asAdmin(request(api.getHttpServer()).post('/api/v1/system/pings')).send(
      {},
    );
    expect(created.status).toBe(202);
    expect(created.headers.location).toBe(`/api/v1/system/pings/${created.body.id}`);
    expect(created.body.status).toBe('queued');

    // Waiting in Redis for a worker, not lost and not run by anyone else.
    const queue = api.get<Queue>(getQueueToken('system'), { strict: false });
    expect(await queue.getJobState(created.body.id)).toBe('waiting');
    expect((await getPing(created.body.id)).status).toBe('queued');

    worker = await createTestWorker(stack.config);
    const done = await eventually(async () => {
      const ping = await getPing(created.body.id);
      return ping.status === 'completed' ? ping : undefined;
    });
    expect(done.handledBy).toMatch(/:\d+$/);
    const [row] = await stack.query<{ attempts: number }>(
      'SELECT attempts FROM system_pings WHERE id = $1',
      [created.body.id],
    );
    expect(row.attempts).toBe(1);
  });

  it('lets a job in flight finish when the worker shuts down', async () => {
    worker ??= await createTestWorker(stack.config);
    const created = await asAdmin(request(api.getHttpServer()).post('/api/v1/system/pings')).send({
      delayMs: 1500,
    });
    expect(created.status).toBe(202);
    await events.reached(created.body.id, 'active'); // the worker is inside its 1.5 s of work
    await worker.close();
    worker = undefined;
    expect((await getPing(created.body.id)).status).toBe('completed');
  });

  it('answers 404 for a ping that does not exist', async () => {
    const res = await asAdmin(
      request(api.getHttpServer()).get('/api/v1/system/pings/7b0c6a52-1a4e-4b8e-9a57-0a4bb0e5b0a1'),
    );
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('SYSTEM_PING_NOT_FOUND');
  });

  it('refuses pings to anyone but a system_admin', async () => {
    const anonymous = await request(api.getHttpServer()).post('/api/v1/system/pings').send({});
    expect(anonymous.status).toBe(401);
    const officer = await createUser(stack, [
      { role: 'officer', consulateId: await createConsulate(stack, 'MX') },
    ]);
    const officerToken = (await signIn(api, officer.email)).accessToken;
    const refused = await request(api.getHttpServer())
      .post('/api/v1/system/pings')
      .set('Authorization', `Bearer ${officerToken}`)
      .send({});
    expect(refused.status).toBe(403);
  });

  it('reports database and Redis as ready', async () => {
    const res = await request(api.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });
});
