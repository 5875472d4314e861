import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { assessBestInterests } from './utils/best-interest';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

describe('Cases: the basic path', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  let officer: string;

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX', 'LAX');
    const user = await createUser(stack, [{ role: 'officer', consulateId: post }]);
    officer = (await signIn(app, user.email)).accessToken;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const http = () => request(app.getHttpServer());
  const newCase = () => ({
    consulateId: post,
    primaryCategory: 'immigration_detention',
    vulnerabilityFlags: ['detained'],
    summary: 'Detained at a processing centre; requests consular visit.',
    persons: [
      {
        role: 'primary',
        person: {
          givenNames: 'José',
          familyNames: 'Hernández López',
          dateOfBirth: '1990-04-12',
          sex: 'male',
          nationalityCode: 'MX',
          documents: [{ type: 'passport', number: 'G1234567', issuingCountryCode: 'MX' }],
        },
      },
    ],
  });

  it('registers a case with a reference of its post and year, and reads it back with an ETag', async () => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${officer}`)
      .send(newCase());
    expect(created.status).toBe(201);
    const year = new Date().getUTCFullYear();
    expect(created.body.reference).toMatch(new RegExp(`^MX-LAX-${year}-\\d{6}$`));
    expect(created.headers.etag).toBe('"v1"');
    expect(created.body.persons[0].person.givenNames).toBe('José');
    const read = await http()
      .get(`/api/v1/cases/${created.body.id}`)
      .set('Authorization', `Bearer ${officer}`);
    expect(read.status).toBe(200);
    expect(read.body.reference).toBe(created.body.reference);
  });

  it('moves a case to in_progress with If-Match and refuses a stale ETag', async () => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${officer}`)
      .send(newCase());
    const moved = await http()
      .post(`/api/v1/cases/${created.body.id}/transitions`)
      .set('Authorization', `Bearer ${officer}`)
      .set('If-Match', created.headers.etag)
      .send({ to: 'in_progress' });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('in_progress');
    const stale = await http()
      .patch(`/api/v1/cases/${created.body.id}`)
      .set('Authorization', `Bearer ${officer}`)
      .set('If-Match', created.headers.etag)
      .send({ riskLevel: 'high' });
    expect(stale.status).toBe(412);
    const missing = await http()
      .patch(`/api/v1/cases/${created.body.id}`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ riskLevel: 'high' });
    expect(missing.status).toBe(428);
  });

  it('finds the person by a misspelt name in another word order, and by document', async () => {
    const byName = await http()
      .get('/api/v1/persons')
      .query({ q: 'hernadez jose' })
      .set('Authorization', `Bearer ${officer}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((p: { givenNames: string }) => p.givenNames)).toContain('José');
    const byDocument = await http()
      .get('/api/v1/persons')
      .query({ q: 'g-1234567' })
      .set('Authorization', `Bearer ${officer}`);
    expect(byDocument.body.items.length).toBeGreaterThan(0);
  });

  it('records actions and lists them', async () => {
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${officer}`)
      .send(newCase());
    const action = await http()
      .post(`/api/v1/cases/${created.body.id}/actions`)
      .set('Authorization', `Bearer ${officer}`)
      .send({
        type: 'consular_visit',
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        placeType: 'detention_centre',
      });
    expect(action.status).toBe(201);
    const list = await http()
      .get(`/api/v1/cases/${created.body.id}/actions`)
      .set('Authorization', `Bearer ${officer}`);
    expect(list.body.items).toHaveLength(1);
  });

  it('flags a possible duplicate person and replays an idempotent create', async () => {
    const again = await http()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${officer}`)
      .set('Idempotency-Key', 'case-create-0001')
      .send(newCase());
    expect(again.status).toBe(201);
    expect(again.body.possibleDuplicates.length).toBeGreaterThan(0);
    const replay = await http()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${officer}`)
      .set('Idempotency-Key', 'case-create-0001')
      .send(newCase());
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(again.body.id);
  });

  it('keeps the requested closure reason when the consul approves without giving another', async () => {
    const consul = await createUser(stack, [{ role: 'consul', consulateId: post }]);
    const consulToken = (await signIn(app, consul.email)).accessToken;
    const created = await http()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${officer}`)
      .send({ ...newCase(), vulnerabilityFlags: ['unaccompanied_child'] });
    await assessBestInterests(stack, created.body.id);
    const requested = await http()
      .post(`/api/v1/cases/${created.body.id}/transitions`)
      .set('Authorization', `Bearer ${officer}`)
      .set('If-Match', created.headers.etag)
      .send({ to: 'closure_requested', closureReason: 'returned_to_country' });
    expect(requested.status).toBe(200);
    const approved = await http()
      .post(`/api/v1/cases/${created.body.id}/transitions`)
      .set('Authorization', `Bearer ${consulToken}`)
      .set('If-Match', requested.headers.etag)
      .send({ to: 'closed' });
    expect(approved.status).toBe(200);
    expect(approved.body.closureReason).toBe('returned_to_country');
  });
});
