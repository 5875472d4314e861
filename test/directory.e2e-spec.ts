import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Session, createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Method = 'get' | 'post' | 'patch' | 'delete';
type Actor =
  'systemAdmin' | 'adminMx' | 'adminGt' | 'officer' | 'consul' | 'supervisor' | 'analyst';

interface ConsulateBody {
  id: string;
  sendingCountryCode: string;
  postCode: string;
  name: string;
  type: string;
  hostCountryCode: string;
  city: string;
  jurisdiction: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  deactivatedAt: string | null;
}

interface OfficialBody {
  id: string;
  consulateId: string;
  postCode: string;
  consulateName: string;
  sendingCountryCode: string;
  hostCountryCode: string;
  city: string;
  name: string;
  title: string;
  accreditedFrom: string;
  accreditedTo: string | null;
  topics: string[];
}

interface OrganisationBody {
  id: string;
  name: string;
  type: string;
  services: string[];
  coverageCountries: string[];
  coverageSubdivisions: string[];
  languages: string[];
  managedByCountryCode: string | null;
  active: boolean;
}

interface Listed {
  id: string;
}

const MEMBERS = ['BZ', 'CA', 'CR', 'DO', 'GT', 'HN', 'MX', 'NI', 'PA', 'SV', 'US'];
const CSV_HEADERS = {
  es: [
    'País que envía',
    'Código de sede',
    'Consulado',
    'País receptor',
    'Ciudad',
    'Nombre',
    'Cargo',
    'Acreditación desde',
    'Acreditación hasta',
    'Temas de enlace',
    'Correo de trabajo',
    'Teléfono de trabajo',
  ],
  en: [
    'Sending country',
    'Post code',
    'Consulate',
    'Host country',
    'City',
    'Name',
    'Title',
    'Accredited from',
    'Accredited to',
    'Focal-point topics',
    'Work email',
    'Work phone',
  ],
};

const tag = () => randomUUID().replace(/-/g, '').slice(0, 10);
const postCode = () => tag().slice(0, 7).toUpperCase();

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('Directory: countries, consulates, officials and organisations', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const sessions = {} as Record<Actor, Session>;

  const http = () => request(app.getHttpServer());
  const call = (
    method: Method,
    path: string,
    token?: string,
    body?: object,
    language?: string,
  ): request.Test => {
    let req = http()[method](`/api/v1${path}`);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    if (language) req = req.set('Accept-Language', language);
    return body === undefined ? req : req.send(body);
  };
  const as = (actor: Actor) => sessions[actor].accessToken;

  const expectProblem = (res: request.Response, status: number, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };
  const fieldErrors = (res: request.Response) =>
    (res.body.errors as { field: string; code: string }[]).map(({ field, code }) => ({
      field,
      code,
    }));

  /** Every row of the three directory tables: compared before and after a refused request. */
  const directoryState = () =>
    stack.query(`
      SELECT (SELECT count(*)::int FROM consulates) AS consulates,
             (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM consulates t) AS consulate_rows,
             (SELECT count(*)::int FROM officials) AS officials,
             (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM officials t) AS official_rows,
             (SELECT count(*)::int FROM organisations) AS organisations,
             (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM organisations t) AS organisation_rows`);

  /** Sends a request that must be refused and checks that no directory row changed. */
  const expectRefusedWithoutChange = async (
    send: () => request.Test,
    status: number,
    code: string,
  ): Promise<request.Response> => {
    const before = await directoryState();
    const res = await send();
    expectProblem(res, status, code);
    expect(await directoryState()).toEqual(before);
    return res;
  };

  const consulateBody = (overrides: Record<string, unknown> = {}) => ({
    sendingCountryCode: 'MX',
    postCode: postCode(),
    name: `Consulado General de México en Los Ángeles ${tag()}`,
    type: 'consulate_general',
    hostCountryCode: 'US',
    city: 'Los Angeles',
    jurisdiction: ['US-CA'],
    ...overrides,
  });
  const officialBody = (consulateId: string, overrides: Record<string, unknown> = {}) => ({
    consulateId,
    name: `Funcionario ${tag()}`,
    title: 'Cónsul titular',
    accreditedFrom: '2024-01-01',
    topics: ['children'],
    ...overrides,
  });
  const organisationBody = (overrides: Record<string, unknown> = {}) => ({
    name: `Organización ${tag()}`,
    type: 'civil_society',
    services: ['legal_aid'],
    coverageCountries: ['MX'],
    ...overrides,
  });

  const created = async <T>(res: request.Response, resource: string): Promise<T> => {
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    expect(res.headers.location).toBe(`/api/v1/${resource}/${res.body.id}`);
    return res.body as T;
  };
  const createPost = async (actor: Actor, overrides: Record<string, unknown> = {}) =>
    created<ConsulateBody>(
      await call('post', '/consulates', as(actor), consulateBody(overrides)),
      'consulates',
    );
  const createOfficial = async (
    actor: Actor,
    consulateId: string,
    overrides: Record<string, unknown> = {},
  ) =>
    created<OfficialBody>(
      await call('post', '/officials', as(actor), officialBody(consulateId, overrides)),
      'officials',
    );
  const createOrganisation = async (actor: Actor, overrides: Record<string, unknown> = {}) =>
    created<OrganisationBody>(
      await call('post', '/organisations', as(actor), organisationBody(overrides)),
      'organisations',
    );

  /** The items of one full list (asserting it fits in one page), keyed back to test names. */
  const listed = async (path: string, names: Map<string, string>): Promise<string[]> => {
    const separator = path.includes('?') ? '&' : '?';
    const res = await call('get', `${path}${separator}limit=200`, as('officer'));
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    return (res.body.items as Listed[])
      .map((item) => names.get(item.id))
      .filter((name): name is string => name !== undefined)
      .sort();
  };

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    const officerPost = await createConsulate(stack, 'MX');
    const users: Record<Actor, Promise<{ email: string }>> = {
      systemAdmin: createUser(stack, [{ role: 'system_admin' }], { countryCode: null }),
      adminMx: createUser(stack, [{ role: 'admin', countryCode: 'MX' }]),
      adminGt: createUser(stack, [{ role: 'admin', countryCode: 'GT' }]),
      officer: createUser(stack, [{ role: 'officer', consulateId: officerPost }], {
        countryCode: 'MX',
      }),
      consul: createUser(stack, [{ role: 'consul', consulateId: officerPost }], {
        countryCode: 'MX',
      }),
      supervisor: createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]),
      analyst: createUser(stack, [{ role: 'analyst', countryCode: 'MX' }]),
    };
    for (const [name, user] of Object.entries(users)) {
      sessions[name as Actor] = await signIn(app, (await user).email);
    }
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  describe('countries and subdivisions', () => {
    it('lists the 249 ISO countries with exactly the 11 network members flagged', async () => {
      const all = await call('get', '/countries', as('officer'));
      expect(all.status).toBe(200);
      expect(all.body.items).toHaveLength(249);
      expect(all.body.nextCursor).toBeNull();
      const countries = all.body.items as { code: string; member: boolean }[];
      expect(countries.filter((c) => c.member).map((c) => c.code)).toEqual(MEMBERS);
      const byCode = new Map(countries.map((c) => [c.code, c]));
      expect(byCode.get('MX')).toEqual({
        code: 'MX',
        alpha3: 'MEX',
        numeric: '484',
        nameEs: 'México',
        nameEn: 'Mexico',
        member: true,
      });
      expect(byCode.get('DO')).toMatchObject({
        nameEs: 'República Dominicana',
        nameEn: 'Dominican Republic',
        member: true,
      });
      expect(byCode.get('FR')).toMatchObject({ nameEs: 'Francia', member: false });
    });

    it('filters members and non-members', async () => {
      const members = await call('get', '/countries?member=true', as('officer'));
      expect(members.status).toBe(200);
      expect(members.body.items.map((c: { code: string }) => c.code)).toEqual(MEMBERS);
      for (const country of members.body.items) expect(country.member).toBe(true);

      const others = await call('get', '/countries?member=false', as('officer'));
      expect(others.body.items).toHaveLength(249 - 11);
      for (const country of others.body.items) expect(country.member).toBe(false);
    });

    it.each([
      ['mexico', 'MX'],
      ['MÉXICO', 'MX'],
      ['republica dominicana', 'DO'],
      ['Dominican', 'DO'],
    ])('finds a country by q=%s ignoring accents and case', async (q, code) => {
      const res = await call('get', `/countries?q=${encodeURIComponent(q)}`, as('analyst'));
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: { code: string }) => c.code)).toContain(code);
      expect(res.body.items.length).toBeLessThan(5);
    });

    it('lists the 22 departments of Guatemala under their ISO 3166-2 codes', async () => {
      const res = await call('get', '/countries/GT/subdivisions', as('officer'));
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      const codes = Array.from({ length: 22 }, (_, i) => `GT-${String(i + 1).padStart(2, '0')}`);
      expect(res.body.items.map((s: { code: string }) => s.code)).toEqual(codes);
      expect(res.body.items[0]).toEqual({
        code: 'GT-01',
        countryCode: 'GT',
        name: 'Guatemala',
        type: 'Department',
      });
      expect(res.body.items.find((s: { code: string }) => s.code === 'GT-16')).toMatchObject({
        name: 'Alta Verapaz',
      });
    });

    it('searches subdivisions by name ignoring accents and case', async () => {
      const res = await call('get', '/countries/GT/subdivisions?q=QUICHE', as('officer'));
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        { code: 'GT-14', countryCode: 'GT', name: 'Quiché', type: 'Department' },
      ]);
      const mx = await call(
        'get',
        `/countries/MX/subdivisions?q=${encodeURIComponent('ciudad de mexico')}`,
        as('officer'),
      );
      expect(mx.body.items.map((s: { code: string }) => s.code)).toEqual(['MX-CMX']);
    });

    it('answers 404 COUNTRY_NOT_FOUND for the subdivisions of an unknown country', async () => {
      const res = await call('get', '/countries/ZZ/subdivisions', as('officer'));
      expectProblem(res, 404, 'COUNTRY_NOT_FOUND');
    });
  });

  describe('consulates', () => {
    it('lets an admin of Mexico create, read, list, update, deactivate and reactivate a post', async () => {
      const body = consulateBody({
        name: 'Consulado de México en San Bernardino',
        city: 'San Bernardino',
        address: '293 North D St',
        phone: '+1 909 889 9836',
        email: 'consulado@example.org',
        website: 'https://consulmex.example.org',
      });
      const res = await call('post', '/consulates', as('adminMx'), body);
      const post = await created<ConsulateBody>(res, 'consulates');
      expect(post).toMatchObject({
        ...body,
        active: true,
        deactivatedAt: null,
        emergencyPhone: null,
      });

      const read = await call('get', `/consulates/${post.id}`, as('adminMx'));
      expect(read.status).toBe(200);
      expect(read.body).toEqual(post);

      const list = await call(
        'get',
        `/consulates?sendingCountryCode=MX&q=${encodeURIComponent('san bernardino')}`,
        as('adminMx'),
      );
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([post]);

      const update = await call('patch', `/consulates/${post.id}`, as('adminMx'), {
        city: 'Riverside',
        type: 'consulate',
        jurisdiction: ['US-CA', 'US-NV'],
        emergencyPhone: '+1 909 555 0199',
      });
      expect(update.status).toBe(200);
      expect(update.body).toMatchObject({
        id: post.id,
        postCode: post.postCode,
        name: post.name,
        city: 'Riverside',
        type: 'consulate',
        jurisdiction: ['US-CA', 'US-NV'],
        emergencyPhone: '+1 909 555 0199',
        email: 'consulado@example.org',
      });
      expect(Date.parse(update.body.updatedAt)).toBeGreaterThan(Date.parse(post.updatedAt));
      expect((await call('get', `/consulates/${post.id}`, as('officer'))).body).toEqual(
        update.body,
      );

      const off = await call('post', `/consulates/${post.id}/deactivate`, as('adminMx'));
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ id: post.id, active: false, city: 'Riverside' });
      expect(Date.parse(off.body.deactivatedAt)).not.toBeNaN();

      const on = await call('post', `/consulates/${post.id}/reactivate`, as('adminMx'));
      expect(on.status).toBe(200);
      expect(on.body).toMatchObject({ id: post.id, active: true, deactivatedAt: null });
    });

    it('lets a system_admin manage posts of any member country', async () => {
      const post = await createPost('systemAdmin', {
        sendingCountryCode: 'GT',
        hostCountryCode: 'MX',
        city: 'Tapachula',
        jurisdiction: ['MX-CHP'],
      });
      expect(post).toMatchObject({ sendingCountryCode: 'GT', jurisdiction: ['MX-CHP'] });
      const update = await call('patch', `/consulates/${post.id}`, as('systemAdmin'), {
        city: 'Tuxtla Gutiérrez',
      });
      expect(update.status).toBe(200);
      expect(update.body.city).toBe('Tuxtla Gutiérrez');
      const off = await call('post', `/consulates/${post.id}/deactivate`, as('systemAdmin'));
      expect(off.body.active).toBe(false);
      const on = await call('post', `/consulates/${post.id}/reactivate`, as('systemAdmin'));
      expect(on.body.active).toBe(true);
    });

    it.each([
      {
        refusal: 'an unknown ISO country as host',
        actor: 'adminMx' as Actor,
        body: { hostCountryCode: 'XX', jurisdiction: [] },
        error: { field: 'hostCountryCode', code: 'UNKNOWN_COUNTRY' },
      },
      {
        refusal: 'a sending country that is not a network member',
        actor: 'systemAdmin' as Actor,
        body: { sendingCountryCode: 'FR' },
        error: { field: 'sendingCountryCode', code: 'NOT_A_MEMBER_COUNTRY' },
      },
      {
        refusal: 'a jurisdiction outside the host country',
        actor: 'adminMx' as Actor,
        body: { hostCountryCode: 'US', jurisdiction: ['MX-JAL'] },
        error: { field: 'jurisdiction.0', code: 'SUBDIVISION_OUTSIDE_COUNTRY' },
      },
      {
        refusal: 'an unknown field',
        actor: 'adminMx' as Actor,
        body: { colour: 'green' },
        error: { field: 'colour', code: 'UNKNOWN_FIELD' },
      },
    ])('refuses $refusal with 400 and changes nothing', async ({ actor, body, error }) => {
      const res = await expectRefusedWithoutChange(
        () => call('post', '/consulates', as(actor), consulateBody(body)),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldErrors(res)).toEqual([error]);
    });

    it('explains validation problems in Spanish by default and in English on request', async () => {
      const body = consulateBody({ hostCountryCode: 'XX', jurisdiction: [] });
      const es = await expectRefusedWithoutChange(
        () => call('post', '/consulates', as('adminMx'), body),
        400,
        'VALIDATION_FAILED',
      );
      expect(es.body).toMatchObject({
        title: 'Solicitud no válida',
        errors: [
          {
            field: 'hostCountryCode',
            code: 'UNKNOWN_COUNTRY',
            message: 'No es un código de país ISO 3166-1.',
          },
        ],
      });
      const en = await expectRefusedWithoutChange(
        () => call('post', '/consulates', as('adminMx'), body, 'en'),
        400,
        'VALIDATION_FAILED',
      );
      expect(en.body).toMatchObject({
        title: 'Invalid request',
        errors: [
          {
            field: 'hostCountryCode',
            code: 'UNKNOWN_COUNTRY',
            message: 'Not an ISO 3166-1 country code.',
          },
        ],
      });
    });

    it('refuses a post code already used in the same sending country, but not in another', async () => {
      const first = await createPost('adminMx');
      const duplicate = await expectRefusedWithoutChange(
        () =>
          call('post', '/consulates', as('adminMx'), consulateBody({ postCode: first.postCode })),
        409,
        'POST_CODE_TAKEN',
      );
      expect(duplicate.body.detail).toContain(first.postCode);
      const elsewhere = await createPost('systemAdmin', {
        sendingCountryCode: 'GT',
        postCode: first.postCode,
      });
      expect(elsewhere).toMatchObject({ sendingCountryCode: 'GT', postCode: first.postCode });
    });

    it.each([
      {
        refusal: 'a new sending country',
        body: { sendingCountryCode: 'GT' },
        field: 'sendingCountryCode',
        code: 'UNKNOWN_FIELD',
      },
      {
        refusal: 'a new post code',
        body: { postCode: 'NEW1' },
        field: 'postCode',
        code: 'UNKNOWN_FIELD',
      },
      {
        refusal: 'a jurisdiction outside the host country',
        body: { jurisdiction: ['US-CA', 'GT-01'] },
        field: 'jurisdiction.1',
        code: 'SUBDIVISION_OUTSIDE_COUNTRY',
      },
      {
        refusal: 'a host country that does not hold the jurisdiction',
        body: { hostCountryCode: 'CA' },
        field: 'jurisdiction.0',
        code: 'SUBDIVISION_OUTSIDE_COUNTRY',
      },
    ])('refuses an update with $refusal and changes nothing', async ({ body, field, code }) => {
      const post = await createPost('adminMx');
      const res = await expectRefusedWithoutChange(
        () => call('patch', `/consulates/${post.id}`, as('adminMx'), body),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldErrors(res)).toEqual([{ field, code }]);
    });

    it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid'])(
      'answers 404 CONSULATE_NOT_FOUND for consulate %s',
      async (id) => {
        expectProblem(
          await call('get', `/consulates/${id}`, as('officer')),
          404,
          'CONSULATE_NOT_FOUND',
        );
        await expectRefusedWithoutChange(
          () => call('patch', `/consulates/${id}`, as('systemAdmin'), { city: 'X' }),
          404,
          'CONSULATE_NOT_FOUND',
        );
      },
    );
  });

  describe('posts are deactivated, never deleted', () => {
    it.each(['adminMx', 'systemAdmin'] as Actor[])(
      'has no DELETE for %s: 404 problem and the row stays',
      async (actor) => {
        const post = await createPost('adminMx');
        await expectRefusedWithoutChange(
          () => call('delete', `/consulates/${post.id}`, as(actor)),
          404,
          'ROUTE_NOT_FOUND',
        );
        const [row] = await stack.query('SELECT active FROM consulates WHERE id = $1', [post.id]);
        expect(row).toEqual({ active: true });
      },
    );

    it('keeps deactivated posts readable and findable with active=false', async () => {
      const post = await createPost('adminMx', { city: 'Presidio' });
      const other = await createPost('adminMx', { city: 'Presidio' });
      const off = await call('post', `/consulates/${post.id}/deactivate`, as('adminMx'));
      expect(off.status).toBe(200);

      const read = await call('get', `/consulates/${post.id}`, as('officer'));
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: post.id, name: post.name, active: false });
      expect(Date.parse(read.body.deactivatedAt)).toBeGreaterThanOrEqual(
        Date.parse(post.createdAt),
      );
      const [row] = await stack.query<{ deactivated_at: Date }>(
        'SELECT deactivated_at FROM consulates WHERE id = $1',
        [post.id],
      );
      expect(row.deactivated_at.toISOString()).toBe(read.body.deactivatedAt);

      const inactive = await call(
        'get',
        '/consulates?active=false&q=presidio&limit=200',
        as('officer'),
      );
      expect(inactive.status).toBe(200);
      expect(inactive.body.items.map((c: ConsulateBody) => c.id)).toEqual([post.id]);
      const active = await call(
        'get',
        '/consulates?active=true&q=presidio&limit=200',
        as('officer'),
      );
      expect(active.body.items.map((c: ConsulateBody) => c.id)).toEqual([other.id]);

      const again = await call('post', `/consulates/${post.id}/deactivate`, as('adminMx'));
      expect(again.status).toBe(200);
      expect(again.body.deactivatedAt).toBe(read.body.deactivatedAt);
    });
  });

  describe('permission matrix', () => {
    const fx = {} as {
      post: ConsulateBody;
      official: OfficialBody;
      organisation: OrganisationBody;
    };

    beforeAll(async () => {
      fx.post = await createPost('adminMx');
      fx.official = await createOfficial('adminMx', fx.post.id);
      fx.organisation = await createOrganisation('adminMx', { managedByCountryCode: 'MX' });
    });

    interface WriteEndpoint {
      route: string;
      method: Method;
      path: () => string;
      body: () => object;
    }
    const writes: WriteEndpoint[] = [
      {
        route: 'POST /consulates',
        method: 'post',
        path: () => '/consulates',
        body: () => consulateBody(),
      },
      {
        route: 'PATCH /consulates/:id',
        method: 'patch',
        path: () => `/consulates/${fx.post.id}`,
        body: () => ({ city: 'San Diego' }),
      },
      {
        route: 'POST /consulates/:id/deactivate',
        method: 'post',
        path: () => `/consulates/${fx.post.id}/deactivate`,
        body: () => ({}),
      },
      {
        route: 'POST /consulates/:id/reactivate',
        method: 'post',
        path: () => `/consulates/${fx.post.id}/reactivate`,
        body: () => ({}),
      },
      {
        route: 'POST /officials',
        method: 'post',
        path: () => '/officials',
        body: () => officialBody(fx.post.id),
      },
      {
        route: 'PATCH /officials/:id',
        method: 'patch',
        path: () => `/officials/${fx.official.id}`,
        body: () => ({ title: 'Cónsul adscrito' }),
      },
      {
        route: 'POST /organisations',
        method: 'post',
        path: () => '/organisations',
        body: () => organisationBody({ managedByCountryCode: 'MX' }),
      },
      {
        route: 'PATCH /organisations/:id',
        method: 'patch',
        path: () => `/organisations/${fx.organisation.id}`,
        body: () => ({ description: 'Otra' }),
      },
    ];

    interface ReadEndpoint {
      route: string;
      path: () => string;
      check: (res: request.Response) => void;
    }
    const item = (id: () => string) => (res: request.Response) => expect(res.body.id).toBe(id());
    const list = (res: request.Response) => expect(Array.isArray(res.body.items)).toBe(true);
    const reads: ReadEndpoint[] = [
      { route: 'GET /countries', path: () => '/countries', check: list },
      {
        route: 'GET /countries/:code/subdivisions',
        path: () => '/countries/MX/subdivisions',
        check: list,
      },
      { route: 'GET /consulates', path: () => '/consulates', check: list },
      {
        route: 'GET /consulates/:id',
        path: () => `/consulates/${fx.post.id}`,
        check: item(() => fx.post.id),
      },
      { route: 'GET /officials', path: () => '/officials', check: list },
      {
        route: 'GET /officials/:id',
        path: () => `/officials/${fx.official.id}`,
        check: item(() => fx.official.id),
      },
      {
        route: 'GET /officials.csv',
        path: () => '/officials.csv',
        check: (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/csv/);
          expect(parseCsv(res.text)[0]).toEqual(CSV_HEADERS.es);
        },
      },
      { route: 'GET /organisations', path: () => '/organisations', check: list },
      {
        route: 'GET /organisations/:id',
        path: () => `/organisations/${fx.organisation.id}`,
        check: item(() => fx.organisation.id),
      },
    ];

    const readOnly: Actor[] = ['officer', 'consul', 'supervisor', 'analyst'];

    it.each(writes)(
      'refuses $route to an admin of Guatemala: 403 OUTSIDE_YOUR_COUNTRY',
      async (w) => {
        await expectRefusedWithoutChange(
          () => call(w.method, w.path(), as('adminGt'), w.body()),
          403,
          'OUTSIDE_YOUR_COUNTRY',
        );
      },
    );

    it.each(readOnly.flatMap((actor) => writes.map((w) => ({ actor, ...w }))))(
      'refuses $route to $actor: 403 FORBIDDEN',
      async (w) => {
        await expectRefusedWithoutChange(
          () => call(w.method, w.path(), as(w.actor), w.body()),
          403,
          'FORBIDDEN',
        );
      },
    );

    it.each(
      [...readOnly, 'adminGt' as Actor].flatMap((actor) => reads.map((r) => ({ actor, ...r }))),
    )('lets $actor read $route', async (r) => {
      const res = await call('get', r.path(), as(r.actor));
      expect(res.status).toBe(200);
      r.check(res);
    });

    it.each([
      ...writes.map((w) => ({
        route: w.route,
        send: () => call(w.method, w.path(), undefined, w.body()),
      })),
      ...reads.map((r) => ({ route: r.route, send: () => call('get', r.path()) })),
    ])('answers $route without a token with 401 UNAUTHENTICATED', async ({ send }) => {
      await expectRefusedWithoutChange(send, 401, 'UNAUTHENTICATED');
    });

    it.each(writes)('lets the admin of Mexico do $route', async (w) => {
      const res = await call(w.method, w.path(), as('adminMx'), w.body());
      expect(res.status).toBe(w.method === 'post' && !w.route.includes(':id') ? 201 : 200);
    });
  });

  describe('officials', () => {
    const posts = {} as Record<'mxInUs' | 'mxInGt' | 'gtInUs' | 'other', ConsulateBody>;
    const officials = {} as Record<'o1' | 'o2' | 'o3' | 'o4', OfficialBody>;
    const names = new Map<string, string>();

    beforeAll(async () => {
      posts.mxInUs = await createPost('adminMx', { city: 'Houston', jurisdiction: ['US-TX'] });
      posts.mxInGt = await createPost('adminMx', {
        hostCountryCode: 'GT',
        city: 'Ciudad de Guatemala',
        jurisdiction: ['GT-01', 'GT-16'],
      });
      posts.gtInUs = await createPost('systemAdmin', {
        sendingCountryCode: 'GT',
        city: 'Phoenix',
        jurisdiction: ['US-AZ'],
      });
      posts.other = await createPost('adminMx');
      officials.o1 = await createOfficial('adminMx', posts.mxInUs.id, {
        name: `José Martínez ${tag()}`,
        title: 'Cónsul adscrito, "protección"',
        accreditedFrom: '2020-01-01',
        accreditedTo: '2021-12-31',
        topics: ['children', 'trafficking'],
        workEmail: 'jmartinez@example.org',
      });
      officials.o2 = await createOfficial('adminMx', posts.mxInUs.id, {
        accreditedFrom: '2019-05-01',
        topics: ['emergencies'],
      });
      officials.o3 = await createOfficial('adminMx', posts.mxInGt.id, {
        accreditedFrom: '2022-01-01',
        topics: ['children'],
      });
      officials.o4 = await createOfficial('systemAdmin', posts.gtInUs.id, {
        accreditedFrom: '2023-03-01',
        accreditedTo: '2025-12-31',
        topics: ['detention'],
      });
      for (const [key, official] of Object.entries(officials)) names.set(official.id, key);
    });

    it('creates an official whose post details come from the consulate', async () => {
      const body = officialBody(posts.other.id, {
        accreditedFrom: '2025-02-01',
        accreditedTo: '2027-01-31',
        topics: ['labour', 'health'],
        workEmail: 'enlace@example.org',
        workPhone: '+1 213 555 0100',
      });
      const official = await created<OfficialBody>(
        await call('post', '/officials', as('adminMx'), body),
        'officials',
      );
      expect(official).toMatchObject({
        ...body,
        postCode: posts.other.postCode,
        consulateName: posts.other.name,
        sendingCountryCode: 'MX',
        hostCountryCode: 'US',
        city: posts.other.city,
      });
      const read = await call('get', `/officials/${official.id}`, as('analyst'));
      expect(read.status).toBe(200);
      expect(read.body).toEqual(official);
    });

    it('updates an official', async () => {
      const official = await createOfficial('adminMx', posts.other.id);
      const res = await call('patch', `/officials/${official.id}`, as('adminMx'), {
        title: 'Cónsul general',
        topics: ['returns', 'detention'],
        accreditedTo: '2026-12-31',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: official.id,
        name: official.name,
        title: 'Cónsul general',
        topics: ['returns', 'detention'],
        accreditedFrom: '2024-01-01',
        accreditedTo: '2026-12-31',
      });
      expect((await call('get', `/officials/${official.id}`, as('officer'))).body).toEqual(
        res.body,
      );
    });

    it.each([
      ['sendingCountryCode=GT', ['o4']],
      ['sendingCountryCode=MX', ['o1', 'o2', 'o3']],
      ['hostCountryCode=GT', ['o3']],
      ['hostCountryCode=US', ['o1', 'o2', 'o4']],
      ['topic=children', ['o1', 'o3']],
      ['topic=detention', ['o4']],
      ['accreditedOn=2024-06-01', ['o2', 'o3', 'o4']],
      ['accreditedOn=2021-06-01', ['o1', 'o2']],
      ['accreditedOn=2021-12-31', ['o1', 'o2']],
      ['accreditedOn=2022-01-01', ['o2', 'o3']],
      ['accreditedOn=2019-04-30', []],
      ['sendingCountryCode=MX&topic=children&accreditedOn=2024-06-01', ['o3']],
      [`q=${encodeURIComponent('jose martinez')}`, ['o1']],
    ])('lists officials filtered by %s', async (query, expected) => {
      expect(await listed(`/officials?${query}`, names)).toEqual(expected);
    });

    it('lists officials filtered by consulate', async () => {
      expect(await listed(`/officials?consulateId=${posts.mxInUs.id}`, names)).toEqual([
        'o1',
        'o2',
      ]);
      expect(await listed(`/officials?consulateId=${posts.gtInUs.id}`, names)).toEqual(['o4']);
    });

    it('refuses an accreditation that ends before it starts, on create and on update', async () => {
      const create = await expectRefusedWithoutChange(
        () =>
          call(
            'post',
            '/officials',
            as('adminMx'),
            officialBody(posts.other.id, {
              accreditedFrom: '2024-06-01',
              accreditedTo: '2024-05-31',
            }),
          ),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldErrors(create)).toEqual([{ field: 'accreditedTo', code: 'BEFORE_START' }]);
      const update = await expectRefusedWithoutChange(
        () =>
          call('patch', `/officials/${officials.o2.id}`, as('adminMx'), {
            accreditedTo: '2019-04-30',
          }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldErrors(update)).toEqual([{ field: 'accreditedTo', code: 'BEFORE_START' }]);
    });

    it('refuses an official of an unknown consulate', async () => {
      const res = await expectRefusedWithoutChange(
        () => call('post', '/officials', as('systemAdmin'), officialBody(randomUUID())),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldErrors(res)).toEqual([{ field: 'consulateId', code: 'UNKNOWN_CONSULATE' }]);
    });

    describe('as CSV', () => {
      const csvOf = async (query: string, language?: string) => {
        const res = await call(
          'get',
          `/officials.csv?${query}`,
          as('supervisor'),
          undefined,
          language,
        );
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
        expect(res.text.startsWith('\uFEFF')).toBe(true);
        return { res, rows: parseCsv(res.text) };
      };

      it('has Spanish headers and topic labels by default, one line per official', async () => {
        const { res, rows } = await csvOf(`consulateId=${posts.mxInUs.id}`);
        expect(res.headers['content-disposition']).toContain('funcionarios-acreditados.csv');
        const [header, ...lines] = rows;
        expect(header).toEqual(CSV_HEADERS.es);
        expect(lines).toHaveLength(2);
        const o1 = lines.find((line) => line[5] === officials.o1.name);
        expect(o1).toEqual([
          'MX',
          posts.mxInUs.postCode,
          posts.mxInUs.name,
          'US',
          'Houston',
          officials.o1.name,
          'Cónsul adscrito, "protección"',
          '2020-01-01',
          '2021-12-31',
          'Niñez; Trata de personas',
          'jmartinez@example.org',
          '',
        ]);
        expect(lines.map((line) => line[5]).sort()).toEqual(
          [officials.o1.name, officials.o2.name].sort(),
        );
      });

      it('has English headers and topic labels with Accept-Language: en', async () => {
        const { res, rows } = await csvOf(`consulateId=${posts.mxInUs.id}`, 'en');
        expect(res.headers['content-disposition']).toContain('accredited-officials.csv');
        const [header, ...lines] = rows;
        expect(header).toEqual(CSV_HEADERS.en);
        expect(header).toEqual(expect.arrayContaining(['Name', 'Title']));
        const o1 = lines.find((line) => line[5] === officials.o1.name);
        expect(o1?.[9]).toBe('Children; Trafficking');
        const o2 = lines.find((line) => line[5] === officials.o2.name);
        expect(o2?.[9]).toBe('Emergencies');
      });

      it.each([
        [`accreditedOn=2024-06-01`, ['o2']],
        [`accreditedOn=2021-06-01`, ['o1', 'o2']],
        [`topic=trafficking`, ['o1']],
      ])('applies the list filters (%s)', async (query, expected) => {
        const { rows } = await csvOf(`consulateId=${posts.mxInUs.id}&${query}`);
        const keyOf = new Map(Object.entries(officials).map(([key, o]) => [o.name, key]));
        expect(
          rows
            .slice(1)
            .map((line) => keyOf.get(line[5]))
            .sort(),
        ).toEqual(expected);
      });

      it('defuses every text a spreadsheet would run as a formula, in any column', async () => {
        const post = await createPost('adminMx');
        const hostile = ['=HYPERLINK("http://x.example")', '+52 55', '-2+3', '@SUM(A1)', '＝1+1'];
        // A leading tab or carriage return is trimmed at input; the writer's unit test covers them.
        const names = hostile.map((start) => `${start} ${tag()}`);
        for (const name of names) {
          const res = await call('post', '/officials', as('systemAdmin'), {
            ...officialBody(post.id),
            name,
            title: name,
          });
          expect(res.status).toBe(201);
        }
        const { rows } = await csvOf(`consulateId=${post.id}`);
        for (const name of names) {
          const line = rows.find((row) => row[5] === `'${name}`);
          expect(line).toBeDefined();
          expect(line?.[6]).toBe(`'${name}`);
        }
        const cells = rows.slice(1).flat();
        expect(cells.filter((cell) => /^[=+\-@\t\r＝]/.test(cell))).toEqual([]);
      });

      it('lists every official of a country across posts', async () => {
        const { rows } = await csvOf('sendingCountryCode=GT');
        const lines = rows.slice(1);
        expect(lines.every((line) => line[0] === 'GT')).toBe(true);
        expect(lines.map((line) => line[5])).toContain(officials.o4.name);
        const [{ count }] = await stack.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM officials o JOIN consulates c ON c.id = o.consulate_id
            WHERE c.sending_country_code = 'GT'`,
        );
        expect(lines).toHaveLength(count);
      });
    });
  });

  describe('organisations', () => {
    const orgs = {} as Record<'pro' | 'casa' | 'oim' | 'sos', OrganisationBody>;
    const names = new Map<string, string>();

    beforeAll(async () => {
      orgs.pro = await createOrganisation('adminMx', {
        name: 'Asociación Pro Migrante',
        description: 'Asesoría jurídica y albergue',
        services: ['legal_aid', 'shelter'],
        coverageCountries: ['MX'],
        languages: ['es', 'mam'],
      });
      orgs.casa = await createOrganisation('adminMx', {
        name: 'Casa del Migrante de Guadalajara',
        services: ['shelter', 'food_and_basic_needs'],
        coverageCountries: ['MX'],
        coverageSubdivisions: ['MX-JAL'],
        languages: ['es'],
      });
      orgs.oim = await createOrganisation('systemAdmin', {
        name: 'Organización Internacional para las Migraciones',
        acronym: 'OIM',
        type: 'international_organisation',
        services: ['repatriation_support'],
        coverageCountries: ['GT', 'MX'],
        coverageSubdivisions: ['GT-01'],
        languages: ['es', 'en'],
      });
      orgs.sos = await createOrganisation('adminGt', {
        name: 'Procuraduría de la Niñez',
        type: 'government_agency',
        services: ['child_protection'],
        coverageCountries: ['GT'],
        languages: ['es', 'kek'],
      });
      for (const [key, org] of Object.entries(orgs)) names.set(org.id, key);
    });

    it('creates an organisation managed by the admin’s country and updates it', async () => {
      expect(orgs.pro).toMatchObject({ managedByCountryCode: 'MX', active: true });
      expect(orgs.sos.managedByCountryCode).toBe('GT');
      expect(orgs.oim.managedByCountryCode).toBeNull();

      const org = await createOrganisation('adminMx', { coverageSubdivisions: ['MX-CHP'] });
      const res = await call('patch', `/organisations/${org.id}`, as('adminMx'), {
        services: ['health', 'psychosocial'],
        coverageCountries: ['MX', 'GT'],
        coverageSubdivisions: ['MX-CHP', 'GT-13'],
        languages: ['es', 'mam'],
        active: false,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: org.id,
        name: org.name,
        services: ['health', 'psychosocial'],
        coverageCountries: ['MX', 'GT'],
        coverageSubdivisions: ['MX-CHP', 'GT-13'],
        active: false,
        managedByCountryCode: 'MX',
      });
      expect((await call('get', `/organisations/${org.id}`, as('consul'))).body).toEqual(res.body);
    });

    it.each([
      [{ q: 'Asociacion' }, ['pro']],
      [{ q: 'ASOCIACIÓN pro' }, ['pro']],
      [{ q: 'migraciones' }, ['oim']],
      [{ q: 'oim' }, ['oim']],
      [{ q: 'asesoria juridica' }, ['pro']],
      [{ service: 'shelter' }, ['casa', 'pro']],
      [{ type: 'international_organisation' }, ['oim']],
      [{ type: 'government_agency' }, ['sos']],
      [{ coverageCountry: 'GT' }, ['oim', 'sos']],
      [{ coverageSubdivision: 'MX-CHP' }, ['oim', 'pro']],
      [{ coverageSubdivision: 'MX-JAL' }, ['casa', 'oim', 'pro']],
      [{ coverageSubdivision: 'GT-01' }, ['oim', 'sos']],
      [{ coverageSubdivision: 'GT-16' }, ['sos']],
      [{ language: 'mam' }, ['pro']],
      [{ language: 'en' }, ['oim']],
      [{ service: 'shelter', coverageSubdivision: 'MX-CHP' }, ['pro']],
    ])('searches organisations by %j', async (params, expected) => {
      const query = new URLSearchParams(params as Record<string, string>).toString();
      expect(await listed(`/organisations?${query}`, names)).toEqual(expected);
    });

    it.each([
      {
        refusal: 'a coverage subdivision outside the covered countries',
        body: { coverageCountries: ['MX'], coverageSubdivisions: ['MX-JAL', 'GT-01'] },
        error: { field: 'coverageSubdivisions.1', code: 'SUBDIVISION_OUTSIDE_COUNTRY' },
      },
      {
        refusal: 'an unknown subdivision',
        body: { coverageCountries: ['MX'], coverageSubdivisions: ['MX-ZZZ'] },
        error: { field: 'coverageSubdivisions.0', code: 'UNKNOWN_SUBDIVISION' },
      },
      {
        refusal: 'an unknown covered country',
        body: { coverageCountries: ['MX', 'QQ'] },
        error: { field: 'coverageCountries.1', code: 'UNKNOWN_COUNTRY' },
      },
    ])('refuses $refusal with 400 and changes nothing', async ({ body, error }) => {
      const res = await expectRefusedWithoutChange(
        () => call('post', '/organisations', as('adminMx'), organisationBody(body)),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldErrors(res)).toEqual([error]);
    });

    it('refuses an update that leaves a subdivision outside the covered countries', async () => {
      const res = await expectRefusedWithoutChange(
        () =>
          call('patch', `/organisations/${orgs.casa.id}`, as('adminMx'), {
            coverageCountries: ['GT'],
          }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldErrors(res)).toEqual([
        { field: 'coverageSubdivisions.0', code: 'SUBDIVISION_OUTSIDE_COUNTRY' },
      ]);
    });
  });

  describe('list conventions', () => {
    /** Names of one family sort among themselves the same way under any collation. */
    const family = tag();
    const nameOf = (n: string) => `Sede ${family} ${n}`;
    const insertPost = (n: string) => createPost('adminMx', { name: nameOf(n) });
    const listFamily = async (query: string) => {
      const res = await call('get', `/consulates?q=${family}&limit=200&${query}`, as('officer'));
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      return (res.body.items as ConsulateBody[]).map((c) => c.id);
    };

    it('pages by keyset without skipping or repeating rows while rows are inserted', async () => {
      const initial: string[] = [];
      for (const n of ['10', '20', '30', '40', '50', '60', '70'])
        initial.push((await insertPost(n)).id);

      const seen: string[] = [];
      let cursor: string | null = null;
      let lastName = '';
      for (let page = 0; page < 50; page++) {
        const res: request.Response = await call(
          'get',
          `/consulates?q=${family}&sort=name&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          as('officer'),
        );
        expect(res.status).toBe(200);
        const items = res.body.items as ConsulateBody[];
        expect(items.length).toBeLessThanOrEqual(2);
        seen.push(...items.map((c) => c.id));
        cursor = res.body.nextCursor;
        if (!cursor) break;
        lastName = items[items.length - 1].name.split(' ').pop()!;
        // One row sorting before the position reached, one right after it.
        await insertPost(`0${page}`);
        await insertPost(`${lastName}${page}`);
      }
      expect(cursor).toBeNull();
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of initial) expect(seen.filter((s) => s === id)).toHaveLength(1);
      const final = await listFamily('sort=name');
      expect(final.filter((id) => seen.includes(id))).toEqual(seen);
      // The rows inserted right after the position were reached on the next page.
      expect(seen.length).toBeGreaterThan(initial.length);
    });

    it('sorts descending with a minus sign', async () => {
      for (const n of ['A', 'B', 'C']) await insertPost(`x${n}`);
      const ascending = await listFamily('sort=name');
      expect(await listFamily('sort=-name')).toEqual([...ascending].reverse());
      const names = await call(
        'get',
        `/consulates?q=${encodeURIComponent(`${family} x`)}&sort=-name`,
        as('officer'),
      );
      expect(names.body.items.map((c: ConsulateBody) => c.name)).toEqual([
        nameOf('xC'),
        nameOf('xB'),
        nameOf('xA'),
      ]);
    });

    it('refuses an unknown sort with 400 INVALID_SORT', async () => {
      const res = await call('get', '/consulates?sort=bogus', as('officer'));
      expectProblem(res, 400, 'INVALID_SORT');
      expect(fieldErrors(res)).toEqual([{ field: 'sort', code: 'INVALID_SORT' }]);
    });

    it('refuses a cursor made under another sort with 400 INVALID_CURSOR', async () => {
      const first = await call('get', '/consulates?sort=name&limit=1', as('officer'));
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const res = await call(
        'get',
        `/consulates?sort=city&limit=1&cursor=${first.body.nextCursor}`,
        as('officer'),
      );
      expectProblem(res, 400, 'INVALID_CURSOR');
    });

    it.each([
      'garbage',
      Buffer.from('["name","x"]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ])('refuses the malformed cursor %s with 400 INVALID_CURSOR', async (cursor) => {
      expectProblem(
        await call('get', `/consulates?cursor=${cursor}`, as('officer')),
        400,
        'INVALID_CURSOR',
      );
    });

    it.each(['201', '0', 'ten'])('refuses limit=%s with 400', async (limit) => {
      const res = await call('get', `/consulates?limit=${limit}`, as('officer'));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(new Set(fieldErrors(res).map((e) => e.field))).toEqual(new Set(['limit']));
    });

    it('answers 50 rows per page by default', async () => {
      const batch = tag();
      await stack.query(
        `INSERT INTO consulates (sending_country_code, post_code, name, host_country_code, city)
         SELECT 'BZ', 'B' || lpad(n::text, 3, '0'), 'Lote ' || $1 || ' ' || lpad(n::text, 3, '0'), 'US', 'Miami'
           FROM generate_series(1, 55) n`,
        [batch],
      );
      const first = await call('get', `/consulates?q=${batch}`, as('officer'));
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(50);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await call(
        'get',
        `/consulates?q=${batch}&cursor=${first.body.nextCursor}`,
        as('officer'),
      );
      expect(second.body.items).toHaveLength(5);
      expect(second.body.nextCursor).toBeNull();
      expect(second.body.items[4].name).toBe(`Lote ${batch} 055`);
    });
  });
});
