import { NestExpressApplication } from '@nestjs/platform-express';
import { testConfig } from '@amparo/testing';
import request from 'supertest';
import { eventually } from './utils/eventually';
import { DataSource } from 'typeorm';
import {
  BOOTSTRAP_ADMIN,
  BOOTSTRAP_ENV,
  createConsulate,
  createUser,
  signIn,
} from './utils/identity';
import { createTestApi } from './utils/test-app';

// The newcomer's default: no DATABASE_URL (PGlite, migrated at start) and no REDIS_URL (in-process jobs).
describe('Embedded default (PGlite + in-process jobs)', () => {
  let app: NestExpressApplication;
  let token: string;

  beforeAll(async () => {
    app = await createTestApi(testConfig({ EMBEDDED_DATA_DIR: 'memory://', ...BOOTSTRAP_ENV }));
    token = (await signIn(app, BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password)).accessToken;
  }, 120_000);

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
      .set('Authorization', `Bearer ${token}`)
      .send({ delayMs: 200 });
    expect(created.status).toBe(202);
    const done = await eventually(async () => {
      const res = await request(app.getHttpServer())
        .get(`/api/v1/system/pings/${created.body.id}`)
        .set('Authorization', `Bearer ${token}`);
      return res.body.status === 'completed' ? res.body : undefined;
    });
    expect(done.handledBy).toMatch(/:\d+$/);
  });

  it('registers a case and finds its person by a misspelt name (the name-word key index)', async () => {
    const database = app.get(DataSource);
    const direct = {
      query: <R>(sql: string, params?: unknown[]) => database.query<R[]>(sql, params),
    };
    const consulateId = await createConsulate(direct, 'MX');
    const officer = await createUser(direct, [{ role: 'officer', consulateId }]);
    const officerToken = (await signIn(app, officer.email)).accessToken;
    const created = await request(app.getHttpServer())
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${officerToken}`)
      .send({
        consulateId,
        primaryCategory: 'immigration_detention',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'José',
              familyNames: 'Hernández López',
              dateOfBirth: '1990-04-12',
              sex: 'male',
              nationalityCode: 'MX',
            },
          },
        ],
      });
    expect(created.status).toBe(201);
    const found = await request(app.getHttpServer())
      .get('/api/v1/persons')
      .query({ q: 'jose hernadez' })
      .set('Authorization', `Bearer ${officerToken}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([
      created.body.persons[0].person.id,
    ]);
  });

  it('offers a person with an estimated age as a possible duplicate (the GiST index of birth years and names)', async () => {
    const database = app.get(DataSource);
    const direct = {
      query: <R>(sql: string, params?: unknown[]) => database.query<R[]>(sql, params),
    };
    const consulateId = await createConsulate(direct, 'GT');
    const officer = await createUser(direct, [{ role: 'officer', consulateId }]);
    const officerToken = (await signIn(app, officer.email)).accessToken;
    const register = (givenNames: string, estimatedAge: number) =>
      request(app.getHttpServer())
        .post('/api/v1/cases')
        .set('Authorization', `Bearer ${officerToken}`)
        .send({
          consulateId,
          primaryCategory: 'immigration_detention',
          persons: [
            {
              role: 'primary',
              person: {
                givenNames,
                familyNames: 'Xocoy Batz',
                estimatedAge,
                sex: 'female',
                nationalityCode: 'GT',
              },
            },
          ],
        });
    const first = await register('Rosalía', 34);
    expect(first.status).toBe(201);
    const second = await register('Rosalia', 36);
    expect(second.status).toBe(201);
    expect(second.body.possibleDuplicates).toEqual([
      expect.objectContaining({
        personId: first.body.persons[0].person.id,
        matchedOn: ['name', 'age_band'],
      }),
    ]);
    // 38: in the band of the second (36), not of the first (34): a similar name alone is no duplicate.
    const third = await register('Rosalia', 38);
    expect(third.status).toBe(201);
    expect(third.body.possibleDuplicates).toEqual([
      expect.objectContaining({ personId: second.body.persons[0].person.id }),
    ]);
  });
});
