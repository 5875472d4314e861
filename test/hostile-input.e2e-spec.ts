import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ACCESS_METADATA, AccessDeclaration, ROLE_PERMISSIONS, Role } from '@amparo/identity';
import { getMetadataStorage } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import request from 'supertest';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';
import {
  GrantSpec,
  Session,
  createConsulate,
  createOrganisation,
  createUser,
  signIn,
} from './utils/identity';

/**
 * Every route of the real application, sent the hostile values of the input-hardening issue in its
 * body, query and path: each must be a bounded 4xx problem, never a 5xx, and fast.
 */

type DtoClass = abstract new (...args: never[]) => unknown;

interface Route {
  verb: string;
  path: string;
  access: AccessDeclaration | undefined;
  body?: DtoClass;
  query?: DtoClass;
  params: string[];
}

const BODY_LIMIT = 1024 * 1024;
/** The largest error body we accept: a capped list of field errors, never an echo of the input. */
const MAX_PROBLEM_BYTES = 16 * 1024;

function routesOf(app: NestExpressApplication): Route[] {
  const reflector = app.get(Reflector);
  const scanner = app.get(MetadataScanner);
  const routes: Route[] = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
    if (!controller) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const method of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[method] as () => unknown;
      const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (verb === undefined) continue;
      const own = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const joined = `/${[base, own].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      const path = joined.startsWith('/health') ? joined : `/api/v1${joined}`;
      const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ??
        []) as DtoClass[];
      const route: Route = {
        verb: RequestMethod[verb],
        path,
        access: reflector.getAllAndOverride(ACCESS_METADATA, [handler, controller]),
        params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
      };
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
        string,
        { index: number; data?: unknown }
      >;
      for (const [key, arg] of Object.entries(args)) {
        const type = Number(key.split(':')[0]);
        if (type === RouteParamtypes.BODY && arg.data === undefined) route.body = types[arg.index];
        if (type === RouteParamtypes.QUERY && arg.data === undefined)
          route.query = types[arg.index];
      }
      routes.push(route);
    }
  }
  return routes;
}

/** The DTO's validated properties, inherited ones included. */
function propertiesOf(dto: DtoClass | undefined): string[] {
  if (!dto || dto === Object) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const flatArray = (n: number) => `[${Array.from({ length: n }, (_, i) => i % 10).join(',')}]`;
const manyKeys = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}":0`).join(',')}}`;

/** Hostile raw JSON bodies, each under the 1 MB body limit. */
const HOSTILE_BODIES: Record<string, string> = {
  'deep nesting': `{"a":${deepArray(100_000)}}`,
  'huge flat array': flatArray(400_000),
  'huge flat array in a field': `{"a":${flatArray(400_000)}}`,
  '50k unknown keys': manyKeys(50_000),
  'top-level array': '[]',
  'top-level null': 'null',
  'top-level string': '"x"',
};

/** Per-field hostile values, set on every property of the route's DTO. */
const HOSTILE_VALUES: Record<string, unknown> = {
  NUL: 'a\u0000b',
  'lone surrogate': 'a\ud800b',
  null: null,
  'array for a value': [],
  'object for a value': { a: 1 },
  'array of nulls': [null],
  'impossible date': '2026-02-30',
  'impossible timestamp': '2026-02-30T10:00:00Z',
  'overflowing number': 1e300,
  'overflowing integer': Number('99999999999999999999'),
  'negative number': -1,
};

/**
 * Sends 8 hostile bodies of about 1 MB at once to a public route, prints "ready" once they are
 * built, then one line of JSON per answer.
 */
const ATTACKER = `
const http = require('node:http');
const port = Number(process.argv[1]);
const flat = '[' + Array.from({ length: 400000 }, (_, i) => i % 10).join(',') + ']';
const keys = '{' + Array.from({ length: 50000 }, (_, i) => '"k' + i + '":0').join(',') + '}';
const deep = '{"a":' + '['.repeat(400000) + ']'.repeat(400000) + '}';
const field = '{"refreshToken":' + flat + '}';
const bodies = [flat, keys, deep, field].map((b) => Buffer.from(b));
console.log('ready');
for (let i = 0; i < 8; i++) {
  const body = bodies[i % bodies.length];
  http.request({ port, host: '127.0.0.1', method: 'POST', path: '/api/v1/auth/refresh',
    headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
    res.resume();
    res.on('end', () => console.log(JSON.stringify({ status: res.statusCode, type: res.headers['content-type'] })));
  }).end(body);
}
`;

const SINGLE_FIELD_VALUES = [
  'null',
  'array for a value',
  'impossible timestamp',
  'overflowing number',
];

/** Per-parameter hostile query and path values (already percent-encoded). */
const HOSTILE_TEXT: Record<string, string> = {
  NUL: 'a%00b',
  'encoded lone surrogate': '%ED%A0%80',
  'impossible date': '2026-02-30',
  'impossible timestamp': '2026-02-30T10:00:00Z',
  'overflowing number': '99999999999999999999',
  exponent: '1e400',
  'not a uuid': 'not-a-uuid',
};

function forgedCursors(): string[] {
  const keys = ['-openedAt', 'openedAt', 'updatedAt', 'reference', 'name', 'createdAt'];
  const values: unknown[][] = [];
  for (const key of [...keys, 'accreditedFrom', 'postCode', 'type', '-name']) {
    values.push([key, 'not-a-date', randomUUID()]);
    values.push([key, '2026-02-30T00:00:00Z', randomUUID()]);
    values.push([key, '2026-01-01T00:00:00Z', 'not-a-uuid']);
    values.push([key, 'a\u0000', randomUUID()]);
    values.push([key, 1e308, randomUUID()]);
  }
  values.push(['not-an-email', 'not-a-uuid'], ['a\u0000', randomUUID()]);
  values.push(['x'], [1e308], [-1], [1.5], ['9'.repeat(40)]);
  return values.map((v) => Buffer.from(JSON.stringify(v)).toString('base64url'));
}

/**
 * What is wrong with an answer to hostile input, or undefined when it is a bounded 4xx problem.
 * Tests collect these and compare the list with [], so one run shows every failing route.
 */
function defectOf(res: request.Response, what: string): string | undefined {
  const text = res.text ?? '';
  const defects = [
    res.status >= 400 && res.status < 500 ? '' : `status ${res.status}`,
    /^application\/problem\+json/.test(String(res.headers['content-type'])) ? '' : 'not a problem',
    Buffer.byteLength(text) <= MAX_PROBLEM_BYTES ? '' : `${Buffer.byteLength(text)} bytes`,
  ].filter(Boolean);
  return defects.length ? `${what}: ${defects.join(', ')} ${text.slice(0, 200)}` : undefined;
}

describe('Hostile input', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let routes: Route[];
  const sessions = new Map<Role, Session>();

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    routes = routesOf(app);
    const consulateId = await createConsulate(stack, 'MX');
    const organisationId = await createOrganisation(stack, 'MX');
    const grants: Record<Role, GrantSpec & { role: Role }> = {
      consul: { role: 'consul', consulateId },
      officer: { role: 'officer', consulateId },
      supervisor: { role: 'supervisor', countryCode: 'MX' },
      analyst: { role: 'analyst', countryCode: 'MX' },
      admin: { role: 'admin', countryCode: 'MX' },
      system_admin: { role: 'system_admin' },
      organisation_focal_point: { role: 'organisation_focal_point', organisationId },
      network_secretariat: { role: 'network_secretariat' },
    };
    for (const [role, grant] of Object.entries(grants) as [Role, (typeof grants)[Role]][]) {
      const user = await createUser(stack, [grant]);
      sessions.set(role, await signIn(app, user.email));
    }
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  /** A caller allowed past the route's access check, so that validation is what answers. */
  function tokenFor(route: Route): string | undefined {
    const access = route.access;
    if (!access || access.kind === 'public') return undefined;
    const role =
      access.kind === 'authenticated'
        ? 'consul'
        : (Object.keys(ROLE_PERMISSIONS) as Role[]).find((r) =>
            ROLE_PERMISSIONS[r].includes(access.permission),
          );
    return role && sessions.get(role)?.accessToken;
  }

  function send(route: Route, path = concretePath(route), query = '') {
    const http = request(app.getHttpServer());
    const method = route.verb.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = http[method](`${path}${query}`).set('Accept-Language', 'en').set('If-Match', '"v1"');
    const token = tokenFor(route);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    return req;
  }

  function concretePath(route: Route, hostile?: { param: string; value: string }): string {
    return route.path.replace(/:(\w+)/g, (_, name: string) =>
      hostile?.param === name ? hostile.value : name === 'code' ? 'MX' : randomUUID(),
    );
  }

  it('finds the routes to attack', () => {
    expect(routes.filter((r) => r.body).length).toBeGreaterThanOrEqual(20);
    expect(routes.filter((r) => r.query).length).toBeGreaterThanOrEqual(8);
    expect(routes.filter((r) => r.params.length).length).toBeGreaterThanOrEqual(15);
  });

  it('refuses hostile JSON bodies on every route with a bounded 4xx problem', async () => {
    const defects: (string | undefined)[] = [];
    for (const route of routes.filter((r) => r.body)) {
      for (const [name, raw] of Object.entries(HOSTILE_BODIES)) {
        expect(Buffer.byteLength(raw)).toBeLessThan(BODY_LIMIT);
        const res = await send(route).set('Content-Type', 'application/json').send(raw);
        defects.push(defectOf(res, `${route.verb} ${route.path} ${name}`));
      }
      const plain = await send(route).set('Content-Type', 'text/plain').send('name=x');
      defects.push(defectOf(plain, `${route.verb} ${route.path} text/plain`));
      if (plain.status !== 415) defects.push(`${route.path} text/plain: ${plain.status}, not 415`);
    }
    expect(defects.filter(Boolean)).toEqual([]);
  }, 180_000);

  it('refuses hostile values in every body field, naming the field', async () => {
    const defects: (string | undefined)[] = [];
    for (const route of routes.filter((r) => r.body)) {
      const fields = propertiesOf(route.body);
      for (const [name, value] of Object.entries(HOSTILE_VALUES)) {
        const body = Object.fromEntries(fields.map((f) => [f, value]));
        const res = await send(route).send(body);
        const what = `${route.verb} ${route.path} every field ${name}`;
        // null is "absent" for optional fields, so a route whose fields are all optional may
        // succeed; what it must never do is fail with a 5xx.
        if (res.status >= 400 || name !== 'null') defects.push(defectOf(res, what));
        if (fields.length && (name === 'NUL' || name === 'lone surrogate')) {
          const named = new Set((res.body.errors ?? []).map((e: { field: string }) => e.field));
          const unnamed = fields.filter((f) => !named.has(f));
          if (res.status !== 400 || unnamed.length)
            defects.push(`${what}: ${res.status}, fields not named: ${unnamed.join(', ')}`);
        }
        // One field at a time too, for the values that are bad by type or range only: next to
        // valid siblings they reach the service (NUL and surrogates are refused by the parser).
        if (!SINGLE_FIELD_VALUES.includes(name)) continue;
        for (const field of fields) {
          const single = await send(route).send({ [field]: value });
          if (single.status < 400) continue; // an all-optional DTO may accept it
          defects.push(defectOf(single, `${route.verb} ${route.path} ${field}=${name}`));
        }
      }
    }
    expect(defects.filter(Boolean)).toEqual([]);
  }, 180_000);

  it('refuses hostile query values on every route that takes a query', async () => {
    const defects: (string | undefined)[] = [];
    const cursors = forgedCursors();
    for (const route of routes.filter((r) => r.query)) {
      const fields = propertiesOf(route.query);
      for (const field of fields) {
        for (const [name, value] of Object.entries(HOSTILE_TEXT)) {
          const res = await send(route, concretePath(route), `?${field}=${value}`);
          const what = `${route.verb} ${route.path}?${field}=${name}`;
          if (res.status < 400) continue; // e.g. `q=not-a-uuid` is a fine search
          defects.push(defectOf(res, what));
          const named = (res.body.errors ?? []).map((e: { field: string }) => e.field);
          if (name === 'NUL' && (res.status !== 400 || named.join() !== field))
            defects.push(`${what}: ${res.status} naming ${named.join(', ')}`);
        }
        const repeated = await send(route, concretePath(route), `?${field}=a&${field}=b`);
        if (repeated.status >= 400) defects.push(defectOf(repeated, `${route.path} ${field}×2`));
      }
      if (!fields.includes('cursor')) continue;
      for (const cursor of cursors) {
        const sort = JSON.parse(Buffer.from(cursor, 'base64url').toString())[0];
        const sortQuery =
          typeof sort === 'string' && fields.includes('sort') ? `&sort=${sort}` : '';
        const res = await send(route, concretePath(route), `?cursor=${cursor}${sortQuery}`);
        if (res.status < 400) continue; // a forged but well-typed position is just a position
        defects.push(
          defectOf(res, `${route.path} forged cursor ${Buffer.from(cursor, 'base64url')}`),
        );
      }
    }
    expect(defects.filter(Boolean)).toEqual([]);
  }, 180_000);

  it('refuses hostile path parameters on every route that has them', async () => {
    const defects: (string | undefined)[] = [];
    for (const route of routes.filter((r) => r.params.length)) {
      for (const param of route.params) {
        for (const [name, value] of Object.entries(HOSTILE_TEXT)) {
          const res = await send(route, concretePath(route, { param, value })).send({});
          defects.push(defectOf(res, `${route.verb} ${route.path} :${param}=${name}`));
        }
      }
    }
    expect(defects.filter(Boolean)).toEqual([]);
  }, 180_000);

  // The target is 100 ms for /health/live and 50 ms of event-loop block, but this process
  // hosts the app and shares the machine with other jest workers and processes, whose scheduling
  // shows up as delay: those figures are measured by `npm run bench:hostile`, with the server in a
  // process of its own. This test only catches the defect class, a parser that walks a hostile body
  // for seconds (the old one blocked 1-10 s per body, 25 s for these 8): its bounds are ten times
  // the target.
  const LIVE_BOUND_MS = 1000;
  const BLOCK_BOUND_MS = 500;

  it('keeps /health/live answering while 8 large hostile bodies are in flight', async () => {
    // A server of its own: supertest's ephemeral listeners come and go on the app's.
    const server = createServer(app.getHttpAdapter().getInstance());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const live = () =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        // A connection per probe: a kept-alive one can time out on the server while it is blocked.
        httpRequest({ port, host: '127.0.0.1', path: '/health/live', agent: false }, (res) => {
          res.resume();
          res.on('end', () => resolve(performance.now() - started));
        })
          .on('error', reject)
          .end();
      });
    const loop = monitorEventLoopDelay({ resolution: 5 });
    const liveTimes: number[] = [];
    let output = '';
    let attacker: ReturnType<typeof spawn> | undefined;
    try {
      await live(); // warm the route
      // The attacker is another process, so that this event loop only does the server's work
      // and its delay is the server's blocking.
      attacker = spawn(process.execPath, ['-e', ATTACKER, String(port)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const stdout = attacker.stdout!;
      stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = once(attacker, 'exit');
      await new Promise<void>((resolve) => stdout.once('data', () => resolve()));
      loop.enable();
      let done = false;
      void exited.then(() => (done = true));
      // Stops at the first probe over the bound: the old parser would keep it busy for minutes.
      while (!done && !(Math.max(...liveTimes) >= LIVE_BOUND_MS)) liveTimes.push(await live());
    } finally {
      loop.disable();
      if (attacker?.exitCode === null) attacker.kill();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    const answers = output
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line) as { status: number; type: string });
    expect(Math.max(...liveTimes)).toBeLessThan(LIVE_BOUND_MS);
    expect(loop.max / 1e6).toBeLessThan(BLOCK_BOUND_MS);
    expect(answers).toEqual(
      Array(8).fill({ status: 400, type: expect.stringMatching(/^application\/problem\+json/) }),
    );
  });
});
