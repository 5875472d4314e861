import { NestExpressApplication } from '@nestjs/platform-express';
import { testConfig } from '@amparo/testing';
import request from 'supertest';
import { eventually } from './utils/eventually';
import { createTestApi } from './utils/test-app';

// The newcomer's default: no DATABASE_URL (PGlite, migrated at start) and no REDIS_URL (in-process jobs).
describe('Embedded default (PGlite + in-process jobs)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApi(testConfig({ EMBEDDED_DATA_DIR: 'memory://' }));
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('is ready with the database up and jobs in-process', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.details).toEqual({
      database: { status: 'up' },
      redis: { status: 'up', mode: 'in-process' },
    });
  });

  it('runs the system job in-process through the same handler', async () => {
    const created = await request(app.getHttpServer())
      .post('/api/v1/system/pings')
      .send({ delayMs: 200 });
    expect(created.status).toBe(202);
    const done = await eventually(async () => {
      const res = await request(app.getHttpServer()).get(`/api/v1/system/pings/${created.body.id}`);
      return res.body.status === 'completed' ? res.body : undefined;
    });
    expect(done.handledBy).toMatch(/:\d+$/);
  });
});
