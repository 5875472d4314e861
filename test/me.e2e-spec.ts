import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

describe('Your own account (/me)', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let consulateId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    consulateId = await createConsulate(stack, 'MX');
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  async function signedInOfficer() {
    const user = await createUser(stack, [{ role: 'officer', consulateId }]);
    return { ...user, ...(await signIn(app, user.email)) };
  }

  const patchMe = (token: string, body: object) =>
    http().patch('/api/v1/me').set('Authorization', `Bearer ${token}`).send(body);

  it('remembers the language you pick, for this and your next sessions, and records the change', async () => {
    const user = await signedInOfficer();
    const res = await patchMe(user.accessToken, { locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, email: user.email, locale: 'en' });

    const again = await signIn(app, user.email);
    const me = await http().get('/api/v1/me').set('Authorization', `Bearer ${again.accessToken}`);
    expect(me.body.locale).toBe('en');

    const events = await stack.query(
      `SELECT actor_user_id, resource_id, outcome, details FROM audit_events
        WHERE action = 'account.locale.change' AND request_id = $1`,
      [res.headers['x-request-id']],
    );
    expect(events).toEqual([
      {
        actor_user_id: user.id,
        resource_id: user.id,
        outcome: 'success',
        details: { from: 'es', to: 'en' },
      },
    ]);
  });

  it('changes only your own account, whatever else the body says', async () => {
    const user = await signedInOfficer();
    const other = await signedInOfficer();
    const res = await patchMe(user.accessToken, { locale: 'en', id: other.id });
    expect(res.status).toBe(400);
    const [row] = await stack.query<{ locale: string }>('SELECT locale FROM users WHERE id = $1', [
      other.id,
    ]);
    expect(row.locale).toBe('es');
  });

  it('refuses a language the registry does not speak', async () => {
    const user = await signedInOfficer();
    const res = await patchMe(user.accessToken, { locale: 'fr' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'locale' })]);
  });

  it('needs a signed-in caller', async () => {
    const res = await http().patch('/api/v1/me').send({ locale: 'en' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
