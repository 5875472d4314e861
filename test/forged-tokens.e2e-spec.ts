import { NestExpressApplication } from '@nestjs/platform-express';
import { createHmac, generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';
import request from 'supertest';
import { TEST_PASSWORD, createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Claims = Record<string, unknown>;
type Header = Record<string, unknown>;

const ecKeys = () =>
  generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });

const serverKeys = ecKeys();
const foreignKeys = ecKeys();
const rsaKeys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (token: string): Claims =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Claims;
const now = () => Math.floor(Date.now() / 1000);

/** `overrides` replace claims; an override of `undefined` removes the claim. */
function withClaims(base: Claims, overrides: Claims): Claims {
  const claims = { ...base, ...overrides };
  for (const [name, value] of Object.entries(overrides))
    if (value === undefined) delete claims[name];
  return claims;
}

function es256(payload: Claims, privateKey: string, header: Header = {}): string {
  const data = `${b64url({ alg: 'ES256', typ: 'JWT', ...header })}.${b64url(payload)}`;
  const signature = sign('sha256', Buffer.from(data), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${data}.${signature.toString('base64url')}`;
}

function hs256(payload: Claims, secret: string): string {
  const data = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
}

function rs256(payload: Claims, privateKey: string): string {
  const data = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${data}.${sign('sha256', Buffer.from(data), privateKey).toString('base64url')}`;
}

function unsigned(payload: Claims, alg: string): string {
  return `${b64url({ alg, typ: 'JWT' })}.${b64url(payload)}.`;
}

describe('Forged and misused access tokens', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let consulateId: string;
  let officer: { id: string; email: string };
  let genuineToken: string;
  let genuineRefreshToken: string;
  let genuineClaims: Claims;

  const http = () => request(app.getHttpServer());
  const me = (authorization?: string) => {
    const req = http().get('/api/v1/me');
    return authorization === undefined ? req : req.set('Authorization', authorization);
  };

  /** The genuine claims with fresh times: a token that differs from a valid one only as told. */
  const fresh = (overrides: Claims = {}): Claims =>
    withClaims(
      { ...genuineClaims, iat: now(), nbf: now(), exp: now() + 300, jti: randomUUID() },
      overrides,
    );
  const serverSigned = (overrides: Claims = {}) => es256(fresh(overrides), serverKeys.privateKey);

  /** A fresh officer's working session, checked to work before the test breaks it. */
  const workingSession = async () => {
    const user = await createUser(stack, [{ role: 'officer', consulateId }], { countryCode: 'MX' });
    const session = await signIn(app, user.email);
    expect((await me(`Bearer ${session.accessToken}`)).status).toBe(200);
    return { ...session, sid: decode(session.accessToken).sid as string };
  };

  beforeAll(async () => {
    stack = await createTestStack({
      AUTH_JWT_PRIVATE_KEY: serverKeys.privateKey,
      AUTH_JWT_PUBLIC_KEY: serverKeys.publicKey,
      AUTH_MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    app = await createTestApi(stack.config);
    consulateId = await createConsulate(stack, 'MX');
    officer = await createUser(stack, [{ role: 'officer', consulateId }], { countryCode: 'MX' });
    const session = await signIn(app, officer.email);
    genuineToken = session.accessToken;
    genuineRefreshToken = session.refreshToken;
    genuineClaims = decode(genuineToken);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it('accepts the genuine access token', async () => {
    const res = await me(`Bearer ${genuineToken}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(officer.id);
    expect(genuineClaims).toMatchObject({ typ: 'access', sub: officer.id, iss: 'amparo' });
  });

  it('accepts a hand-built token signed with the server key (so the forgeries below differ only as named)', async () => {
    const res = await me(`Bearer ${serverSigned()}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(officer.id);
  });

  const cases: { name: string; authorization: () => Promise<string> | string }[] = [
    // Algorithm attacks
    {
      name: "alg 'none' with an empty signature",
      authorization: () => `Bearer ${unsigned(fresh(), 'none')}`,
    },
    {
      name: "alg 'None' with an empty signature",
      authorization: () => `Bearer ${unsigned(fresh(), 'None')}`,
    },
    {
      name: "alg 'NONE' with an empty signature",
      authorization: () => `Bearer ${unsigned(fresh(), 'NONE')}`,
    },
    {
      name: "alg 'none' keeping the genuine signature",
      authorization: () => {
        const [, payload, signature] = genuineToken.split('.');
        return `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`;
      },
    },
    {
      name: 'ES256 signed with another P-256 key and correct claims',
      authorization: () => `Bearer ${es256(fresh(), foreignKeys.privateKey)}`,
    },
    {
      name: "HS256 keyed with the server's public key PEM (algorithm confusion)",
      authorization: () => `Bearer ${hs256(fresh(), serverKeys.publicKey)}`,
    },
    {
      name: "HS256 keyed with the server's public key PEM without its final newline",
      authorization: () => `Bearer ${hs256(fresh(), serverKeys.publicKey.trimEnd())}`,
    },
    {
      name: 'HS256 with an arbitrary secret',
      authorization: () => `Bearer ${hs256(fresh(), 'secret')}`,
    },
    {
      name: 'RS256 signed with an RSA key',
      authorization: () => `Bearer ${rs256(fresh(), rsaKeys.privateKey)}`,
    },
    // Time claims
    {
      name: 'an expired token signed with the server key',
      authorization: () =>
        `Bearer ${serverSigned({ iat: now() - 600, nbf: now() - 600, exp: now() - 5 })}`,
    },
    {
      name: 'a token whose nbf is in the future',
      authorization: () => `Bearer ${serverSigned({ nbf: now() + 120 })}`,
    },
    {
      name: 'a token without nbf and iat',
      authorization: () => `Bearer ${serverSigned({ nbf: undefined, iat: undefined })}`,
    },
    {
      name: 'a token without exp',
      authorization: () => `Bearer ${serverSigned({ exp: undefined })}`,
    },
    // Issuer and audience
    {
      name: 'a wrong audience',
      authorization: () => `Bearer ${serverSigned({ aud: 'other-api' })}`,
    },
    {
      name: 'a missing audience',
      authorization: () => `Bearer ${serverSigned({ aud: undefined })}`,
    },
    { name: 'a wrong issuer', authorization: () => `Bearer ${serverSigned({ iss: 'evil' })}` },
    { name: 'a missing issuer', authorization: () => `Bearer ${serverSigned({ iss: undefined })}` },
    // Other kinds of token, and other token types
    {
      name: 'the refresh token used as a Bearer token',
      authorization: () => `Bearer ${genuineRefreshToken}`,
    },
    {
      name: 'an mfa_verify challenge token from a real login',
      authorization: async () => {
        const user = await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]);
        const { mfaSecret } = await signIn(app, user.email);
        expect(mfaSecret).toBeDefined();
        const login = await http()
          .post('/api/v1/auth/login')
          .send({ email: user.email, password: TEST_PASSWORD });
        expect(login.body.challengeType).toBe('mfa_verify');
        return `Bearer ${login.body.challengeToken as string}`;
      },
    },
    {
      name: 'an mfa_enrol challenge token from a real login',
      authorization: async () => {
        const user = await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]);
        const login = await http()
          .post('/api/v1/auth/login')
          .send({ email: user.email, password: TEST_PASSWORD });
        expect(login.body.challengeType).toBe('mfa_enrol');
        return `Bearer ${login.body.challengeToken as string}`;
      },
    },
    {
      name: "a server-signed token with typ 'mfa_verify' and a live session",
      authorization: () => `Bearer ${serverSigned({ typ: 'mfa_verify' })}`,
    },
    {
      name: "a server-signed token with typ 'mfa_enrol' and a live session",
      authorization: () => `Bearer ${serverSigned({ typ: 'mfa_enrol' })}`,
    },
    {
      name: 'a server-signed token without typ',
      authorization: () => `Bearer ${serverSigned({ typ: undefined })}`,
    },
    {
      name: 'a server-signed token whose ver is a string',
      authorization: () => `Bearer ${serverSigned({ ver: String(genuineClaims.ver) })}`,
    },
    // Tampering
    {
      name: 'the genuine token with sub changed to another user, keeping the signature',
      authorization: async () => {
        const other = await createUser(stack, [{ role: 'admin', countryCode: 'MX' }]);
        const [header, , signature] = genuineToken.split('.');
        return `Bearer ${header}.${b64url({ ...genuineClaims, sub: other.id })}.${signature}`;
      },
    },
    {
      name: 'the genuine token with a role claim added, keeping the signature',
      authorization: () => {
        const [header, , signature] = genuineToken.split('.');
        const payload = { ...genuineClaims, roles: ['system_admin'], role: 'system_admin' };
        return `Bearer ${header}.${b64url(payload)}.${signature}`;
      },
    },
    {
      name: 'the genuine token with its signature cut off',
      authorization: () => `Bearer ${genuineToken.split('.').slice(0, 2).join('.')}.`,
    },
    // Sessions and accounts
    {
      name: 'a token of a session that was logged out',
      authorization: async () => {
        const session = await workingSession();
        const out = await http()
          .post('/api/v1/auth/logout')
          .set('Authorization', `Bearer ${session.accessToken}`);
        expect(out.status).toBe(204);
        return `Bearer ${session.accessToken}`;
      },
    },
    {
      name: "a token whose ver is older than the user's token_version",
      authorization: async () => {
        const session = await workingSession();
        await stack.query('UPDATE users SET token_version = token_version + 1 WHERE id = $1', [
          session.userId,
        ]);
        return `Bearer ${session.accessToken}`;
      },
    },
    {
      name: "a server-signed token whose ver is newer than the user's token_version",
      authorization: () => `Bearer ${serverSigned({ ver: (genuineClaims.ver as number) + 1 })}`,
    },
    {
      name: 'a server-signed token whose sid does not exist',
      authorization: () => `Bearer ${serverSigned({ sid: randomUUID() })}`,
    },
    {
      name: 'a server-signed token whose sid is not a uuid',
      authorization: () => `Bearer ${serverSigned({ sid: 'not-a-session' })}`,
    },
    {
      name: "a server-signed token carrying another user's live session id",
      authorization: async () => {
        const other = await workingSession();
        return `Bearer ${serverSigned({ sid: other.sid })}`;
      },
    },
    {
      name: 'a server-signed token for a user that does not exist',
      authorization: () => `Bearer ${serverSigned({ sub: randomUUID() })}`,
    },
    {
      name: 'a server-signed token whose sub is not a uuid',
      authorization: () => `Bearer ${serverSigned({ sub: 'root' })}`,
    },
    {
      name: 'a token of a disabled user',
      authorization: async () => {
        const session = await workingSession();
        await stack.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [session.userId]);
        return `Bearer ${session.accessToken}`;
      },
    },
    {
      name: 'a token of a session past its absolute lifetime',
      authorization: async () => {
        const session = await workingSession();
        await stack.query(
          `UPDATE refresh_tokens SET family_expires_at = now() - interval '1 second' WHERE family_id = $1`,
          [session.sid],
        );
        return `Bearer ${session.accessToken}`;
      },
    },
    // Malformed headers
    { name: "'Bearer' with no token", authorization: () => 'Bearer' },
    { name: "'Bearer abc'", authorization: () => 'Bearer abc' },
    { name: "'Bearer ..' (two dots only)", authorization: () => 'Bearer ..' },
    {
      name: "a 'Basic' scheme with the officer's email and password",
      authorization: () =>
        `Basic ${Buffer.from(`${officer.email}:${TEST_PASSWORD}`).toString('base64')}`,
    },
    {
      name: "the genuine token under a 'Basic' scheme",
      authorization: () => `Basic ${genuineToken}`,
    },
    { name: 'the genuine token without a scheme', authorization: () => genuineToken },
  ];

  it.each(cases)('refuses $name', async ({ authorization }) => {
    const res = await me(await authorization());
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a request without an Authorization header', async () => {
    const res = await me();
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('ignores a genuine token sent in the query string', async () => {
    const res = await http().get(`/api/v1/me?access_token=${genuineToken}`);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('still accepts the genuine token after every forgery was refused', async () => {
    const res = await me(`Bearer ${genuineToken}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(officer.id);
  });
});
