import { NestExpressApplication } from '@nestjs/platform-express';
import { Algorithm, hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { TEST_PASSWORD, createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

const CURRENT_ARGON2_PREFIX = '$argon2id$v=19$m=19456,t=2,p=1$';
const NEW_PASSWORD = 'quiet meadow lantern seven';

type Body = Record<string, unknown>;

const unknownEmail = () => `nobody-${randomUUID()}@amparo.test`;
const wrongPassword = () => `wrong-${randomUUID()}`;
const withoutIds = (body: Body) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'requestId' && k !== 'instance'));

function httpOf(app: () => NestExpressApplication) {
  const http = () => request(app().getHttpServer());
  return {
    login: (email: string, password: string) =>
      http().post('/api/v1/auth/login').send({ email, password }),
    me: (token: string) => http().get('/api/v1/me').set('Authorization', `Bearer ${token}`),
    refresh: (refreshToken: string) => http().post('/api/v1/auth/refresh').send({ refreshToken }),
    activate: (token: string, password: string) =>
      http().post('/api/v1/auth/activate').send({ token, password }),
    as: (token: string) => ({
      post: (path: string) => http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
      put: (path: string) => http().put(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    }),
  };
}

function expectRetryAfter(res: request.Response) {
  expect(res.status).toBe(429);
  expect(res.body.code).toBe('TOO_MANY_ATTEMPTS');
  expect(res.headers['retry-after']).toMatch(/^\d+$/);
  const seconds = Number(res.headers['retry-after']);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(900);
}

describe('Signing in and sessions', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let consulateId: string;
  let otherConsulateId: string;
  let adminToken: string;
  const api = httpOf(() => app);
  const asAdmin = () => api.as(adminToken);

  beforeAll(async () => {
    // Lockout has its own stacks below; here failures must not lock the accounts under test.
    stack = await createTestStack({
      AUTH_MAX_FAILURES_PER_ACCOUNT: '20',
      AUTH_MAX_FAILURES_PER_IP: '1000',
    });
    app = await createTestApi(stack.config);
    consulateId = await createConsulate(stack, 'MX');
    otherConsulateId = await createConsulate(stack, 'MX');
    const admin = await createUser(stack, [{ role: 'admin', countryCode: 'MX' }]);
    adminToken = (await signIn(app, admin.email)).accessToken;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const officer = () =>
    createUser(stack, [{ role: 'officer', consulateId }], { countryCode: 'MX' });

  async function signedInOfficer() {
    const user = await officer();
    const res = await api.login(user.email, TEST_PASSWORD);
    expect(res.status).toBe(200);
    return { ...user, accessToken: res.body.accessToken, refreshToken: res.body.refreshToken };
  }

  async function createThroughApi(): Promise<{ id: string; email: string; token: string }> {
    const email = `new-${randomUUID()}@amparo.test`;
    const res = await asAdmin()
      .post('/users')
      .send({ email, displayName: 'Nueva Oficial', grants: [{ role: 'officer', consulateId }] });
    expect(res.status).toBe(201);
    return { id: res.body.user.id, email, token: res.body.activationToken };
  }

  async function expectSessionDead(tokens: { accessToken: string; refreshToken: string }) {
    const me = await api.me(tokens.accessToken);
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('UNAUTHENTICATED');
    const refreshed = await api.refresh(tokens.refreshToken);
    expect(refreshed.status).toBe(401);
    expect(refreshed.body.code).toBe('INVALID_REFRESH_TOKEN');
  }

  describe('login', () => {
    it('gives an officer short-lived tokens that open /me without a second factor', async () => {
      const user = await officer();
      const res = await api.login(user.email, TEST_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: expect.any(Number),
      });
      expect(res.body.expiresIn).toBeGreaterThan(0);
      expect(res.body.expiresIn).toBeLessThanOrEqual(900);

      const me = await api.me(res.body.accessToken);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        id: user.id,
        email: user.email,
        countryCode: 'MX',
        mfaEnabled: false,
        grants: [{ role: 'officer', consulateId, countryCode: 'MX' }],
      });
    });

    it('answers unknown email, wrong password, disabled and never-activated accounts alike', async () => {
      const active = await officer();
      const disabled = await officer();
      const disabling = await asAdmin().post(`/users/${disabled.id}/disable`);
      expect(disabling.status).toBe(200);
      const pending = await createThroughApi();

      const responses = [
        await api.login(unknownEmail(), TEST_PASSWORD),
        await api.login(active.email, wrongPassword()),
        await api.login(disabled.email, TEST_PASSWORD),
        await api.login(pending.email, TEST_PASSWORD),
      ];

      for (const res of responses) {
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      const [first, ...others] = responses.map((r) => withoutIds(r.body));
      expect(first).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        status: 401,
        title: expect.any(String),
        detail: expect.any(String),
      });
      for (const other of others) expect(other).toEqual(first);
    });

    it('takes about as long to refuse an unknown email as a wrong password', async () => {
      const user = await officer();
      const timed = async (email: string) => {
        const start = performance.now();
        const res = await api.login(email, wrongPassword());
        expect(res.status).toBe(401);
        return performance.now() - start;
      };
      await timed(unknownEmail());
      await timed(user.email);
      const unknown: number[] = [];
      const wrong: number[] = [];
      for (let i = 0; i < 5; i++) {
        unknown.push(await timed(unknownEmail()));
        wrong.push(await timed(user.email));
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const ratio = mean(unknown) / mean(wrong);
      expect({
        unknownEmailMeanMs: Math.round(mean(unknown)),
        wrongPasswordMeanMs: Math.round(mean(wrong)),
        withinFactorOf3: ratio < 3 && ratio > 1 / 3,
      }).toEqual(expect.objectContaining({ withinFactorOf3: true }));
    });

    it('refuses a malformed login body with field errors instead of a failed sign-in', async () => {
      const user = await officer();
      const missing = await request(app.getHttpServer())
        .post('/api/v1/auth/login')
        .send({ email: user.email });
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('VALIDATION_FAILED');
      expect(missing.body.errors.length).toBeGreaterThan(0);
      expect(new Set(missing.body.errors.map((e: { field: string }) => e.field))).toEqual(
        new Set(['password']),
      );

      const extra = await request(app.getHttpServer())
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD, remember: true });
      expect(extra.status).toBe(400);
      expect(extra.body.code).toBe('VALIDATION_FAILED');
      expect(extra.body.errors).toEqual([
        expect.objectContaining({ field: 'remember', code: 'UNKNOWN_FIELD' }),
      ]);
      const audited = await stack.query(
        `SELECT seq FROM audit_events WHERE action = 'auth.login' AND request_id = ANY($1)`,
        [[missing.headers['x-request-id'], extra.headers['x-request-id']]],
      );
      expect(audited).toEqual([]);
    });
  });

  describe('refresh', () => {
    it('rotates the pair: a new refresh token and a working new access token', async () => {
      const user = await signedInOfficer();
      const res = await api.refresh(user.refreshToken);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: expect.any(Number),
      });
      expect(res.body.refreshToken).not.toBe(user.refreshToken);
      expect(res.body.accessToken).not.toBe(user.accessToken);
      const me = await api.me(res.body.accessToken);
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);
    });

    it('revokes the whole session when a used refresh token is presented again', async () => {
      const user = await signedInOfficer();
      const rotated = await api.refresh(user.refreshToken);
      expect(rotated.status).toBe(200);

      const replay = await api.refresh(user.refreshToken);
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('INVALID_REFRESH_TOKEN');

      await expectSessionDead(rotated.body);
      expect((await api.me(user.accessToken)).status).toBe(401);

      const audit = await stack.query<{ outcome: string }>(
        `SELECT outcome FROM audit_events WHERE action = 'auth.refresh_reuse' AND resource_id = $1`,
        [user.id],
      );
      expect(audit.length).toBeGreaterThanOrEqual(1);
      expect(audit.every((row) => row.outcome === 'denied')).toBe(true);
    });

    it('lets at most one of two concurrent refreshes of one token succeed', async () => {
      for (let round = 0; round < 5; round++) {
        const user = await signedInOfficer();
        const results = await Promise.all([
          api.refresh(user.refreshToken),
          api.refresh(user.refreshToken),
        ]);
        const succeeded = results.filter((r) => r.status === 200);
        expect(succeeded.length).toBeLessThanOrEqual(1);
        for (const res of results.filter((r) => r.status !== 200)) {
          expect(res.status).toBe(401);
          expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
        }
      }
    });

    it('refuses a refresh token that was never issued', async () => {
      const res = await api.refresh(`${randomUUID()}.not-a-real-secret`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
    });
  });

  describe('logout', () => {
    it('ends the session: its access and refresh tokens stop working at once', async () => {
      const user = await signedInOfficer();
      const res = await api.as(user.accessToken).post('/auth/logout');
      expect(res.status).toBe(204);
      await expectSessionDead(user);
    });
  });

  describe('activation and password reset', () => {
    it('lets a new user set an acceptable password once with the activation token', async () => {
      const created = await createThroughApi();
      expect(created.token).toEqual(expect.any(String));

      const short = await api.activate(created.token, 'short pw');
      expect(short.status).toBe(400);
      expect(short.body.code).toBe('WEAK_PASSWORD');
      expect(short.body.errors).toEqual([
        expect.objectContaining({ field: 'password', code: 'TOO_SHORT' }),
      ]);

      const common = await api.activate(created.token, 'password1234');
      expect(common.status).toBe(400);
      expect(common.body.code).toBe('WEAK_PASSWORD');
      expect(common.body.errors).toEqual([
        expect.objectContaining({ field: 'password', code: 'COMMON_PASSWORD' }),
      ]);

      expect((await api.login(created.email, NEW_PASSWORD)).status).toBe(401);

      const good = await api.activate(created.token, NEW_PASSWORD);
      expect(good.status).toBe(204);

      const again = await api.activate(created.token, `${NEW_PASSWORD} again`);
      expect(again.status).toBe(400);
      expect(again.body.code).toBe('INVALID_ACTIVATION_TOKEN');

      const login = await api.login(created.email, NEW_PASSWORD);
      expect(login.status).toBe(200);
      const me = await api.me(login.body.accessToken);
      expect(me.body.id).toBe(created.id);
    });

    it('refuses an activation token that was never issued', async () => {
      const res = await api.activate('made-up-token', NEW_PASSWORD);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_ACTIVATION_TOKEN');
    });

    it("ends a user's sessions and old password when an admin resets it", async () => {
      const user = await signedInOfficer();
      const reset = await asAdmin().post(`/users/${user.id}/password-reset`);
      expect(reset.status).toBe(200);
      expect(reset.body.activationToken).toEqual(expect.any(String));

      await expectSessionDead(user);
      const oldPassword = await api.login(user.email, TEST_PASSWORD);
      expect(oldPassword.status).toBe(401);
      expect(oldPassword.body.code).toBe('INVALID_CREDENTIALS');

      expect((await api.activate(reset.body.activationToken, NEW_PASSWORD)).status).toBe(204);
      const login = await api.login(user.email, NEW_PASSWORD);
      expect(login.status).toBe(200);
      expect((await api.me(login.body.accessToken)).status).toBe(200);
    });
  });

  describe('password change', () => {
    it('needs the current password, then replaces the session with a new one', async () => {
      const user = await signedInOfficer();
      const changePassword = (currentPassword: string, newPassword: string) =>
        api.as(user.accessToken).post('/auth/password').send({ currentPassword, newPassword });

      const wrong = await changePassword(wrongPassword(), NEW_PASSWORD);
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('WRONG_CURRENT_PASSWORD');
      expect(wrong.body.errors).toEqual([
        expect.objectContaining({ field: 'currentPassword', code: 'WRONG_CURRENT_PASSWORD' }),
      ]);

      const weak = await changePassword(TEST_PASSWORD, 'short pw');
      expect(weak.status).toBe(400);
      expect(weak.body.code).toBe('WEAK_PASSWORD');
      expect(weak.body.errors).toEqual([
        expect.objectContaining({ field: 'newPassword', code: 'TOO_SHORT' }),
      ]);
      expect((await api.me(user.accessToken)).status).toBe(200);

      const changed = await changePassword(TEST_PASSWORD, NEW_PASSWORD);
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
      });

      await expectSessionDead(user);
      const me = await api.me(changed.body.accessToken);
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);
      expect((await api.refresh(changed.body.refreshToken)).status).toBe(200);

      expect((await api.login(user.email, TEST_PASSWORD)).status).toBe(401);
      expect((await api.login(user.email, NEW_PASSWORD)).status).toBe(200);
    });
  });

  describe('account changes by an admin', () => {
    it("kills a user's live tokens when they are disabled, and enabling lets them back in", async () => {
      const user = await signedInOfficer();
      expect((await api.me(user.accessToken)).status).toBe(200);

      const disabled = await asAdmin().post(`/users/${user.id}/disable`);
      expect(disabled.status).toBe(200);
      expect(disabled.body.status).toBe('disabled');
      await expectSessionDead(user);
      expect((await api.login(user.email, TEST_PASSWORD)).status).toBe(401);

      const enabled = await asAdmin().post(`/users/${user.id}/enable`);
      expect(enabled.status).toBe(200);
      expect(enabled.body.status).toBe('active');
      expect((await api.me(user.accessToken)).status).toBe(401);
      const login = await api.login(user.email, TEST_PASSWORD);
      expect(login.status).toBe(200);
      expect((await api.me(login.body.accessToken)).status).toBe(200);
    });

    it("kills a user's live tokens when their grants change", async () => {
      const user = await signedInOfficer();
      const changed = await asAdmin()
        .put(`/users/${user.id}/grants`)
        .send({ grants: [{ role: 'officer', consulateId: otherConsulateId }] });
      expect(changed.status).toBe(200);
      await expectSessionDead(user);

      const login = await api.login(user.email, TEST_PASSWORD);
      expect(login.status).toBe(200);
      const me = await api.me(login.body.accessToken);
      expect(me.body.grants).toEqual([
        { role: 'officer', consulateId: otherConsulateId, countryCode: 'MX', organisationId: null },
      ]);
    });
  });

  describe('password storage', () => {
    it('rehashes a password stored with older argon2 parameters at the next sign-in', async () => {
      const user = await officer();
      const legacy = await hash(TEST_PASSWORD, {
        algorithm: Algorithm.Argon2id,
        memoryCost: 8192,
        timeCost: 1,
        parallelism: 1,
      });
      expect(legacy.startsWith(CURRENT_ARGON2_PREFIX)).toBe(false);
      await stack.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, legacy]);

      expect((await api.login(user.email, TEST_PASSWORD)).status).toBe(200);

      const [row] = await stack.query<{ password_hash: string }>(
        'SELECT password_hash FROM users WHERE id = $1',
        [user.id],
      );
      expect(row.password_hash.startsWith(CURRENT_ARGON2_PREFIX)).toBe(true);
      expect(row.password_hash).not.toBe(legacy);
      expect((await api.login(user.email, TEST_PASSWORD)).status).toBe(200);
      expect((await api.login(user.email, wrongPassword())).status).toBe(401);
    });
  });

  describe('audit', () => {
    it('records sign-in successes and failures without the email or the password', async () => {
      const user = await officer();
      const stranger = unknownEmail();
      const badPassword = wrongPassword();
      const success = await api.login(user.email, TEST_PASSWORD);
      const failure = await api.login(user.email, badPassword);
      const unknown = await api.login(stranger, badPassword);
      expect([success.status, failure.status, unknown.status]).toEqual([200, 401, 401]);

      const rowOf = async (res: request.Response) => {
        const rows = await stack.query<Body>(
          `SELECT actor_user_id, resource_id, outcome FROM audit_events
            WHERE action = 'auth.login' AND request_id = $1`,
          [res.headers['x-request-id']],
        );
        expect(rows).toHaveLength(1);
        return rows[0];
      };
      expect(await rowOf(success)).toEqual({
        actor_user_id: user.id,
        resource_id: user.id,
        outcome: 'success',
      });
      expect(await rowOf(failure)).toEqual({
        actor_user_id: null,
        resource_id: user.id,
        outcome: 'failure',
      });
      expect(await rowOf(unknown)).toEqual({
        actor_user_id: null,
        resource_id: null,
        outcome: 'failure',
      });

      const rowsContaining = async (secret: string) =>
        stack.query(
          `SELECT seq FROM audit_events a WHERE strpos(lower(row_to_json(a)::text), lower($1)) > 0`,
          [secret],
        );
      for (const secret of [user.email, stranger, TEST_PASSWORD, badPassword, NEW_PASSWORD])
        expect({ secret, rows: await rowsContaining(secret) }).toEqual({ secret, rows: [] });

      const anyEmail = await stack.query(
        `SELECT a.seq, u.email FROM audit_events a
           JOIN users u ON strpos(lower(row_to_json(a)::text), lower(u.email::text)) > 0`,
      );
      expect(anyEmail).toEqual([]);
    });
  });
});

describe('Sign-in lockout per account', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let consulateId: string;
  const api = httpOf(() => app);

  beforeAll(async () => {
    stack = await createTestStack({ AUTH_MAX_FAILURES_PER_ACCOUNT: '3' });
    app = await createTestApi(stack.config);
    consulateId = await createConsulate(stack, 'MX');
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it('locks an account after three wrong passwords, even against the right one', async () => {
    const user = await createUser(stack, [{ role: 'officer', consulateId }]);
    for (let i = 0; i < 3; i++)
      expect((await api.login(user.email, wrongPassword())).status).toBe(401);
    expectRetryAfter(await api.login(user.email, TEST_PASSWORD));

    const neighbour = await createUser(stack, [{ role: 'officer', consulateId }]);
    expect((await api.login(neighbour.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('locks an unknown email the same way, so lockout does not reveal accounts', async () => {
    const known = await createUser(stack, [{ role: 'officer', consulateId }]);
    const stranger = unknownEmail();
    for (let i = 0; i < 3; i++) {
      expect((await api.login(known.email, wrongPassword())).status).toBe(401);
      expect((await api.login(stranger, wrongPassword())).status).toBe(401);
    }
    const lockedKnown = await api.login(known.email, wrongPassword());
    const lockedUnknown = await api.login(stranger, wrongPassword());
    expectRetryAfter(lockedKnown);
    expectRetryAfter(lockedUnknown);
    const shape = ({ body }: request.Response) => ({
      type: body.type,
      code: body.code,
      title: body.title,
      status: body.status,
    });
    expect(shape(lockedUnknown)).toEqual(shape(lockedKnown));
  });
});

describe('Sign-in lockout per IP address', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let consulateId: string;
  const api = httpOf(() => app);

  beforeAll(async () => {
    stack = await createTestStack({ AUTH_MAX_FAILURES_PER_IP: '5' });
    app = await createTestApi(stack.config);
    consulateId = await createConsulate(stack, 'MX');
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it('locks the address after five failures spread over different emails', async () => {
    const users = await Promise.all(
      [0, 1].map(() => createUser(stack, [{ role: 'officer', consulateId }])),
    );
    const attempts = [
      users[0].email,
      users[1].email,
      unknownEmail(),
      unknownEmail(),
      unknownEmail(),
    ];
    for (const email of attempts)
      expect((await api.login(email, wrongPassword())).status).toBe(401);

    const fresh = await createUser(stack, [{ role: 'officer', consulateId }]);
    expectRetryAfter(await api.login(fresh.email, TEST_PASSWORD));
    expectRetryAfter(await api.login(unknownEmail(), wrongPassword()));
  });
});
