import { NestExpressApplication } from '@nestjs/platform-express';
import { testConfig } from '@amparo/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createConsulate, createUser, signIn } from './utils/identity';
import { createTestApi } from './utils/test-app';

// The same history query on the embedded default (PGlite), whose sort rules are PostgreSQL's own.
describe('Case history on the embedded database', () => {
  let app: NestExpressApplication;
  let direct: { query<R>(sql: string, params?: unknown[]): Promise<R[]> };

  beforeAll(async () => {
    app = await createTestApi(testConfig({ EMBEDDED_DATA_DIR: 'memory://' }));
    const database = app.get(DataSource);
    direct = { query: <R>(sql: string, params?: unknown[]) => database.query<R[]>(sql, params) };
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('returns more than nine entries in the order they were made, across ids of two and three digits', async () => {
    const consulateId = await createConsulate(direct, 'MX');
    const officer = await createUser(direct, [{ role: 'officer', consulateId }]);
    const auth = `Bearer ${(await signIn(app, officer.email)).accessToken}`;
    // Entry ids from 96 on: a text sort would put "100".."107" before "96".."99".
    await direct.query('ALTER TABLE case_history ALTER COLUMN id RESTART WITH 96');
    const created = await request(app.getHttpServer())
      .post('/api/v1/cases')
      .set('Authorization', auth)
      .send({
        consulateId,
        primaryCategory: 'immigration_detention',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Luis',
              familyNames: 'Ortega Ruiz',
              dateOfBirth: '1987-09-30',
              sex: 'male',
              nationalityCode: 'MX',
            },
          },
        ],
      });
    expect(created.status).toBe(201);
    let etag = created.headers.etag;
    const notes = Array.from({ length: 12 }, (_, i) => `Note ${i + 1}`);
    for (const summary of notes) {
      const res = await request(app.getHttpServer())
        .patch(`/api/v1/cases/${created.body.id}`)
        .set('Authorization', auth)
        .set('If-Match', etag)
        .send({ summary });
      expect(res.status).toBe(200);
      etag = res.headers.etag;
    }

    const history = await request(app.getHttpServer())
      .get(`/api/v1/cases/${created.body.id}/history`)
      .set('Authorization', auth);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { newValue: unknown }) => e.newValue)).toEqual(notes);
    expect(history.body.items[0].id).toBe('96');
  });
});
