import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { GrantSpec, Session, createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Country = 'MX' | 'GT';
type Method = 'get' | 'post' | 'patch' | 'put';
type ActorName =
  | 'system_admin'
  | 'adminMx'
  | 'adminGt'
  | 'officer'
  | 'consul'
  | 'supervisor'
  | 'analyst'
  | 'secretariat';

interface UserBody {
  id: string;
  email: string;
  displayName: string;
  countryCode: string | null;
  status: string;
  activated: boolean;
  grants: { role: string; consulateId: string | null; countryCode: string | null }[];
}

interface AuditBody {
  id: string;
  seq: string;
  occurredAt: string;
  actorId: string | null;
  actorRoles: string[];
  countryCode: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: string;
  requestId: string | null;
}

/** What one matrix cell sends, and how to tell that it did (or did not) take effect. */
interface Prepared {
  send(token: string | undefined, id?: string): request.Test;
  /** State the call may change: compared before and after a refused call. */
  state(): Promise<unknown>;
  succeeded(res: request.Response, country: Country): Promise<void>;
}

interface Endpoint {
  route: string;
  prepare(country: Country): Promise<Prepared>;
  /** What admin MX gets for a GT target. */
  outOfScope: 'not_found' | 'grant_not_allowed' | 'hidden';
}

describe('User administration and its permission matrix', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const consulates = {} as Record<Country, string>;
  const sessions = {} as Record<ActorName, Session>;

  const http = () => request(app.getHttpServer());
  const call = (method: Method, path: string, token?: string, body?: object) => {
    let req = http()[method](`/api/v1${path}`);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body);
  };
  const as = (actor: ActorName) => sessions[actor].accessToken;
  const idOf = (actor: ActorName) => sessions[actor].userId;

  const expectProblem = (res: request.Response, status: number, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  const newUser = (country: Country, grants?: GrantSpec[], email?: string) =>
    createUser(stack, grants ?? [{ role: 'officer', consulateId: consulates[country] }], {
      countryCode: country,
      email,
    });

  /** Everything an administration call could change about a user. */
  const fingerprint = async (userId: string) =>
    stack.query(
      `SELECT u.display_name, u.locale, u.status, u.password_hash, u.token_version, u.updated_at,
              u.mfa_enabled_at,
              (SELECT json_agg(json_build_array(g.role, g.consulate_id, g.country_code)
                               ORDER BY g.role, g.country_code, g.consulate_id)
                 FROM role_grants g WHERE g.user_id = u.id) AS grants,
              (SELECT count(*) FROM activation_tokens a WHERE a.user_id = u.id) AS activations
         FROM users u WHERE u.id = $1`,
      [userId],
    );

  /** Every page of a list, following nextCursor. */
  const listAll = async <T>(token: string, path: string, limit = 200): Promise<T[][]> => {
    const pages: T[][] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const query: string = `${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await call('get', `${path}${query}`, token);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      pages.push(res.body.items as T[]);
      cursor = res.body.nextCursor as string | null;
      if (pages.length > 500) throw new Error('pagination does not end');
    } while (cursor);
    return pages;
  };

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    consulates.MX = await createConsulate(stack, 'MX');
    consulates.GT = await createConsulate(stack, 'GT');
    const users: Record<ActorName, Promise<{ email: string }>> = {
      system_admin: createUser(stack, [{ role: 'system_admin' }], { countryCode: null }),
      adminMx: createUser(stack, [{ role: 'admin', countryCode: 'MX' }]),
      adminGt: createUser(stack, [{ role: 'admin', countryCode: 'GT' }]),
      officer: newUser('MX'),
      consul: newUser('MX', [{ role: 'consul', consulateId: consulates.MX }]),
      supervisor: createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]),
      analyst: createUser(stack, [{ role: 'analyst', countryCode: 'MX' }]),
      secretariat: createUser(stack, [{ role: 'network_secretariat' }], { countryCode: null }),
    };
    for (const [name, user] of Object.entries(users)) {
      sessions[name as ActorName] = await signIn(app, (await user).email);
    }
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  describe('permission matrix', () => {
    const userRoute = (
      route: string,
      method: Method,
      path: (id: string) => string,
      options: {
        body?: (country: Country) => object;
        disabled?: boolean;
        succeeded: (res: request.Response, targetId: string, country: Country) => Promise<void>;
      },
    ): Endpoint => ({
      route,
      outOfScope: 'not_found',
      prepare: async (country) => {
        const target = await newUser(country);
        if (options.disabled)
          await stack.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [target.id]);
        return {
          send: (token, id = target.id) => call(method, path(id), token, options.body?.(country)),
          state: () => fingerprint(target.id),
          succeeded: (res, c) => options.succeeded(res, target.id, c),
        };
      },
    });

    const endpoints: Endpoint[] = [
      {
        route: 'POST /users',
        outOfScope: 'grant_not_allowed',
        prepare: async (country) => {
          const email = `new-${randomUUID()}@amparo.test`;
          const body = {
            email,
            displayName: 'Nueva Persona',
            countryCode: country,
            grants: [{ role: 'officer', consulateId: consulates[country] }],
          };
          return {
            send: (token) => call('post', '/users', token, body),
            state: () => stack.query('SELECT id FROM users WHERE email = $1', [email]),
            succeeded: async (res, c) => {
              expect(res.status).toBe(201);
              expect(res.body.user).toMatchObject({ email, countryCode: c });
              const [row] = await stack.query('SELECT country_code FROM users WHERE email = $1', [
                email,
              ]);
              expect(row).toEqual({ country_code: c });
            },
          };
        },
      },
      {
        route: 'GET /users',
        outOfScope: 'hidden',
        prepare: async (country) => {
          const marker = randomUUID();
          const target = await newUser(country, undefined, `listed-${marker}@amparo.test`);
          return {
            send: (token) => call('get', `/users?q=${marker}`, token),
            state: () => fingerprint(target.id),
            succeeded: async (res) => {
              expect(res.status).toBe(200);
              expect(res.body.items.map((u: UserBody) => u.id)).toEqual([target.id]);
            },
          };
        },
      },
      userRoute('GET /users/:id', 'get', (id) => `/users/${id}`, {
        succeeded: async (res, targetId, country) => {
          expect(res.status).toBe(200);
          expect(res.body).toMatchObject({ id: targetId, countryCode: country });
        },
      }),
      userRoute('PATCH /users/:id', 'patch', (id) => `/users/${id}`, {
        body: () => ({ displayName: 'Nombre Cambiado', locale: 'en' }),
        succeeded: async (res, targetId) => {
          expect(res.status).toBe(200);
          expect(res.body).toMatchObject({ displayName: 'Nombre Cambiado', locale: 'en' });
          const [row] = await fingerprint(targetId);
          expect(row).toMatchObject({ display_name: 'Nombre Cambiado', locale: 'en' });
        },
      }),
      userRoute('PUT /users/:id/grants', 'put', (id) => `/users/${id}/grants`, {
        body: (country) => ({ grants: [{ role: 'analyst', countryCode: country }] }),
        succeeded: async (res, targetId, country) => {
          expect(res.status).toBe(200);
          expect(res.body.grants).toEqual([
            { role: 'analyst', consulateId: null, countryCode: country, organisationId: null },
          ]);
          const [row] = await fingerprint(targetId);
          expect(row).toMatchObject({ grants: [['analyst', null, country]], token_version: 2 });
        },
      }),
      userRoute('POST /users/:id/disable', 'post', (id) => `/users/${id}/disable`, {
        succeeded: async (res, targetId) => {
          expect(res.status).toBe(200);
          expect(res.body.status).toBe('disabled');
          expect((await fingerprint(targetId))[0]).toMatchObject({ status: 'disabled' });
        },
      }),
      userRoute('POST /users/:id/enable', 'post', (id) => `/users/${id}/enable`, {
        disabled: true,
        succeeded: async (res, targetId) => {
          expect(res.status).toBe(200);
          expect(res.body.status).toBe('active');
          expect((await fingerprint(targetId))[0]).toMatchObject({ status: 'active' });
        },
      }),
      userRoute('POST /users/:id/password-reset', 'post', (id) => `/users/${id}/password-reset`, {
        succeeded: async (res, targetId) => {
          expect(res.status).toBe(200);
          expect(typeof res.body.activationToken).toBe('string');
          expect((await fingerprint(targetId))[0]).toMatchObject({
            password_hash: null,
            activations: '1',
          });
        },
      }),
      {
        route: 'GET /audit-events',
        outOfScope: 'hidden',
        prepare: async (country) => {
          const target = await newUser(country);
          // The system_admin's read leaves an event of the target's country.
          expect((await call('get', `/users/${target.id}`, as('system_admin'))).status).toBe(200);
          return {
            send: (token) =>
              call('get', `/audit-events?resourceType=user&resourceId=${target.id}`, token),
            state: async () => null,
            succeeded: async (res, c) => {
              expect(res.status).toBe(200);
              expect(res.body.items).toEqual([
                expect.objectContaining({
                  action: 'user.read',
                  resourceId: target.id,
                  countryCode: c,
                  actorId: idOf('system_admin'),
                }),
              ]);
            },
          };
        },
      },
    ];

    type Expectation = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'success' | 'out of scope';
    const actors: { actor: string; who?: ActorName; country: Country; expected: Expectation }[] = [
      { actor: 'no token', country: 'MX', expected: 'UNAUTHENTICATED' },
      { actor: 'officer', who: 'officer', country: 'MX', expected: 'FORBIDDEN' },
      { actor: 'consul', who: 'consul', country: 'MX', expected: 'FORBIDDEN' },
      { actor: 'supervisor', who: 'supervisor', country: 'MX', expected: 'FORBIDDEN' },
      { actor: 'analyst', who: 'analyst', country: 'MX', expected: 'FORBIDDEN' },
      { actor: 'admin MX on MX', who: 'adminMx', country: 'MX', expected: 'success' },
      { actor: 'admin MX on GT', who: 'adminMx', country: 'GT', expected: 'out of scope' },
      { actor: 'system_admin on MX', who: 'system_admin', country: 'MX', expected: 'success' },
      { actor: 'system_admin on GT', who: 'system_admin', country: 'GT', expected: 'success' },
    ];
    const cells = endpoints.flatMap((endpoint) =>
      actors.map((a) => ({ ...a, endpoint, route: endpoint.route })),
    );

    it.each(cells)('$route as $actor: $expected', async ({ endpoint, who, country, expected }) => {
      const prepared = await endpoint.prepare(country);
      const token = who ? as(who) : undefined;
      const before = await prepared.state();
      const res = await prepared.send(token);
      if (expected === 'success') {
        await prepared.succeeded(res, country);
        return;
      }
      if (expected === 'out of scope') {
        if (endpoint.outOfScope === 'not_found') {
          const unknown = await prepared.send(token, randomUUID());
          expectProblem(res, 404, 'USER_NOT_FOUND');
          expectProblem(unknown, 404, 'USER_NOT_FOUND');
          const comparable = (r: request.Response) => {
            const { type, title, status, detail, code, errors } = r.body;
            return { type, title, status, detail, code, errors };
          };
          expect(comparable(res)).toEqual(comparable(unknown));
        } else if (endpoint.outOfScope === 'grant_not_allowed') {
          expectProblem(res, 403, 'GRANT_NOT_ALLOWED');
        } else {
          expect(res.status).toBe(200);
          expect(res.body.items).toEqual([]);
        }
      } else {
        expectProblem(res, expected === 'UNAUTHENTICATED' ? 401 : 403, expected);
      }
      expect(await prepared.state()).toEqual(before);
    });
  });

  describe('GET /users', () => {
    const ids = (pages: UserBody[][]) => pages.flat().map((u) => u.id);

    it('shows an admin only the users of its country, and a system_admin everyone', async () => {
      const mxPages = await listAll<UserBody>(as('adminMx'), '/users');
      const mxUsers = mxPages.flat();
      expect(mxUsers.every((u) => u.countryCode === 'MX')).toBe(true);
      expect(ids(mxPages)).toEqual(
        expect.arrayContaining(
          (['adminMx', 'officer', 'consul', 'supervisor', 'analyst'] as const).map(idOf),
        ),
      );
      expect(ids(mxPages)).not.toContain(idOf('adminGt'));
      expect(ids(mxPages)).not.toContain(idOf('system_admin'));

      const gtPages = await listAll<UserBody>(as('adminGt'), '/users');
      expect(gtPages.flat().every((u) => u.countryCode === 'GT')).toBe(true);
      expect(ids(gtPages)).toContain(idOf('adminGt'));

      const all = ids(await listAll<UserBody>(as('system_admin'), '/users'));
      expect(all).toEqual(
        expect.arrayContaining([idOf('adminMx'), idOf('adminGt'), idOf('system_admin')]),
      );
      const [{ count }] = await stack.query<{ count: string }>('SELECT count(*) FROM users');
      expect(all).toHaveLength(Number(count));
    });

    it('finds users by name ignoring accents and case, within the caller’s country', async () => {
      const joseMx = await newUser('MX');
      const joseGt = await newUser('GT');
      await stack.query(`UPDATE users SET display_name = 'José Hernández' WHERE id = ANY($1)`, [
        [joseMx.id, joseGt.id],
      ]);
      for (const q of ['hernandez', 'HERNÁNDEZ', 'jose hernandez', 'José Hernández']) {
        const res = await call('get', `/users?q=${encodeURIComponent(q)}`, as('adminMx'));
        expect({ q, ids: res.body.items.map((u: UserBody) => u.id) }).toEqual({
          q,
          ids: [joseMx.id],
        });
      }
      const everyone = await call('get', '/users?q=hernandez', as('system_admin'));
      expect(everyone.body.items.map((u: UserBody) => u.id).sort()).toEqual(
        [joseMx.id, joseGt.id].sort(),
      );
      const none = await call('get', '/users?q=fernandez', as('adminMx'));
      expect(none.body.items).toEqual([]);
    });

    it('finds users by part of their email whatever its case', async () => {
      const marker = randomUUID().slice(0, 8);
      const user = await newUser('MX', undefined, `Maria.Lopez-${marker}@Amparo.Test`);
      for (const q of [`maria.lopez-${marker}`, `MARIA.LOPEZ-${marker}`]) {
        const res = await call('get', `/users?q=${encodeURIComponent(q)}`, as('adminMx'));
        expect({ q, ids: res.body.items.map((u: UserBody) => u.id) }).toEqual({
          q,
          ids: [user.id],
        });
      }
    });

    it('filters by status, role and country', async () => {
      const disabled = await newUser('MX');
      await stack.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [disabled.id]);

      const disabledOnly = (
        await listAll<UserBody>(as('adminMx'), '/users?status=disabled')
      ).flat();
      expect(disabledOnly.map((u) => u.id)).toContain(disabled.id);
      expect(disabledOnly.every((u) => u.status === 'disabled' && u.countryCode === 'MX')).toBe(
        true,
      );
      const activeOnly = (await listAll<UserBody>(as('adminMx'), '/users?status=active')).flat();
      expect(activeOnly.map((u) => u.id)).not.toContain(disabled.id);
      expect(activeOnly.map((u) => u.id)).toContain(idOf('officer'));

      const consuls = (await listAll<UserBody>(as('adminMx'), '/users?role=consul')).flat();
      expect(consuls.map((u) => u.id)).toContain(idOf('consul'));
      expect(consuls.map((u) => u.id)).not.toContain(idOf('officer'));
      expect(consuls.every((u) => u.grants.some((g) => g.role === 'consul'))).toBe(true);

      const gt = (await listAll<UserBody>(as('system_admin'), '/users?countryCode=GT')).flat();
      expect(gt.map((u) => u.id)).toContain(idOf('adminGt'));
      expect(gt.every((u) => u.countryCode === 'GT')).toBe(true);
      const gtForMx = await call('get', '/users?countryCode=GT', as('adminMx'));
      expect(gtForMx.status).toBe(200);
      expect(gtForMx.body.items).toEqual([]);
    });

    it('pages with a cursor without skipping or repeating users', async () => {
      const reference = ids(await listAll<UserBody>(as('adminMx'), '/users'));
      expect(reference.length).toBeGreaterThanOrEqual(5);
      const pages = await listAll<UserBody>(as('adminMx'), '/users', 2);
      expect(pages.length).toBe(Math.ceil(reference.length / 2));
      expect(ids(pages)).toEqual(reference);
      expect(new Set(ids(pages)).size).toBe(reference.length);
    });

    it.each([
      ['that is garbage', 'not-a-cursor'],
      ['of the wrong shape', Buffer.from(JSON.stringify(['x'])).toString('base64url')],
      [
        'with a position that is not a user id',
        Buffer.from(JSON.stringify(['a@amparo.test', 'not-a-uuid'])).toString('base64url'),
      ],
    ])('refuses a cursor %s with 400 INVALID_CURSOR', async (_name, cursor) => {
      const res = await call('get', `/users?cursor=${cursor}`, as('adminMx'));
      expectProblem(res, 400, 'INVALID_CURSOR');
    });

    it.each(['500', '0', 'ten'])('refuses limit=%s with 400', async (limit) => {
      const res = await call('get', `/users?limit=${limit}`, as('adminMx'));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(res.body.errors.every((e: { field: string }) => e.field === 'limit')).toBe(true);
    });
  });

  describe('POST /users', () => {
    const valid = () => ({
      email: `valid-${randomUUID()}@amparo.test`,
      displayName: 'Ana Pérez',
      grants: [{ role: 'officer', consulateId: consulates.MX }],
    });
    const counts = async () =>
      (
        await stack.query(
          `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM role_grants) AS grants,
                  (SELECT count(*) FROM activation_tokens) AS activations,
                  (SELECT count(*) FROM audit_events WHERE action = 'user.create') AS audited`,
        )
      )[0];

    it.each([
      {
        refusal: 'an unknown field',
        body: () => ({ ...valid(), isRoot: true }),
        status: 400,
        code: 'VALIDATION_FAILED',
        error: { field: 'isRoot', code: 'UNKNOWN_FIELD' },
      },
      {
        refusal: 'a malformed email',
        body: () => ({ ...valid(), email: 'not-an-email' }),
        status: 400,
        code: 'VALIDATION_FAILED',
        error: { field: 'email' },
      },
      {
        refusal: "an 'officer' grant without consulateId",
        body: () => ({ ...valid(), grants: [{ role: 'officer' }] }),
        status: 400,
        code: 'VALIDATION_FAILED',
        error: { field: 'grants.0.consulateId', code: 'UNKNOWN_CONSULATE' },
      },
      {
        refusal: 'an unknown consulate',
        body: () => ({ ...valid(), grants: [{ role: 'officer', consulateId: randomUUID() }] }),
        status: 400,
        code: 'VALIDATION_FAILED',
        error: { field: 'grants.0.consulateId', code: 'UNKNOWN_CONSULATE' },
      },
      {
        refusal: 'a grant at a consulate of GT',
        body: () => ({ ...valid(), grants: [{ role: 'officer', consulateId: consulates.GT }] }),
        status: 403,
        code: 'GRANT_NOT_ALLOWED',
        error: { field: 'grants.0.role', code: 'GRANT_NOT_ALLOWED' },
      },
      {
        refusal: "an 'admin' grant",
        body: () => ({ ...valid(), grants: [{ role: 'admin', countryCode: 'MX' }] }),
        status: 403,
        code: 'GRANT_NOT_ALLOWED',
        error: { field: 'grants.0.role', code: 'GRANT_NOT_ALLOWED' },
      },
      {
        refusal: "a 'system_admin' grant",
        body: () => ({ ...valid(), grants: [{ role: 'system_admin' }] }),
        status: 403,
        code: 'GRANT_NOT_ALLOWED',
        error: { field: 'grants.0.role', code: 'GRANT_NOT_ALLOWED' },
      },
      {
        refusal: "a 'network_secretariat' grant",
        body: () => ({ ...valid(), grants: [{ role: 'network_secretariat' }] }),
        status: 403,
        code: 'GRANT_NOT_ALLOWED',
        error: { field: 'grants.0.role', code: 'GRANT_NOT_ALLOWED' },
      },
      {
        refusal: 'a permitted grant alongside a forbidden one',
        body: () => ({
          ...valid(),
          grants: [
            { role: 'officer', consulateId: consulates.MX },
            { role: 'supervisor', countryCode: 'GT' },
          ],
        }),
        status: 403,
        code: 'GRANT_NOT_ALLOWED',
        error: { field: 'grants.1.role', code: 'GRANT_NOT_ALLOWED' },
      },
      {
        refusal: 'a user of another country',
        body: () => ({ ...valid(), countryCode: 'GT', grants: [] }),
        status: 403,
        code: 'GRANT_NOT_ALLOWED',
        error: { field: 'countryCode', code: 'OUT_OF_SCOPE' },
      },
    ])(
      'refuses $refusal from an admin with $status $code and creates nothing',
      async ({ body, status, code, error }) => {
        const before = await counts();
        const sent = body();
        const res = await call('post', '/users', as('adminMx'), sent);
        expectProblem(res, status, code);
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining(error)]));
        expect(await counts()).toEqual(before);
      },
    );

    it('refuses an email already taken, whatever its case, with 409 EMAIL_TAKEN', async () => {
      const [{ email }] = await stack.query<{ email: string }>(
        'SELECT email::text FROM users WHERE id = $1',
        [idOf('officer')],
      );
      const before = await counts();
      const res = await call('post', '/users', as('adminMx'), {
        ...valid(),
        email: email.toUpperCase(),
      });
      expectProblem(res, 409, 'EMAIL_TAKEN');
      expect(await counts()).toEqual(before);
    });

    it('creates an inactive user and shows the activation token once, storing only its hash', async () => {
      const sent = valid();
      const res = await call('post', '/users', as('adminMx'), sent);
      expect(res.status).toBe(201);
      const user = res.body.user as UserBody;
      expect(res.headers.location).toBe(`/api/v1/users/${user.id}`);
      expect(user).toMatchObject({
        email: sent.email,
        displayName: 'Ana Pérez',
        countryCode: 'MX',
        status: 'active',
        activated: false,
        mfaEnabled: false,
        grants: [{ role: 'officer', consulateId: consulates.MX, countryCode: 'MX' }],
      });
      const token = res.body.activationToken as string;
      expect(token.length).toBeGreaterThanOrEqual(32);
      expect(new Date(res.body.activationExpiresAt).getTime()).toBeGreaterThan(Date.now());

      const stored = await stack.query<{ token_hash: string }>(
        'SELECT token_hash FROM activation_tokens WHERE user_id = $1',
        [user.id],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0].token_hash).not.toContain(token);
      const [clear] = await stack.query<{ count: string }>(
        `SELECT (SELECT count(*) FROM activation_tokens WHERE token_hash LIKE '%' || $1 || '%')
              + (SELECT count(*) FROM audit_events WHERE details::text LIKE '%' || $1 || '%') AS count`,
        [token],
      );
      expect(clear.count).toBe('0');

      const activated = await http()
        .post('/api/v1/auth/activate')
        .send({ token, password: 'a long and unusual passphrase 42' });
      expect(activated.status).toBe(204);
      const after = await call('get', `/users/${user.id}`, as('adminMx'));
      expect(after.body.activated).toBe(true);
    });

    it('lets a system_admin create a country admin that a country admin may not', async () => {
      const res = await call('post', '/users', as('system_admin'), {
        ...valid(),
        countryCode: 'GT',
        grants: [{ role: 'admin', countryCode: 'GT' }],
      });
      expect(res.status).toBe(201);
      expect(res.body.user.grants).toEqual([
        { role: 'admin', consulateId: null, countryCode: 'GT', organisationId: null },
      ]);
    });

    it('lets a system_admin grant the regional network secretariat, deployment-wide only', async () => {
      const scoped = await call('post', '/users', as('system_admin'), {
        ...valid(),
        grants: [{ role: 'network_secretariat', countryCode: 'MX' }],
      });
      expectProblem(scoped, 400, 'VALIDATION_FAILED');
      expect(scoped.body.errors).toEqual([
        expect.objectContaining({ field: 'grants.0', code: 'NO_SCOPE_ALLOWED' }),
      ]);
      const res = await call('post', '/users', as('system_admin'), {
        ...valid(),
        countryCode: null,
        grants: [{ role: 'network_secretariat' }],
      });
      expect(res.status).toBe(201);
      expect(res.body.user.grants).toEqual([
        { role: 'network_secretariat', consulateId: null, countryCode: null, organisationId: null },
      ]);
    });
  });

  describe('changes to accounts', () => {
    it.each([
      ['disable itself', 'adminMx', 'post', 'disable', undefined],
      ['change its own grants', 'adminMx', 'put', 'grants', { grants: [] }],
      ['disable itself (system_admin)', 'system_admin', 'post', 'disable', undefined],
      [
        'change its own grants (system_admin)',
        'system_admin',
        'put',
        'grants',
        { grants: [{ role: 'admin', countryCode: 'MX' }] },
      ],
    ] as [string, ActorName, Method, string, object | undefined][])(
      'refuses an administrator that tries to %s with 409 CANNOT_CHANGE_OWN_ACCOUNT',
      async (_name, actor, method, action, body) => {
        const before = await fingerprint(idOf(actor));
        const res = await call(method, `/users/${idOf(actor)}/${action}`, as(actor), body);
        expectProblem(res, 409, 'CANNOT_CHANGE_OWN_ACCOUNT');
        expect(await fingerprint(idOf(actor))).toEqual(before);
        expect((await call('get', '/me', as(actor))).status).toBe(200);
      },
    );

    it.each([
      ['disabled', 'post', 'disable', undefined],
      ['given new grants', 'put', 'grants', { grants: [{ role: 'analyst', countryCode: 'MX' }] }],
      ['sent a password reset', 'post', 'password-reset', undefined],
    ] as [string, Method, string, object | undefined][])(
      'ends the sessions of a user who is %s',
      async (_name, method, action, body) => {
        const user = await newUser('MX');
        const session = await signIn(app, user.email);
        expect((await call('get', '/me', session.accessToken)).status).toBe(200);
        const res = await call(method, `/users/${user.id}/${action}`, as('adminMx'), body);
        expect(res.status).toBe(200);
        expectProblem(await call('get', '/me', session.accessToken), 401, 'UNAUTHENTICATED');
        const refresh = await http()
          .post('/api/v1/auth/refresh')
          .send({ refreshToken: session.refreshToken });
        expectProblem(refresh, 401, 'INVALID_REFRESH_TOKEN');
      },
    );
  });

  describe('permission matrix: who may act on whom', () => {
    type TargetName = 'officer MX' | 'admin MX' | 'system_admin' | 'self';
    type Outcome = 'success' | 'not allowed' | 'out of scope' | 'own account';

    interface Action {
      route: string;
      path: (id: string) => string;
      method: Method;
      body?: object;
      /** The audit action of this route, also recorded when it is refused. */
      audited: string;
      /** The target starts disabled, so that enabling it is a change. */
      startsDisabled?: boolean;
      notAllowed: [number, string];
      ownAccount: [number, string];
      succeeded(res: request.Response, targetId: string): Promise<void>;
    }

    const ownAccount: [number, string] = [409, 'CANNOT_CHANGE_OWN_ACCOUNT'];
    const notAllowed: [number, string] = [403, 'USER_ACTION_NOT_ALLOWED'];
    const actions: Action[] = [
      {
        route: 'POST /users/:id/password-reset',
        path: (id) => `/users/${id}/password-reset`,
        method: 'post',
        audited: 'user.password_reset',
        notAllowed,
        ownAccount,
        succeeded: async (res, targetId) => {
          expect(res.status).toBe(200);
          expect(typeof res.body.activationToken).toBe('string');
          expect((await fingerprint(targetId))[0]).toMatchObject({ password_hash: null });
        },
      },
      {
        route: 'POST /users/:id/disable',
        path: (id) => `/users/${id}/disable`,
        method: 'post',
        audited: 'user.disable',
        notAllowed,
        ownAccount,
        succeeded: async (res, targetId) => {
          expect(res.status).toBe(200);
          expect((await fingerprint(targetId))[0]).toMatchObject({ status: 'disabled' });
        },
      },
      {
        route: 'POST /users/:id/enable',
        path: (id) => `/users/${id}/enable`,
        method: 'post',
        audited: 'user.enable',
        startsDisabled: true,
        notAllowed,
        ownAccount,
        succeeded: async (res, targetId) => {
          expect(res.status).toBe(200);
          expect((await fingerprint(targetId))[0]).toMatchObject({ status: 'active' });
        },
      },
      {
        route: 'PUT /users/:id/grants',
        path: (id) => `/users/${id}/grants`,
        method: 'put',
        body: { grants: [{ role: 'analyst', countryCode: 'MX' }] },
        audited: 'user.grants.update',
        notAllowed,
        ownAccount,
        succeeded: async (res, targetId) => {
          expect(res.status).toBe(200);
          expect((await fingerprint(targetId))[0]).toMatchObject({
            grants: [['analyst', null, 'MX']],
          });
        },
      },
      {
        route: 'POST /users/:id/mfa/reset',
        path: (id) => `/users/${id}/mfa/reset`,
        method: 'post',
        body: { reason: 'Lost phone; identity checked by video call' },
        audited: 'user.mfa_reset',
        notAllowed: [403, 'MFA_RESET_NOT_ALLOWED'],
        ownAccount: [403, 'CANNOT_RESET_OWN_MFA'],
        succeeded: async (res, targetId) => {
          expect(res.status).toBe(200);
          expect((await fingerprint(targetId))[0]).toMatchObject({ mfa_enabled_at: null });
        },
      },
    ];

    const adminActors = ['adminMx', 'adminGt', 'system_admin'] as const;
    const expected: Record<(typeof adminActors)[number], Record<TargetName, Outcome>> = {
      adminMx: {
        'officer MX': 'success',
        'admin MX': 'not allowed',
        system_admin: 'not allowed',
        self: 'own account',
      },
      adminGt: {
        'officer MX': 'out of scope',
        'admin MX': 'out of scope',
        system_admin: 'out of scope',
        self: 'own account',
      },
      system_admin: {
        'officer MX': 'success',
        'admin MX': 'success',
        system_admin: 'success',
        self: 'own account',
      },
    };

    const targetGrants: Record<Exclude<TargetName, 'self'>, () => GrantSpec[]> = {
      'officer MX': () => [{ role: 'officer', consulateId: consulates.MX }],
      'admin MX': () => [{ role: 'admin', countryCode: 'MX' }],
      system_admin: () => [{ role: 'system_admin' }],
    };

    /** A user of MX with MFA on, so that every route has something to change. */
    async function target(name: Exclude<TargetName, 'self'>, disabled: boolean): Promise<string> {
      // The system_admin carries a country too: that must not put them in the hands of its admins.
      const { id } = await newUser('MX', targetGrants[name]());
      await stack.query(
        `UPDATE users SET mfa_secret = 'sealed', mfa_enabled_at = now(),
                          status = CASE WHEN $2 THEN 'disabled' ELSE status END WHERE id = $1`,
        [id, disabled],
      );
      return id;
    }

    /** A session of its own: on the old code, acting on oneself changed the account. */
    async function freshActor(who: (typeof adminActors)[number]): Promise<Session> {
      const grants: GrantSpec[] =
        who === 'system_admin'
          ? [{ role: 'system_admin' }]
          : [{ role: 'admin', countryCode: who === 'adminMx' ? 'MX' : 'GT' }];
      const user = await createUser(stack, grants, {
        countryCode: who === 'system_admin' ? null : undefined,
      });
      return signIn(app, user.email);
    }

    const lastEventOn = async (userId: string) =>
      (
        await stack.query<{
          action: string;
          outcome: string;
          actor_user_id: string;
          details: object;
        }>(
          `SELECT action, outcome, actor_user_id, details FROM audit_events
            WHERE resource_type = 'user' AND resource_id = $1 ORDER BY seq DESC LIMIT 1`,
          [userId],
        )
      )[0];

    const cells = actions.flatMap((action) =>
      adminActors.flatMap((actor) =>
        (Object.keys(expected[actor]) as TargetName[]).map((targetName) => ({
          route: action.route,
          action,
          actor,
          targetName,
          outcome: expected[actor][targetName],
        })),
      ),
    );

    it.each(cells)(
      '$route by $actor on $targetName: $outcome',
      async ({ action, actor, targetName, outcome }) => {
        const session = targetName === 'self' ? await freshActor(actor) : sessions[actor];
        const targetId =
          targetName === 'self'
            ? session.userId
            : await target(targetName, action.startsDisabled === true);
        const before = await fingerprint(targetId);
        const res = await call(
          action.method,
          action.path(targetId),
          session.accessToken,
          action.body,
        );
        if (outcome === 'success') {
          await action.succeeded(res, targetId);
          return;
        }
        if (outcome === 'not allowed') {
          expectProblem(res, ...action.notAllowed);
          expect(await lastEventOn(targetId)).toMatchObject({
            action: action.audited,
            outcome: 'denied',
            actor_user_id: session.userId,
          });
        } else if (outcome === 'own account') {
          expectProblem(res, ...action.ownAccount);
          expect((await call('get', '/me', session.accessToken)).status).toBe(200);
        } else {
          expectProblem(res, 404, 'USER_NOT_FOUND');
        }
        expect(await fingerprint(targetId)).toEqual(before);
      },
    );
  });

  describe('GET /audit-events', () => {
    let created: { id: string; requestId: string };

    beforeAll(async () => {
      const res = await call('post', '/users', as('adminMx'), {
        email: `audited-${randomUUID()}@amparo.test`,
        displayName: 'Auditada',
        grants: [{ role: 'analyst', countryCode: 'MX' }],
      });
      expect(res.status).toBe(201);
      created = { id: res.body.user.id, requestId: res.headers['x-request-id'] };
    });

    const events = async (actor: ActorName, query = '', limit = 200) =>
      (await listAll<AuditBody>(as(actor), `/audit-events${query}`, limit)).flat();

    it('shows an admin the creation it just made, attributed to it by id and name', async () => {
      const [admin] = await stack.query<{ displayName: string }>(
        'SELECT display_name AS "displayName" FROM users WHERE id = $1',
        [idOf('adminMx')],
      );
      const res = await call(
        'get',
        `/audit-events?action=user.create&resourceId=${created.id}`,
        as('adminMx'),
      );
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          action: 'user.create',
          outcome: 'success',
          actorId: idOf('adminMx'),
          actorName: admin.displayName,
          actorRoles: ['admin'],
          resourceType: 'user',
          resourceId: created.id,
          countryCode: 'MX',
          requestId: created.requestId,
        }),
      ]);
    });

    it('shows an admin only its country’s events, and a system_admin every country’s', async () => {
      const mx = await events('adminMx');
      expect(mx.length).toBeGreaterThan(0);
      expect(mx.filter((e) => e.countryCode !== 'MX')).toEqual([]);

      const all = await events('system_admin');
      const countries = new Set(all.map((e) => e.countryCode));
      expect(countries).toContain('MX');
      expect(countries).toContain('GT');
      const [{ count }] = await stack.query<{ count: string }>('SELECT count(*) FROM audit_events');
      expect(all).toHaveLength(Number(count));
    });

    it('filters by action, actor and resource', async () => {
      const logins = await events('system_admin', '?action=auth.login');
      expect(logins.length).toBeGreaterThanOrEqual(Object.keys(sessions).length);
      expect(logins.every((e) => e.action === 'auth.login')).toBe(true);

      const byGtAdmin = await events('system_admin', `?actorId=${idOf('adminGt')}`);
      expect(byGtAdmin.length).toBeGreaterThan(0);
      expect(byGtAdmin.every((e) => e.actorId === idOf('adminGt'))).toBe(true);

      const aboutCreated = await events(
        'system_admin',
        `?resourceType=user&resourceId=${created.id}`,
      );
      expect(aboutCreated.map((e) => e.action)).toContain('user.create');
      expect(aboutCreated.every((e) => e.resourceId === created.id)).toBe(true);
      expect(await events('system_admin', `?resourceType=case&resourceId=${created.id}`)).toEqual(
        [],
      );
    });

    it('filters by time, from inclusive and to exclusive', async () => {
      const [event] = await events('adminMx', `?action=user.create&resourceId=${created.id}`);
      const at = new Date(event.occurredAt);
      // occurredAt is cut to milliseconds (the database keeps microseconds): 2 ms is surely later.
      const later = new Date(at.getTime() + 2).toISOString();
      const found = async (range: string) =>
        (await events('adminMx', `?action=user.create&resourceId=${created.id}&${range}`)).map(
          (e) => e.id,
        );
      expect(await found(`from=${at.toISOString()}`)).toEqual([event.id]);
      expect(await found(`to=${later}`)).toEqual([event.id]);
      expect(await found(`from=${at.toISOString()}&to=${later}`)).toEqual([event.id]);
      expect(await found(`from=${later}`)).toEqual([]);
      expect(await found(`to=${at.toISOString()}`)).toEqual([]);
    });

    it('pages newest first with a cursor, without skipping or repeating events', async () => {
      const reference = await events('adminMx');
      // Enough events that seq crosses a power of ten (text order would differ from numeric).
      expect(reference.length).toBeGreaterThan(10);
      const newestFirst = (list: AuditBody[]) =>
        list.every(
          (e, i) =>
            i === 0 ||
            (BigInt(e.seq) < BigInt(list[i - 1].seq) &&
              Date.parse(e.occurredAt) <= Date.parse(list[i - 1].occurredAt)),
        );
      expect(newestFirst(reference)).toBe(true);
      const paged = await events('adminMx', '', 2);
      expect(newestFirst(paged)).toBe(true);
      expect(paged.map((e) => e.id)).toEqual(reference.map((e) => e.id));
    });

    it.each([
      ['that is garbage', 'not-a-cursor'],
      ['with a position that is not a number', Buffer.from('["abc"]').toString('base64url')],
    ])('refuses a cursor %s with 400 INVALID_CURSOR', async (_name, cursor) => {
      const res = await call('get', `/audit-events?cursor=${cursor}`, as('system_admin'));
      expectProblem(res, 400, 'INVALID_CURSOR');
    });
  });

  describe('GET /me', () => {
    it.each([
      {
        role: 'officer',
        who: 'officer',
        grants: () => [{ role: 'officer', consulateId: consulates.MX, countryCode: 'MX' }],
        mfa: false,
        permissions: [
          'cases:read',
          'cases:transfer',
          'cases:write',
          'crisis:read',
          'crisis:write',
          'directory:read',
          'practices:read',
          'statistics:read',
        ],
      },
      {
        role: 'consul',
        who: 'consul',
        grants: () => [{ role: 'consul', consulateId: consulates.MX, countryCode: 'MX' }],
        mfa: false,
        permissions: [
          'cases:approve_closure',
          'cases:assign',
          'cases:read',
          'cases:read_restricted',
          'cases:transfer',
          'cases:write',
          'consent:review_overrides',
          'crisis:manage',
          'crisis:read',
          'crisis:write',
          'directory:read',
          'practices:read',
          'practices:submit',
          'statistics:read',
        ],
      },
      {
        role: 'supervisor',
        who: 'supervisor',
        grants: () => [{ role: 'supervisor', consulateId: null, countryCode: 'MX' }],
        mfa: true,
        permissions: [
          'cases:assign',
          'cases:export',
          'cases:read',
          'cases:transfer',
          'consent:review_overrides',
          'crisis:manage',
          'crisis:read',
          'directory:read',
          'practices:read',
          'statistics:export',
          'statistics:read',
        ],
      },
      {
        role: 'analyst',
        who: 'analyst',
        grants: () => [{ role: 'analyst', consulateId: null, countryCode: 'MX' }],
        mfa: false,
        permissions: ['directory:read', 'practices:read', 'statistics:export', 'statistics:read'],
      },
      {
        role: 'admin',
        who: 'adminMx',
        grants: () => [{ role: 'admin', consulateId: null, countryCode: 'MX' }],
        mfa: true,
        permissions: [
          'audit:read',
          'consulates:manage',
          'directory:manage',
          'directory:read',
          'export_signing_key:read',
          'practices:read',
          'practices:submit',
          'users:manage',
          'users:read',
        ],
      },
      {
        role: 'system_admin',
        who: 'system_admin',
        grants: () => [{ role: 'system_admin', consulateId: null, countryCode: null }],
        mfa: true,
        permissions: [
          'audit:read',
          'consulates:manage',
          'countries:manage',
          'directory:manage',
          'directory:read',
          'export_signing_key:read',
          'practices:read',
          'system:diagnose',
          'users:manage',
          'users:read',
        ],
      },
      {
        role: 'network_secretariat',
        who: 'secretariat',
        grants: () => [{ role: 'network_secretariat', consulateId: null, countryCode: null }],
        mfa: true,
        permissions: ['practices:read', 'practices:review', 'regional:manage', 'regional:read'],
      },
    ] as {
      role: string;
      who: ActorName;
      grants: () => object[];
      mfa: boolean;
      permissions: string[];
    }[])(
      'returns the grants and permissions of the $role role',
      async ({ who, grants, mfa, permissions }) => {
        const res = await call('get', '/me', as(who));
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: idOf(who), mfaEnabled: mfa, grants: grants() });
        expect(res.body.permissions).toEqual([...permissions].sort());
      },
    );

    it('gives officers case work but not user administration, and admins the reverse', async () => {
      const officer = (await call('get', '/me', as('officer'))).body.permissions as string[];
      expect(officer).toContain('cases:write');
      expect(officer).not.toContain('users:manage');
      const admin = (await call('get', '/me', as('adminMx'))).body.permissions as string[];
      expect(admin).toContain('users:manage');
      expect(admin).not.toContain('cases:read');
    });
  });
});
