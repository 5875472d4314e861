import { NestExpressApplication } from '@nestjs/platform-express';
import { testConfig } from '@amparo/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createConsulate, createUser, signIn } from './utils/identity';
import { createTestApi } from './utils/test-app';

// The embedded database (PGlite) has one connection: a transfer's steps must never wait on a
// second one while a transaction holds it (the proposal with an Idempotency-Key holds the
// request's transaction; acceptance widens the wall in its own).
describe('Transfers on the embedded database', () => {
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

  it('proposes with an Idempotency-Key, lists, accepts and finds the case by its old reference', async () => {
    const sending = await createConsulate(direct, 'MX', 'EMA');
    const receiving = await createConsulate(direct, 'MX', 'EMB');
    const officer = await createUser(direct, [{ role: 'officer', consulateId: sending }]);
    const consul = await createUser(direct, [{ role: 'consul', consulateId: receiving }]);
    const asOfficer = `Bearer ${(await signIn(app, officer.email)).accessToken}`;
    const asConsul = `Bearer ${(await signIn(app, consul.email)).accessToken}`;
    const http = () => request(app.getHttpServer());
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', asOfficer)
      .send({
        consulateId: sending,
        primaryCategory: 'health',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Rosa',
              familyNames: 'Embebida',
              sex: 'female',
              nationalityCode: 'MX',
            },
          },
        ],
      });
    expect(created.status).toBe(201);
    const propose = () =>
      http()
        .post(`/api/v1/cases/${created.body.id}/transfers`)
        .set('Authorization', asOfficer)
        .set('Idempotency-Key', 'embedded-transfer')
        .send({ toConsulateId: receiving, reason: 'The hospital is in the other jurisdiction' });
    const proposed = await propose();
    expect(proposed.status).toBe(201);
    expect(proposed.body.fromConsulateName).toBe('Consulate EMA');
    const replayed = await propose();
    expect([replayed.status, replayed.body.id]).toEqual([201, proposed.body.id]);

    const incoming = await http()
      .get('/api/v1/transfers')
      .query({ direction: 'incoming' })
      .set('Authorization', asConsul);
    expect(incoming.body.items.map((t: { id: string }) => t.id)).toEqual([proposed.body.id]);
    const accepted = await http()
      .post(`/api/v1/transfers/${proposed.body.id}/accept`)
      .set('Authorization', asConsul)
      .send({ assignedOfficerId: consul.id });
    expect(accepted.status).toBe(200);
    const found = await http()
      .get('/api/v1/cases')
      .query({ reference: created.body.reference })
      .set('Authorization', asConsul);
    expect(found.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, reference: accepted.body.newReference }),
    ]);
  });
});
