import { NestExpressApplication } from '@nestjs/platform-express';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import request from 'supertest';
import { TestStack } from '../utils/test-app';
import { createConsulate, createUser, signIn } from '../utils/identity';

/** Who sends a request: a signed-in role of a country, nobody, or a token the server must refuse. */
export interface Caller {
  name: string;
  token?: string;
}

export const ROLES = ['officer', 'consul', 'supervisor', 'analyst', 'admin', 'system_admin'];
export const COUNTRIES = ['MX', 'GT'];

/** Real ids by resource, grown by what the fuzzer creates; and the last ETag seen per case. */
export class IdPools {
  readonly pools = new Map<string, string[]>();
  readonly etags = new Map<string, string>();
  private static readonly CAP = 60;

  add(pool: string, id: unknown): void {
    if (typeof id !== 'string') return;
    const ids = this.pools.get(pool) ?? [];
    if (ids.includes(id)) return;
    if (ids.length >= IdPools.CAP) ids.splice(ids.length >> 1, 1); // keep the fixture's own
    ids.push(id);
    this.pools.set(pool, ids);
  }

  pick(pool: string, index: number): string {
    const ids = this.pools.get(pool) ?? [...this.pools.values()].flat();
    return ids.length ? ids[index % ids.length] : randomUUID();
  }

  /** The ids a successful write answered with, filed under the resource it created. */
  harvest(method: string, path: string, body: unknown): void {
    if (method === 'GET' || !body || typeof body !== 'object') return;
    const record = body as Record<string, unknown>;
    const pool = resourceOf(path);
    if (method === 'POST' && !/\{[^}]+\}$/.test(path) && pool) this.add(pool, record.id);
    for (const person of (record.persons ?? []) as { person?: { id?: string } }[])
      this.add('persons', person.person?.id);
  }
}

/** The pool of a documented path's collection: `/api/v1/cases/{id}/actions` → actions. */
export function resourceOf(path: string): string | undefined {
  const last =
    path
      .split('/')
      .filter((s) => s && !s.startsWith('{'))
      .pop() ?? '';
  return (
    { corrections: 'actions', pings: 'pings', 'access-requests': 'access-requests' }[last] ??
    (['cases', 'consulates', 'officials', 'organisations', 'users', 'exports', 'actions'].includes(
      last,
    )
      ? last
      : undefined)
  );
}

/** The pool a path parameter draws from: the collection segment before it. */
export function poolOfParam(path: string, param: string): string {
  if (param === 'actionId') return 'actions';
  if (param === 'code') return 'countries';
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  return at > 0 ? segments[at - 1] : 'any';
}

const caseBody = (consulateId: string, country: string, restricted: boolean) => ({
  consulateId,
  primaryCategory: restricted ? 'asylum' : 'immigration_detention',
  vulnerabilityFlags: restricted ? ['asylum_seeker'] : ['detained'],
  summary: 'Fuzz fixture case',
  persons: [
    {
      role: 'primary',
      person: {
        givenNames: 'Ana',
        familyNames: `Fixture ${randomUUID().slice(0, 8)}`,
        dateOfBirth: '1990-04-12',
        sex: 'female',
        nationalityCode: country,
        documents: [
          {
            type: 'passport',
            number: `P${String(Date.now()).slice(-7)}`,
            issuingCountryCode: country,
          },
        ],
      },
    },
  ],
});

/** A token the server signed for nobody: the genuine claims of a session, signed with another key. */
function forged(token: string, expired: boolean): string {
  const [, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, number>;
  if (expired)
    Object.assign(claims, { iat: 1_600_000_000, nbf: 1_600_000_000, exp: 1_600_000_900 });
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const data = `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64(claims)}`;
  const signature = sign('sha256', Buffer.from(data), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${data}.${signature.toString('base64url')}`;
}

export interface FixtureNetwork {
  callers: Caller[];
  ids: IdPools;
}

/**
 * A small network in two countries: posts, one user per role and country, victims for the user
 * routes (the callers' own accounts are never in a pool, so the fuzzer cannot lock itself out),
 * officials, organisations, ordinary and restricted cases with actions, an export, an access
 * request.
 */
export async function seedFixtureNetwork(
  stack: TestStack,
  app: NestExpressApplication,
): Promise<FixtureNetwork> {
  const ids = new IdPools();
  const posts: Record<string, string> = {};
  for (const country of COUNTRIES) {
    posts[country] = await createConsulate(stack, country);
    ids.add('consulates', posts[country]);
    ids.add('consulates', await createConsulate(stack, country));
  }
  ['MX', 'GT', 'US', 'SV'].forEach((c) => ids.add('countries', c));

  const callers: Caller[] = [{ name: 'anonymous' }];
  const tokens: Record<string, string> = {};
  for (const country of COUNTRIES) {
    for (const role of ROLES) {
      const grant = ['officer', 'consul'].includes(role)
        ? { role, consulateId: posts[country] }
        : role === 'system_admin'
          ? { role }
          : { role, countryCode: country };
      const user = await createUser(stack, [grant], { countryCode: country });
      const session = await signIn(app, user.email);
      tokens[`${role}.${country}`] = session.accessToken;
      callers.push({ name: `${role}.${country}`, token: session.accessToken });
    }
    for (let i = 0; i < 2; i++) {
      const victim = await createUser(stack, [{ role: 'officer', consulateId: posts[country] }]);
      ids.add('users', victim.id);
    }
  }
  callers.push({ name: 'forged token', token: forged(tokens['officer.MX'], false) });
  callers.push({ name: 'expired token', token: forged(tokens['consul.MX'], true) });

  const http = app.getHttpServer();
  const post = async (token: string, path: string, body: object) => {
    const res = await request(http)
      .post(`/api/v1${path}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);
    if (res.status >= 300) throw new Error(`fixture ${path}: ${res.status} ${res.text}`);
    ids.harvest('POST', `/api/v1${path}`, res.body);
    return res.body as Record<string, string>;
  };
  for (const country of COUNTRIES) {
    const admin = tokens[`admin.${country}`];
    const official = await post(admin, '/officials', {
      consulateId: posts[country],
      name: `Funcionario ${country}`,
      title: 'Cónsul titular',
      accreditedFrom: '2024-01-01',
      topics: ['children'],
    });
    ids.add('officials', official.id);
    const organisation = await post(admin, '/organisations', {
      name: `Organización ${country} ${randomUUID().slice(0, 6)}`,
      type: 'civil_society',
      services: ['legal_aid'],
      coverageCountries: [country],
    });
    ids.add('organisations', organisation.id);
    for (const restricted of [false, false, true]) {
      const created = await post(
        tokens[`officer.${country}`],
        '/cases',
        caseBody(posts[country], country, restricted),
      );
      ids.add('cases', created.id);
      const action = await post(tokens[`officer.${country}`], `/cases/${created.id}/actions`, {
        type: 'consular_visit',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        placeType: 'detention_centre',
      });
      ids.add('actions', action.id);
      if (restricted) {
        const access = await post(
          tokens[`supervisor.${country}`],
          `/cases/${created.id}/access-requests`,
          {
            reason: 'Fuzz fixture: the supervisor needs to read this case now.',
          },
        );
        ids.add('access-requests', access.id);
      }
    }
    const exported = await post(tokens[`analyst.${country}`], '/exports', {
      kind: 'statistics',
      measures: ['cases_opened'],
      dimensions: ['category'],
      period: 'year',
      from: '2025-01-01',
      to: '2026-12-31',
      format: 'json',
    });
    ids.add('exports', exported.id);
  }
  return { callers, ids };
}
