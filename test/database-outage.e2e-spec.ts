import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ACCESS_METADATA, AccessDeclaration } from '@amparo/identity';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createConsulate, createUser, signIn, TEST_PASSWORD } from './utils/identity';
import { startTcpProxy, TcpProxy } from './utils/tcp-proxy';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

/**
 * A database outage is not a sign-out: while PostgreSQL cannot be reached, or is restarting, a
 * signed-in user gets 503 with Retry-After (and keeps their session), never 401 or 500.
 */
describe('A database outage', () => {
  let proxy: TcpProxy;
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  let officer: { email: string; token: string };

  beforeAll(async () => {
    const pgPort = Number(
      new URL(process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432').port || 5432,
    );
    proxy = await startTcpProxy(pgPort);
    stack = await createTestStack(
      {},
      {
        routeDatabaseUrl: (url) => {
          const routed = new URL(url);
          routed.host = `127.0.0.1:${proxy.port}`;
          return routed.toString();
        },
      },
    );
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    const user = await createUser(stack, [{ role: 'officer', consulateId: post }]);
    officer = { email: user.email, token: (await signIn(app, user.email)).accessToken };
  });

  afterEach(() => proxy.restore());

  afterAll(async () => {
    await proxy?.restore();
    await app?.close();
    await stack?.teardown();
    await proxy?.close();
  });

  const http = () => request(app.getHttpServer());
  const authed = (method: 'get' | 'post', path: string) =>
    http()[method](path).set('Authorization', `Bearer ${officer.token}`);
  const newCase = () => ({
    consulateId: post,
    primaryCategory: 'health',
    summary: 'Hospitalised after a workplace accident.',
    persons: [
      {
        role: 'primary',
        person: {
          givenNames: 'Rosa',
          familyNames: 'Quispe',
          estimatedAge: 40,
          sex: 'female',
          nationalityCode: 'MX',
        },
      },
    ],
  });

  const expectUnavailable = (res: request.Response) => {
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toMatch(/ECONN|postgres|terminated|stack/i);
  };

  it('answers 503 with Retry-After to a signed-in reader and writer while PostgreSQL is unreachable', async () => {
    await proxy.cut();
    expectUnavailable(await authed('get', '/api/v1/cases'));
    expectUnavailable(await authed('get', '/api/v1/me'));
    expectUnavailable(await authed('post', '/api/v1/cases').send(newCase()));
  });

  it('answers 503, not a wrong-password 401, to a sign-in while PostgreSQL is unreachable', async () => {
    await proxy.cut();
    expectUnavailable(
      await http()
        .post('/api/v1/auth/login')
        .send({ email: officer.email, password: TEST_PASSWORD }),
    );
  });

  it('keeps the user signed in: the same token works again once PostgreSQL is back', async () => {
    await proxy.cut();
    expectUnavailable(await authed('get', '/api/v1/cases'));
    await proxy.restore();
    const res = await authed('get', '/api/v1/cases');
    expect(res.status).toBe(200);
  });

  it('answers 503 or succeeds, never 401 or 500, while the server ends every session (a restart)', async () => {
    const statuses: number[] = [];
    const terminate = () =>
      stack.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'amparo'`,
      );
    for (let round = 0; round < 5; round++) {
      const requests = Array.from({ length: 4 }, (_, i) =>
        (i % 2
          ? authed('get', '/api/v1/cases')
          : authed('post', '/api/v1/cases').send(newCase())
        ).then((res) => {
          if (res.status === 503) expectUnavailable(res);
          statuses.push(res.status);
        }),
      );
      await terminate();
      await Promise.all(requests);
    }
    expect(statuses.filter((s) => ![200, 201, 503].includes(s))).toEqual([]);
    const after = await authed('get', '/api/v1/cases');
    expect(after.status).toBe(200);
  });

  it('answers 503 or a 4xx that is not 401 on every signed-in route while PostgreSQL is unreachable', async () => {
    const routes = signedInRoutes(app);
    expect(routes.length).toBeGreaterThan(30);
    await proxy.cut();
    const wrong: string[] = [];
    for (const { verb, path } of routes) {
      const url = `/api/v1/${path.replace(/:\w+/g, randomUUID())}`;
      const res = await http()
        [verb](url)
        .set('Authorization', `Bearer ${officer.token}`)
        .send(verb === 'get' || verb === 'delete' ? undefined : {});
      if (res.status === 503) expectUnavailable(res);
      else if (res.status === 401 || res.status >= 500) wrong.push(`${verb} ${url}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

/** Every route that needs a signed-in caller, from the application's own router. */
function signedInRoutes(
  app: NestExpressApplication,
): { verb: 'get' | 'post' | 'patch' | 'put' | 'delete'; path: string }[] {
  const reflector = app.get(Reflector);
  const scanner = app.get(MetadataScanner);
  const routes: { verb: 'get' | 'post' | 'patch' | 'put' | 'delete'; path: string }[] = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller) continue;
    const base = String(Reflect.getMetadata('path', controller) ?? '');
    for (const method of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[method] as () => unknown;
      const verb = Reflect.getMetadata('method', handler) as RequestMethod | undefined;
      if (verb === undefined) continue;
      const access = reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [
        handler,
        controller,
      ]);
      if (!access || access.kind === 'public') continue;
      const path = [base, String(Reflect.getMetadata('path', handler) ?? '')]
        .join('/')
        .replace(/\/+/g, '/')
        .replace(/^\/|\/$/g, '');
      routes.push({ verb: RequestMethod[verb].toLowerCase() as 'get', path });
    }
  }
  return routes;
}
