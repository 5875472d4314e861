import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import {
  GrantSpec,
  TEST_PASSWORD,
  createConsulate,
  createOrganisation,
  createUser,
  signIn,
} from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';
import { jsonWithoutIds } from './utils/without-ids';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Actor = 'systemAdmin' | 'adminMx' | 'adminGt' | 'focalPoint';
type Org = 'mx' | 'otherMx' | 'gt' | 'unmanaged';

/**
 * An organisation's focal point: granted by a system_admin, or by the admin of the country that
 * manages the organisation; edits that organisation's directory entry and nothing else.
 */
describe('Organisation focal points', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const tokens = {} as Record<Actor, string>;
  const orgs = {} as Record<Org, string>;
  let focalPointId: string;
  let consulateMx: string;

  const call = (method: Method, path: string, token?: string, body?: object) => {
    let req = request(app.getHttpServer())[method](`/api/v1${path}`).set('Accept-Language', 'en');
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body);
  };
  const as = (actor: Actor) => tokens[actor];
  const expectProblem = (res: request.Response, status: number, code: string) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  const fieldErrors = (res: request.Response) =>
    (res.body.errors as { field: string; code: string }[]).map(({ field, code }) => ({
      field,
      code,
    }));

  const storedGrants = (userId: string) =>
    stack.query(
      `SELECT role, consulate_id AS "consulateId", country_code AS "countryCode",
              organisation_id AS "organisationId"
         FROM role_grants WHERE user_id = $1 ORDER BY role`,
      [userId],
    );
  const storedOrganisation = async (id: string) =>
    (
      await stack.query(
        `SELECT name, acronym, description, services, coverage_countries, coverage_subdivisions,
                languages, email, phone, website, address, managed_by_country_code, active, updated_at
           FROM organisations WHERE id = $1`,
        [id],
      )
    )[0];
  const auditEvents = (action: string, resourceId: string) =>
    stack.query<{
      actorId: string;
      actorRoles: string[];
      countryCode: string | null;
      outcome: string;
      details: Record<string, unknown>;
    }>(
      `SELECT actor_user_id AS "actorId", actor_roles AS "actorRoles", country_code AS "countryCode",
              outcome, details
         FROM audit_events WHERE action = $1 AND resource_id = $2 ORDER BY seq`,
      [action, resourceId],
    );

  const newUserBody = (grants: object[], countryCode?: string) => ({
    email: `focal-${randomUUID()}@amparo.test`,
    displayName: 'Lucía Punto Focal',
    ...(countryCode && { countryCode }),
    grants,
  });
  const focal = (organisationId: string) => ({
    role: 'organisation_focal_point',
    organisationId,
  });

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    consulateMx = await createConsulate(stack, 'MX');
    orgs.mx = await createOrganisation(stack, 'MX', 'Casa Refugio MX');
    orgs.otherMx = await createOrganisation(stack, 'MX', 'Otra Casa MX');
    orgs.gt = await createOrganisation(stack, 'GT', 'Albergue GT');
    orgs.unmanaged = await createOrganisation(stack, null, 'Red Regional');
    const users: Record<Exclude<Actor, 'focalPoint'>, GrantSpec[]> = {
      systemAdmin: [{ role: 'system_admin' }],
      adminMx: [{ role: 'admin', countryCode: 'MX' }],
      adminGt: [{ role: 'admin', countryCode: 'GT' }],
    };
    for (const [actor, grants] of Object.entries(users)) {
      const user = await createUser(stack, grants);
      tokens[actor as Actor] = (await signIn(app, user.email)).accessToken;
    }
    const focalPoint = await createUser(stack, [focal(orgs.mx)], { countryCode: 'MX' });
    focalPointId = focalPoint.id;
    tokens.focalPoint = (await signIn(app, focalPoint.email)).accessToken;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  describe('granting the role', () => {
    it("lets a country admin make a user the focal point of an organisation its country manages, with the organisation's country", async () => {
      const body = newUserBody([focal(orgs.mx)]);
      const res = await call('post', '/users', as('adminMx'), body);
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ email: body.email, countryCode: 'MX' });
      expect(res.body.user.grants).toEqual([
        {
          role: 'organisation_focal_point',
          consulateId: null,
          countryCode: 'MX',
          organisationId: orgs.mx,
        },
      ]);
      expect(await storedGrants(res.body.user.id)).toEqual([
        {
          role: 'organisation_focal_point',
          consulateId: null,
          countryCode: 'MX',
          organisationId: orgs.mx,
        },
      ]);
      const [created] = await auditEvents('user.create', res.body.user.id);
      expect(created).toMatchObject({
        countryCode: 'MX',
        outcome: 'success',
        details: { roles: ['organisation_focal_point'] },
      });
      // The admin that manages the organisation administers its focal point, as any user it granted.
      const read = await call('get', `/users/${res.body.user.id}`, as('adminMx'));
      expect(read.status).toBe(200);
      expect(read.body.grants[0].organisationId).toBe(orgs.mx);
      expectProblem(
        await call('get', `/users/${res.body.user.id}`, as('adminGt')),
        404,
        'USER_NOT_FOUND',
      );
    });

    it('lets a system_admin grant it for any organisation, one managed by system_admins only included', async () => {
      for (const [org, country] of [
        ['gt', 'GT'],
        ['unmanaged', null],
      ] as const) {
        const res = await call(
          'post',
          '/users',
          as('systemAdmin'),
          newUserBody([focal(orgs[org])]),
        );
        expect(res.status).toBe(201);
        expect(res.body.user.grants).toEqual([
          {
            role: 'organisation_focal_point',
            consulateId: null,
            countryCode: country,
            organisationId: orgs[org],
          },
        ]);
      }
    });

    it("lets a system_admin turn an officer's account into a focal point's by replacing its grants", async () => {
      const user = await createUser(stack, [{ role: 'officer', consulateId: consulateMx }]);
      const res = await call('put', `/users/${user.id}/grants`, as('systemAdmin'), {
        grants: [focal(orgs.gt)],
      });
      expect(res.status).toBe(200);
      expect(await storedGrants(user.id)).toEqual([
        {
          role: 'organisation_focal_point',
          consulateId: null,
          countryCode: 'GT',
          organisationId: orgs.gt,
        },
      ]);
      const [updated] = await auditEvents('user.grants.update', user.id);
      expect(updated.details).toEqual({ roles: ['organisation_focal_point'] });
    });

    it.each([
      {
        refusal: 'an unknown organisation',
        actor: 'systemAdmin',
        grants: () => [focal(randomUUID())],
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'grants.0.organisationId', code: 'UNKNOWN_ORGANISATION' }],
      },
      {
        refusal: 'no organisation',
        actor: 'adminMx',
        grants: () => [{ role: 'organisation_focal_point' }],
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'grants.0.organisationId', code: 'UNKNOWN_ORGANISATION' }],
      },
      {
        refusal: 'an organisation id that is not a UUID',
        actor: 'adminMx',
        grants: () => [focal('casa-refugio')],
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'grants.0.organisationId', code: 'NOT_A_UUID' }],
      },
      {
        refusal: 'an organisation another country manages',
        actor: 'adminMx',
        grants: () => [focal(orgs.gt)],
        status: 403,
        code: 'GRANT_NOT_ALLOWED',
        errors: [{ field: 'grants.0.organisationId', code: 'GRANT_NOT_ALLOWED' }],
      },
      {
        refusal: 'an organisation only system_admins manage',
        actor: 'adminMx',
        grants: () => [focal(orgs.unmanaged)],
        status: 403,
        code: 'GRANT_NOT_ALLOWED',
        errors: [{ field: 'grants.0.organisationId', code: 'GRANT_NOT_ALLOWED' }],
      },
      {
        refusal: 'a country besides the organisation',
        actor: 'adminMx',
        grants: () => [{ ...focal(orgs.mx), countryCode: 'MX' }],
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'grants.0', code: 'ORGANISATION_ONLY' }],
      },
      {
        refusal: 'an organisation on another role',
        actor: 'adminMx',
        grants: () => [{ role: 'officer', consulateId: consulateMx, organisationId: orgs.mx }],
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'grants.0.organisationId', code: 'NO_ORGANISATION_ALLOWED' }],
      },
      {
        refusal: 'another role on the same account',
        actor: 'adminMx',
        grants: () => [{ role: 'analyst', countryCode: 'MX' }, focal(orgs.mx)],
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'grants.1.role', code: 'FOCAL_POINT_ALONE' }],
      },
      {
        refusal: 'two organisations on one account',
        actor: 'systemAdmin',
        grants: () => [focal(orgs.mx), focal(orgs.otherMx)],
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'grants.0.role', code: 'FOCAL_POINT_ALONE' }],
      },
    ] as {
      refusal: string;
      actor: Actor;
      grants: () => object[];
      status: number;
      code: string;
      errors: { field: string; code: string }[];
    }[])(
      'refuses a new user with $refusal: $status $code, and creates nothing',
      async ({ actor, grants, status, code, errors }) => {
        const body = newUserBody(grants(), 'MX');
        const res = await call('post', '/users', as(actor), body);
        expectProblem(res, status, code);
        expect(fieldErrors(res)).toEqual(errors);
        expect(await stack.query('SELECT id FROM users WHERE email = $1', [body.email])).toEqual(
          [],
        );
      },
    );

    it("refuses a country admin that would make its user another country's focal point, and leaves the grants alone", async () => {
      const user = await createUser(stack, [{ role: 'officer', consulateId: consulateMx }], {
        countryCode: 'MX',
      });
      const before = await storedGrants(user.id);
      const res = await call('put', `/users/${user.id}/grants`, as('adminMx'), {
        grants: [focal(orgs.gt)],
      });
      expectProblem(res, 403, 'GRANT_NOT_ALLOWED');
      expect(fieldErrors(res)).toEqual([
        { field: 'grants.0.organisationId', code: 'GRANT_NOT_ALLOWED' },
      ]);
      expect(await storedGrants(user.id)).toEqual(before);
      expect(await auditEvents('user.grants.update', user.id)).toEqual([]);
    });

    it('keeps a second focal-point grant out of one account in the database too', async () => {
      await expect(
        stack.query(
          `INSERT INTO role_grants (user_id, role, country_code, organisation_id) VALUES ($1, 'organisation_focal_point', 'GT', $2)`,
          [focalPointId, orgs.gt],
        ),
      ).rejects.toThrow(/uq_role_grants_focal_point_user_id/);
      await expect(
        stack.query(
          `INSERT INTO role_grants (user_id, role, country_code, organisation_id) VALUES ($1, 'analyst', 'MX', $2)`,
          [focalPointId, orgs.mx],
        ),
      ).rejects.toThrow(/ck_role_grants_scope/);
    });
  });

  describe('signing in', () => {
    it('makes the focal point enrol a second factor at the first sign-in', async () => {
      const user = await createUser(stack, [focal(orgs.otherMx)], { countryCode: 'MX' });
      const login = await request(app.getHttpServer())
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({ mfaEnrolmentRequired: true, challengeType: 'mfa_enrol' });
      expect(login.body.accessToken).toBeUndefined();
    });

    it('shows the focal point their organisation and their one permission on /me', async () => {
      const res = await call('get', '/me', as('focalPoint'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: focalPointId,
        mfaEnabled: true,
        grants: [
          {
            role: 'organisation_focal_point',
            consulateId: null,
            countryCode: 'MX',
            organisationId: orgs.mx,
          },
        ],
        permissions: ['organisation:edit_own'],
      });
    });
  });

  describe('their own organisation', () => {
    it('reads the entry of their organisation', async () => {
      const res = await call('get', '/my-organisation', as('focalPoint'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: orgs.mx,
        name: 'Casa Refugio MX',
        managedByCountryCode: 'MX',
        active: true,
      });
    });

    it('updates it, clears optional fields with null, and audits the fields without their values', async () => {
      const set = await call('patch', '/my-organisation', as('focalPoint'), {
        phone: '+52 55 5555 0101',
        email: 'contacto@casarefugio.example',
        languages: ['es', 'mam'],
        services: ['shelter', 'legal_aid'],
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({
        id: orgs.mx,
        phone: '+52 55 5555 0101',
        email: 'contacto@casarefugio.example',
        languages: ['es', 'mam'],
        services: ['shelter', 'legal_aid'],
      });

      const cleared = await call('patch', '/my-organisation', as('focalPoint'), {
        email: null,
        description: 'Albergue para familias migrantes',
      });
      expect(cleared.status).toBe(200);
      const stored = await storedOrganisation(orgs.mx);
      expect(stored).toMatchObject({
        email: null,
        phone: '+52 55 5555 0101',
        description: 'Albergue para familias migrantes',
        name: 'Casa Refugio MX',
        managed_by_country_code: 'MX',
        active: true,
      });

      const events = await auditEvents('organisation.update', orgs.mx);
      expect(events.slice(-2)).toEqual([
        {
          actorId: focalPointId,
          actorRoles: ['organisation_focal_point'],
          countryCode: 'MX',
          outcome: 'success',
          details: { fields: ['phone', 'email', 'languages', 'services'], cleared: [] },
        },
        {
          actorId: focalPointId,
          actorRoles: ['organisation_focal_point'],
          countryCode: 'MX',
          outcome: 'success',
          details: { fields: ['email', 'description'], cleared: ['email'] },
        },
      ]);
      expect(jsonWithoutIds(events)).not.toMatch(/casarefugio|5555|familias/);
    });

    it.each([
      ['its state', { active: false }, 'active'],
      ['its managing country', { managedByCountryCode: 'GT' }, 'managedByCountryCode'],
      ['a required field to null', { name: null }, 'name'],
      [
        'a subdivision outside the covered countries',
        { coverageSubdivisions: ['GT-QC'] },
        'coverageSubdivisions.0',
      ],
      ['an unknown field', { id: randomUUID() }, 'id'],
    ])('refuses an update of %s with 400 and changes nothing', async (_name, body, field) => {
      const before = await storedOrganisation(orgs.mx);
      const res = await call('patch', '/my-organisation', as('focalPoint'), body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(fieldErrors(res).map((e) => e.field)).toContain(field);
      expect(await storedOrganisation(orgs.mx)).toEqual(before);
    });

    it('cannot read or change another organisation, nor its own through the administrators’ routes', async () => {
      for (const id of [orgs.otherMx, orgs.mx]) {
        const before = await storedOrganisation(id);
        expectProblem(
          await call('get', `/organisations/${id}`, as('focalPoint')),
          403,
          'FORBIDDEN',
        );
        expectProblem(
          await call('patch', `/organisations/${id}`, as('focalPoint'), { active: false }),
          403,
          'FORBIDDEN',
        );
        expect(await storedOrganisation(id)).toEqual(before);
      }
      expectProblem(
        await call('post', '/organisations', as('focalPoint'), {
          name: 'Nueva',
          type: 'civil_society',
          services: ['shelter'],
          coverageCountries: ['MX'],
        }),
        403,
        'FORBIDDEN',
      );
    });

    it('answers /my-organisation with 403 to anyone who is no focal point, and 401 without a token', async () => {
      for (const actor of ['adminMx', 'systemAdmin'] as const) {
        expectProblem(await call('get', '/my-organisation', as(actor)), 403, 'FORBIDDEN');
        expectProblem(
          await call('patch', '/my-organisation', as(actor), { phone: '+1 555 0100' }),
          403,
          'FORBIDDEN',
        );
      }
      expectProblem(await call('get', '/my-organisation'), 401, 'UNAUTHENTICATED');
    });

    it('follows the grant: a focal point moved to another organisation edits that one at once', async () => {
      const user = await createUser(stack, [focal(orgs.otherMx)], { countryCode: 'MX' });
      const { accessToken, mfaSecret } = await signIn(app, user.email);
      expect((await call('get', '/my-organisation', accessToken)).body.id).toBe(orgs.otherMx);
      const moved = await call('put', `/users/${user.id}/grants`, as('adminMx'), {
        grants: [focal(orgs.mx)],
      });
      expect(moved.status).toBe(200);
      // New grants end the sessions: the old token no longer opens anything.
      expectProblem(await call('get', '/my-organisation', accessToken), 401, 'UNAUTHENTICATED');
      const again = await signIn(app, user.email, TEST_PASSWORD, mfaSecret);
      expect((await call('get', '/my-organisation', again.accessToken)).body.id).toBe(orgs.mx);
    });
  });

  describe('everything else', () => {
    /** Routes a focal point may call: their own account and session, their organisation, reference data. */
    const OPEN_TO_FOCAL_POINTS = [
      'GET /api/v1/me',
      'GET /api/v1/auth/mfa',
      'GET /api/v1/my-organisation',
      'GET /api/v1/code-lists',
      'GET /api/v1/countries',
      'GET /api/v1/countries/{code}/subdivisions',
    ];
    const document = JSON.parse(readFileSync(join(__dirname, '../docs/openapi.json'), 'utf8')) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const gets = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => method === 'get')
        .map(([, operation]) => ({
          route: `GET ${path}`,
          path,
          public: (operation.security ?? []).length === 0,
        })),
    );

    it('finds the GET routes in the OpenAPI document', () => {
      expect(gets.length).toBeGreaterThan(25);
      for (const route of OPEN_TO_FOCAL_POINTS) expect(gets.map((g) => g.route)).toContain(route);
    });

    it.each(gets.filter((g) => !g.public))(
      'answers $route to a focal point as the allow-list says',
      async ({ route, path }) => {
        const concrete = path
          .replace('/api/v1', '')
          .replace('{code}', 'MX')
          .replace(/\{\w+\}/g, () => randomUUID());
        const res = await call('get', concrete, as('focalPoint'));
        if (OPEN_TO_FOCAL_POINTS.includes(route)) expect(res.status).toBe(200);
        else expectProblem(res, 403, 'FORBIDDEN');
      },
    );
  });
});
