import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { TEST_PASSWORD, createConsulate, createUser, nextCode } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Body = Record<string, unknown>;

const SESSION_LIFETIME_SECONDS = 7200;

/** The amparo_refresh Set-Cookie line of a response, or undefined. */
function refreshCookieLine(res: request.Response): string | undefined {
  const lines = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  return lines.find((line) => line.startsWith('amparo_refresh='));
}

function refreshCookieValue(res: request.Response): string | undefined {
  return /^amparo_refresh=([^;]*)/.exec(refreshCookieLine(res) ?? '')?.[1];
}

const attributesOf = (line: string) =>
  line
    .split(';')
    .slice(1)
    .map((part) => part.trim());

const withoutIds = (body: Body) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'requestId' && k !== 'instance'));

describe('The refresh token as an httpOnly cookie', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let consulateId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    stack = await createTestStack({
      HTTP_TRUST_PROXY: 'true',
      AUTH_SESSION_LIFETIME_SECONDS: String(SESSION_LIFETIME_SECONDS),
    });
    app = await createTestApi(stack.config);
    consulateId = await createConsulate(stack, 'MX');
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  async function signedInOfficer() {
    const user = await createUser(stack, [{ role: 'officer', consulateId }], {
      countryCode: 'MX',
    });
    const res = await http().post('/api/v1/auth/login').send({
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(200);
    return {
      ...user,
      accessToken: res.body.accessToken as string,
      cookie: refreshCookieValue(res)!,
    };
  }

  /** A browser's refresh: a JSON request of the page's own origin, the token only in the cookie. */
  const refreshByCookie = (cookie: string) =>
    http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', `amparo_refresh=${cookie}`)
      .set('Sec-Fetch-Site', 'same-origin')
      .send({});

  describe('issuing', () => {
    it('sets the refresh token of a sign-in as an HttpOnly, SameSite=Strict cookie scoped to the auth routes', async () => {
      const user = await createUser(stack, [{ role: 'officer', consulateId }]);
      const res = await http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      const line = refreshCookieLine(res)!;
      expect(refreshCookieValue(res)).toBe(res.body.refreshToken);
      expect(attributesOf(line)).toEqual(
        expect.arrayContaining([
          'Path=/api/v1/auth',
          `Max-Age=${SESSION_LIFETIME_SECONDS}`,
          'HttpOnly',
          'SameSite=Strict',
        ]),
      );
      // Plain HTTP: a Secure cookie would never come back.
      expect(attributesOf(line)).not.toContain('Secure');
      // The JSON body is the public contract of API clients: unchanged.
      expect(Object.keys(res.body).sort()).toEqual([
        'accessToken',
        'expiresIn',
        'refreshToken',
        'tokenType',
      ]);
    });

    it('marks the cookie Secure when the request came over HTTPS through the trusted proxy', async () => {
      const user = await createUser(stack, [{ role: 'officer', consulateId }]);
      const res = await http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(attributesOf(refreshCookieLine(res)!)).toContain('Secure');
    });

    it('sets no cookie while the sign-in waits for the second factor, and sets it when MFA enrolment and verification finish', async () => {
      const user = await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]);
      const login = await http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(login.body.challengeType).toBe('mfa_enrol');
      expect(refreshCookieLine(login)).toBeUndefined();

      const challengeToken = login.body.challengeToken as string;
      const enrol = await http().post('/api/v1/auth/mfa/enrol').send({ challengeToken });
      const secret = enrol.body.secret as string;
      const confirm = await http()
        .post('/api/v1/auth/mfa/confirm')
        .send({ challengeToken, code: await nextCode(secret) });
      expect(confirm.status).toBe(200);
      expect(refreshCookieValue(confirm)).toBe(confirm.body.refreshToken);

      const again = await http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(again.body.challengeType).toBe('mfa_verify');
      const verify = await http()
        .post('/api/v1/auth/mfa/verify')
        .send({ challengeToken: again.body.challengeToken, code: await nextCode(secret) });
      expect(verify.status).toBe(200);
      expect(refreshCookieValue(verify)).toBe(verify.body.refreshToken);
    });

    it('gives the new session of a password change its cookie', async () => {
      const user = await signedInOfficer();
      const res = await http()
        .post('/api/v1/auth/password')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'quiet meadow lantern seven' });
      expect(res.status).toBe(200);
      expect(refreshCookieValue(res)).toBe(res.body.refreshToken);
    });
  });

  describe('refresh', () => {
    it('takes the token from the cookie when the body has none, and rotates the cookie', async () => {
      const user = await signedInOfficer();
      const res = await refreshByCookie(user.cookie);
      expect(res.status).toBe(200);
      const rotated = refreshCookieValue(res);
      expect(rotated).toBe(res.body.refreshToken);
      expect(rotated).not.toBe(user.cookie);
      const me = await http()
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);
      expect((await refreshByCookie(rotated!)).status).toBe(200);
    });

    it('revokes the whole session when an old cookie is presented again', async () => {
      const user = await signedInOfficer();
      const first = await refreshByCookie(user.cookie);
      const current = refreshCookieValue(first)!;

      const replay = await refreshByCookie(user.cookie);
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('INVALID_REFRESH_TOKEN');

      expect((await refreshByCookie(current)).status).toBe(401);
      const me = await http()
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${first.body.accessToken}`);
      expect(me.status).toBe(401);
      const reuse = await stack.query(
        `SELECT resource_id FROM audit_events
          WHERE action = 'auth.refresh_reuse' AND request_id = $1`,
        [replay.headers['x-request-id']],
      );
      expect(reuse).toEqual([{ resource_id: user.id }]);
    });

    it('prefers the token of the body over the cookie (an API client means the one it sends)', async () => {
      const user = await signedInOfficer();
      const other = await signedInOfficer();
      const res = await http()
        .post('/api/v1/auth/refresh')
        .set('Cookie', `amparo_refresh=${user.cookie}`)
        .send({ refreshToken: other.cookie });
      expect(res.status).toBe(200);
      const me = await http()
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(me.body.id).toBe(other.id);
      // The cookie's token was not used: it still works once.
      expect((await refreshByCookie(user.cookie)).status).toBe(200);
    });

    it('answers a request with neither a body token nor a cookie with the same 401 problem as a bad token', async () => {
      const bad = await http()
        .post('/api/v1/auth/refresh')
        .set('Accept-Language', 'en')
        .send({ refreshToken: 'not-a-token' });
      const none = await http().post('/api/v1/auth/refresh').set('Accept-Language', 'en').send({});
      expect(none.status).toBe(401);
      expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(withoutIds(none.body)).toEqual(withoutIds(bad.body));
      expect(none.body.code).toBe('INVALID_REFRESH_TOKEN');
    });

    it('ignores the cookie on a request from another site, even a sibling subdomain', async () => {
      const user = await signedInOfficer();
      const res = await http()
        .post('/api/v1/auth/refresh')
        .set('Cookie', `amparo_refresh=${user.cookie}`)
        .set('Sec-Fetch-Site', 'same-site')
        .send({});
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
      expect(refreshCookieLine(res)).toBeUndefined();
      // Untouched, so the page's own next refresh still works.
      expect((await refreshByCookie(user.cookie)).status).toBe(200);
    });

    it('ignores the cookie on a request that is not JSON (a cross-site form cannot send JSON)', async () => {
      const user = await signedInOfficer();
      const res = await http()
        .post('/api/v1/auth/refresh')
        .set('Cookie', `amparo_refresh=${user.cookie}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
    });
  });

  describe('logout', () => {
    const expectCleared = (res: request.Response) => {
      const line = refreshCookieLine(res);
      expect(line).toMatch(/^amparo_refresh=;/);
      expect(attributesOf(line!)).toEqual(
        expect.arrayContaining([
          'Path=/api/v1/auth',
          'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
          'HttpOnly',
          'SameSite=Strict',
        ]),
      );
    };

    it('with the bearer token: ends the session and clears the cookie', async () => {
      const user = await signedInOfficer();
      const res = await http()
        .post('/api/v1/auth/logout')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .set('Cookie', `amparo_refresh=${user.cookie}`);
      expect(res.status).toBe(204);
      expectCleared(res);
      expect((await refreshByCookie(user.cookie)).status).toBe(401);
    });

    it('with the cookie alone: ends the session, clears the cookie and records the sign-out', async () => {
      const user = await signedInOfficer();
      const res = await http()
        .post('/api/v1/auth/logout')
        .set('Cookie', `amparo_refresh=${user.cookie}`)
        .set('Content-Type', 'application/json')
        .set('Sec-Fetch-Site', 'same-origin');
      expect(res.status).toBe(204);
      expectCleared(res);
      const me = await http().get('/api/v1/me').set('Authorization', `Bearer ${user.accessToken}`);
      expect(me.status).toBe(401);
      expect((await refreshByCookie(user.cookie)).status).toBe(401);
      const events = await stack.query<Body>(
        `SELECT actor_user_id, outcome FROM audit_events
          WHERE action = 'auth.logout' AND request_id = $1`,
        [res.headers['x-request-id']],
      );
      expect(events).toEqual([{ actor_user_id: user.id, outcome: 'success' }]);
    });

    it('with a cookie that names no session: still signs the browser out', async () => {
      const res = await http()
        .post('/api/v1/auth/logout')
        .set('Cookie', 'amparo_refresh=00000000-0000-4000-8000-000000000000.nothing')
        .set('Content-Type', 'application/json');
      expect(res.status).toBe(204);
      expectCleared(res);
    });

    it('refuses a caller with neither a bearer token nor the cookie, as before', async () => {
      const res = await http().post('/api/v1/auth/logout');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('does not take the cookie of a request from another site', async () => {
      const user = await signedInOfficer();
      const res = await http()
        .post('/api/v1/auth/logout')
        .set('Cookie', `amparo_refresh=${user.cookie}`)
        .set('Content-Type', 'application/json')
        .set('Sec-Fetch-Site', 'cross-site');
      expect(res.status).toBe(401);
      expect((await refreshByCookie(user.cookie)).status).toBe(200);
    });
  });
});
