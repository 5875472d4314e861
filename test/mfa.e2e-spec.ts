import { NestExpressApplication } from '@nestjs/platform-express';
import { generate } from 'otplib';
import request from 'supertest';
import {
  GrantSpec,
  TEST_PASSWORD,
  createConsulate,
  createUser,
  nextCode,
  signIn,
} from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

/** A six-digit code that matches none of the steps the server tolerates right now. */
async function wrongCode(secret: string): Promise<string> {
  const step = Math.floor(Date.now() / 1000 / 30);
  const valid = await Promise.all(
    [step - 2, step - 1, step, step + 1, step + 2].map((s) => generate({ secret, epoch: s * 30 })),
  );
  return ['000000', '111111', '222222', '333333'].find((c) => !valid.includes(c))!;
}

describe('Two-step verification (TOTP)', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let consulateId: string;

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    consulateId = await createConsulate(stack, 'MX');
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const http = () => request(app.getHttpServer());
  const login = (email: string) =>
    http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD });
  const me = (token: string) => http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
  const verify = (challengeToken: string, code: string) =>
    http().post('/api/v1/auth/mfa/verify').send({ challengeToken, code });

  /** A user who has enrolled MFA (one code of the secret is spent). */
  async function enrolledAdmin() {
    const user = await createUser(stack, [{ role: 'admin', countryCode: 'MX' }]);
    const session = await signIn(app, user.email);
    return { ...user, secret: session.mfaSecret! };
  }

  async function mfaChallenge(email: string): Promise<string> {
    const res = await login(email);
    expect(res.status).toBe(200);
    expect(res.body.mfaRequired).toBe(true);
    return res.body.challengeToken;
  }

  const mandatory: [string, GrantSpec[]][] = [
    ['admin', [{ role: 'admin', countryCode: 'MX' }]],
    ['supervisor', [{ role: 'supervisor', countryCode: 'MX' }]],
    ['system_admin', [{ role: 'system_admin' }]],
  ];

  it.each(mandatory)('makes the %s role enrol before giving any token', async (_role, grants) => {
    const user = await createUser(stack, grants);
    const res = await login(user.email);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      mfaEnrolmentRequired: true,
      challengeType: 'mfa_enrol',
      challengeToken: expect.any(String),
      expiresIn: expect.any(Number),
    });
    const challengeToken = res.body.challengeToken as string;

    const asAccess = await me(challengeToken);
    expect(asAccess.status).toBe(401);

    const enrol = await http().post('/api/v1/auth/mfa/enrol').send({ challengeToken });
    expect(enrol.status).toBe(200);
    expect(enrol.body).toEqual({ secret: expect.any(String), otpauthUri: expect.any(String) });
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);

    const confirm = await http()
      .post('/api/v1/auth/mfa/confirm')
      .send({ challengeToken, code: await nextCode(enrol.body.secret) });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      tokenType: 'Bearer',
    });

    const profile = await me(confirm.body.accessToken);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ id: user.id, mfaEnabled: true });
  });

  it('asks for a code once MFA is on, and refuses the same code a second time', async () => {
    const user = await enrolledAdmin();
    const first = await login(user.email);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      mfaRequired: true,
      challengeType: 'mfa_verify',
      challengeToken: expect.any(String),
      expiresIn: expect.any(Number),
    });

    const code = await nextCode(user.secret);
    const verified = await verify(first.body.challengeToken, code);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    expect((await me(verified.body.accessToken)).body).toMatchObject({
      id: user.id,
      mfaEnabled: true,
    });

    const replay = await verify(await mfaChallenge(user.email), code);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('MFA_CODE_INVALID');
    expect(replay.body).not.toHaveProperty('accessToken');
  });

  it('refuses a wrong code', async () => {
    const user = await enrolledAdmin();
    const res = await verify(await mfaChallenge(user.email), await wrongCode(user.secret));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('MFA_CODE_INVALID');
  });

  it('locks the second step after five wrong codes, even against a right one', async () => {
    const user = await enrolledAdmin();
    const challengeToken = await mfaChallenge(user.email);
    for (let i = 0; i < 5; i++) {
      const res = await verify(challengeToken, await wrongCode(user.secret));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('MFA_CODE_INVALID');
    }
    const locked = await verify(challengeToken, await nextCode(user.secret));
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('lets an officer turn MFA on while signed in, and then asks for it at sign-in', async () => {
    const user = await createUser(stack, [{ role: 'officer', consulateId }], { countryCode: 'MX' });
    const first = await login(user.email);
    expect(first.status).toBe(200);
    const bearer = `Bearer ${first.body.accessToken}`;

    const enrol = await http().post('/api/v1/auth/mfa/enrol').set('Authorization', bearer).send({});
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);

    const confirm = await http()
      .post('/api/v1/auth/mfa/confirm')
      .set('Authorization', bearer)
      .send({ code: await nextCode(enrol.body.secret) });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toEqual({ mfaEnabled: true, recoveryCodes: expect.any(Array) });
    expect((await me(first.body.accessToken)).body.mfaEnabled).toBe(true);

    const next = await login(user.email);
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ mfaRequired: true, challengeType: 'mfa_verify' });
    expect(next.body).not.toHaveProperty('accessToken');
    const verified = await verify(next.body.challengeToken, await nextCode(enrol.body.secret));
    expect(verified.status).toBe(200);
  });

  it('keeps each challenge to its own step', async () => {
    const enrolled = await enrolledAdmin();
    const verifyChallenge = await mfaChallenge(enrolled.email);
    const pending = await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]);
    const enrolLogin = await login(pending.email);
    expect(enrolLogin.body.challengeType).toBe('mfa_enrol');
    const enrolChallenge = enrolLogin.body.challengeToken as string;

    const verifyOnEnrol = await http()
      .post('/api/v1/auth/mfa/enrol')
      .send({ challengeToken: verifyChallenge });
    expect(verifyOnEnrol.status).toBe(401);
    expect(verifyOnEnrol.body.code).toBe('INVALID_CHALLENGE');

    const verifyOnConfirm = await http()
      .post('/api/v1/auth/mfa/confirm')
      .send({ challengeToken: verifyChallenge, code: '000000' });
    expect(verifyOnConfirm.status).toBe(401);
    expect(verifyOnConfirm.body.code).toBe('INVALID_CHALLENGE');

    const enrolOnVerify = await verify(enrolChallenge, '000000');
    expect(enrolOnVerify.status).toBe(401);
    expect(enrolOnVerify.body.code).toBe('INVALID_CHALLENGE');

    const officer = await createUser(stack, [{ role: 'officer', consulateId }]);
    const access = (await login(officer.email)).body.accessToken as string;
    const accessOnVerify = await verify(access, '000000');
    expect(accessOnVerify.status).toBe(401);
    expect(accessOnVerify.body.code).toBe('INVALID_CHALLENGE');

    const enrolAsBearer = await http()
      .post('/api/v1/auth/mfa/enrol')
      .set('Authorization', `Bearer ${enrolChallenge}`)
      .send({});
    expect(enrolAsBearer.status).toBe(401);
  });
});
