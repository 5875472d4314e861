import { NestExpressApplication } from '@nestjs/platform-express';
import { testConfig } from '@amparo/testing';
import request from 'supertest';
import {
  BOOTSTRAP_ADMIN,
  BOOTSTRAP_ENV,
  createConsulate,
  createUser,
  signIn,
} from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

const DASHBOARD = '/admin/queues';
const SESSION = '/api/v1/admin/queues/session';
const COOKIE = 'amparo_queue_dashboard';

/** The page, its XHR API and a static file: every kind of request the dashboard serves. */
const DASHBOARD_URLS = [
  DASHBOARD,
  `${DASHBOARD}/api/queues`,
  `${DASHBOARD}/static/favicon-32x32.png`,
];

function expectProblem(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code });
}

describe('Queue dashboard (Bull Board) with jobs on Redis', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let systemAdmin: string;
  let officer: string;
  let admin: string;

  beforeAll(async () => {
    stack = await createTestStack(BOOTSTRAP_ENV);
    app = await createTestApi(stack.config);
    systemAdmin = (await signIn(app, BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password)).accessToken;
    const consulateId = await createConsulate(stack, 'MX');
    const officerUser = await createUser(stack, [{ role: 'officer', consulateId }]);
    officer = (await signIn(app, officerUser.email)).accessToken;
    const adminUser = await createUser(stack, [{ role: 'admin', countryCode: 'MX' }]);
    admin = (await signIn(app, adminUser.email)).accessToken;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const http = () => request(app.getHttpServer());
  const auditEvents = (action: string) =>
    stack.query<{ outcome: string; details: { method?: string; path?: string } }>(
      `SELECT outcome, details FROM audit_events WHERE action = $1 ORDER BY seq`,
      [action],
    );

  it.each(DASHBOARD_URLS)('answers 401 problem details to %s without a token', async (url) => {
    expectProblem(await http().get(url), 401, 'UNAUTHENTICATED');
    expectProblem(
      await http().get(url).set('Authorization', 'Bearer not.a.token'),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await http().get(url).set('Cookie', `${COOKIE}=forged`), 401, 'UNAUTHENTICATED');
  });

  it.each(DASHBOARD_URLS)('answers 403 to %s for officers and country admins', async (url) => {
    for (const token of [officer, admin]) {
      expectProblem(
        await http().get(url).set('Authorization', `Bearer ${token}`),
        403,
        'FORBIDDEN',
      );
    }
    const denied = await auditEvents('queue_dashboard.access');
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect(denied.every((e) => e.outcome === 'denied')).toBe(true);
  });

  it('serves the page, its static files and its API to a system_admin', async () => {
    const page = await http().get(DASHBOARD).set('Authorization', `Bearer ${systemAdmin}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain(`<base href="${DASHBOARD}/"`);
    expect(page.headers['x-powered-by']).toBeUndefined();
    // Helmet's CSP, unrelaxed: the board's scripts load from 'self'.
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");

    const favicon = await http()
      .get(`${DASHBOARD}/static/favicon-32x32.png`)
      .set('Authorization', `Bearer ${systemAdmin}`);
    expect(favicon.status).toBe(200);

    const api = await http()
      .get(`${DASHBOARD}/api/queues`)
      .set('Authorization', `Bearer ${systemAdmin}`);
    expect(api.status).toBe(200);
    expect((api.body.queues as { name: string }[]).map((q) => q.name)).toContain('system');
  });

  it('answers the API problem 404 to an unknown path under the dashboard', async () => {
    const res = await http()
      .get(`${DASHBOARD}/static/no-such-file.js`)
      .set('Authorization', `Bearer ${systemAdmin}`);
    expectProblem(res, 404, 'ROUTE_NOT_FOUND');
  });

  it('opens a browser session: an HttpOnly, SameSite=Strict cookie for the dashboard path only', async () => {
    const res = await http().post(SESSION).set('Authorization', `Bearer ${systemAdmin}`);
    expect(res.status).toBe(204);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith(`${COOKIE}=`),
    )!;
    expect(cookie).toContain(`${COOKIE}=${systemAdmin};`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain(`Path=${DASHBOARD}`);
    expect(cookie).toContain(`Max-Age=${stack.config.auth.accessTokenTtlSeconds}`);
    expect(cookie).not.toContain('Secure'); // only in production, where TLS is required
    expect(await auditEvents('queue_dashboard.session')).toEqual([
      expect.objectContaining({ outcome: 'success' }),
    ]);

    const page = await http().get(DASHBOARD).set('Cookie', `${COOKIE}=${systemAdmin}`);
    expect(page.status).toBe(200);
    const api = await http()
      .get(`${DASHBOARD}/api/queues`)
      .set('Cookie', `${COOKIE}=${systemAdmin}`);
    expect(api.status).toBe(200);
  });

  it('opens no session for anyone but a system_admin', async () => {
    expectProblem(await http().post(SESSION), 401, 'UNAUTHENTICATED');
    for (const token of [officer, admin]) {
      expectProblem(
        await http().post(SESSION).set('Authorization', `Bearer ${token}`),
        403,
        'FORBIDDEN',
      );
    }
    // A cookie holding a non-system_admin's token is refused like the header.
    expectProblem(
      await http().get(`${DASHBOARD}/api/queues`).set('Cookie', `${COOKIE}=${officer}`),
      403,
      'FORBIDDEN',
    );
  });

  it('refuses cross-site actions carried by the cookie, and audits the actions it accepts', async () => {
    const pause = `${DASHBOARD}/api/queues/system/pause`;
    const crossSite = await http()
      .put(pause)
      .set('Cookie', `${COOKIE}=${systemAdmin}`)
      .set('Sec-Fetch-Site', 'same-site');
    expectProblem(crossSite, 403, 'QUEUE_DASHBOARD_CROSS_SITE');

    const paused = await http()
      .put(pause)
      .set('Cookie', `${COOKIE}=${systemAdmin}`)
      .set('Sec-Fetch-Site', 'same-origin');
    expect(paused.status).toBe(200);
    const resumed = await http()
      .put(`${DASHBOARD}/api/queues/system/resume`)
      .set('Authorization', `Bearer ${systemAdmin}`);
    expect(resumed.status).toBe(200);

    const actions = await auditEvents('queue_dashboard.action');
    expect(actions.map((e) => [e.outcome, e.details.method, e.details.path])).toEqual([
      ['success', 'PUT', pause],
      ['success', 'PUT', `${DASHBOARD}/api/queues/system/resume`],
    ]);
  });

  it('stops accepting the cookie once its session is logged out', async () => {
    const user = await createUser(stack, [{ role: 'system_admin' }], { countryCode: null });
    const token = (await signIn(app, user.email)).accessToken;
    expect((await http().post(SESSION).set('Authorization', `Bearer ${token}`)).status).toBe(204);
    const before = await http().get(`${DASHBOARD}/api/queues`).set('Cookie', `${COOKIE}=${token}`);
    expect(before.status).toBe(200);

    await http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    expectProblem(
      await http().get(`${DASHBOARD}/api/queues`).set('Cookie', `${COOKIE}=${token}`),
      401,
      'UNAUTHENTICATED',
    );
  });

  describe('with jobs in-process (no REDIS_URL)', () => {
    let inProcess: NestExpressApplication;

    beforeAll(async () => {
      inProcess = await createTestApi(
        testConfig({ DATABASE_URL: stack.database.url, DATABASE_POOL_SIZE: '2' }),
      );
    });

    afterAll(async () => {
      await inProcess?.close();
    });

    it.each(DASHBOARD_URLS)('answers 404 to %s, saying the dashboard needs Redis', async (url) => {
      const res = await request(inProcess.getHttpServer()).get(url).set('Accept-Language', 'en');
      expectProblem(res, 404, 'QUEUE_DASHBOARD_NOT_AVAILABLE');
      expect(res.body.detail).toContain('Redis');
    });

    it('opens no session either', async () => {
      const user = await createUser(stack, [{ role: 'system_admin' }], { countryCode: null });
      const token = (await signIn(inProcess, user.email)).accessToken;
      const res = await request(inProcess.getHttpServer())
        .post(SESSION)
        .set('Authorization', `Bearer ${token}`);
      expectProblem(res, 404, 'QUEUE_DASHBOARD_NOT_AVAILABLE');
    });
  });
});
