import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { TEST_PASSWORD, createConsulate, createUser, nextCode, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

/** A user who enrolled TOTP through the API, with what enrolment showed them once. */
interface Enrolled {
  id: string;
  email: string;
  secret: string;
  recoveryCodes: string[];
}

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

describe('MFA: replacing the authenticator', () => {
  let stack: TestStack;
  let app: NestExpressApplication;

  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => `Bearer ${token}`;
  const login = (email: string) =>
    http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD });
  const verify = (body: object) => http().post('/api/v1/auth/mfa/verify').send(body);
  const start = (token: string, body: object = { currentPassword: TEST_PASSWORD }) =>
    http().post('/api/v1/auth/mfa/replacement').set('Authorization', bearer(token)).send(body);
  const confirm = (token: string, body: object) =>
    http()
      .post('/api/v1/auth/mfa/replacement/confirm')
      .set('Authorization', bearer(token))
      .send(body);
  const me = (token: string) => http().get('/api/v1/me').set('Authorization', bearer(token));
  const expectProblem = (res: request.Response, status: number, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  async function enrolled(): Promise<Enrolled> {
    const user = await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }]);
    const { challengeToken } = (await login(user.email)).body as { challengeToken: string };
    const enrol = await http().post('/api/v1/auth/mfa/enrol').send({ challengeToken });
    const done = await http()
      .post('/api/v1/auth/mfa/confirm')
      .send({ challengeToken, code: await nextCode(enrol.body.secret) });
    expect(done.status).toBe(200);
    return { ...user, secret: enrol.body.secret, recoveryCodes: done.body.recoveryCodes };
  }

  async function challenge(email: string): Promise<string> {
    const res = await login(email);
    expect(res.body.challengeType).toBe('mfa_verify');
    return res.body.challengeToken;
  }

  /** Signs in the way someone who lost their phone does: password, then a recovery code. */
  async function withRecoveryCode(user: Enrolled, index = 0): Promise<Tokens> {
    const res = await verify({
      challengeToken: await challenge(user.email),
      recoveryCode: user.recoveryCodes[index],
    });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function withTotp(email: string, secret: string): Promise<request.Response> {
    return verify({ challengeToken: await challenge(email), code: await nextCode(secret) });
  }

  /** Everything a replacement changes, to show that one not confirmed changed nothing. */
  const fingerprint = (userId: string) =>
    stack.query(
      `SELECT u.mfa_secret, u.mfa_enabled_at, u.token_version, u.password_hash,
              (SELECT json_agg(c.code_hash ORDER BY c.code_hash) FROM mfa_recovery_codes c
                WHERE c.user_id = u.id AND c.used_at IS NULL) AS codes,
              (SELECT count(*) FROM refresh_tokens r WHERE r.user_id = u.id AND r.revoked_at IS NULL) AS sessions
         FROM users u WHERE u.id = $1`,
      [userId],
    );

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it('moves a user who lost their phone to a new one: recovery code, replace, sign in with the new TOTP', async () => {
    const user = await enrolled();
    const session = await withRecoveryCode(user);

    const started = await start(session.accessToken);
    expect(started.status).toBe(200);
    expect(started.body).toEqual({
      secret: expect.stringMatching(/^[A-Z2-7]+$/),
      otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//),
      expiresAt: expect.any(String),
    });
    expect(started.body.secret).not.toBe(user.secret);
    const newSecret = started.body.secret as string;

    const done = await confirm(session.accessToken, { code: await nextCode(newSecret) });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect(done.body.recoveryCodes.filter((c: string) => user.recoveryCodes.includes(c))).toEqual(
      [],
    );

    // Every other session ended, the one that replaced it included; the new tokens work.
    expectProblem(await me(session.accessToken), 401, 'UNAUTHENTICATED');
    expect((await me(done.body.accessToken)).status).toBe(200);

    const withNew = await withTotp(user.email, newSecret);
    expect(withNew.status).toBe(200);
    expect(withNew.body.accessToken).toEqual(expect.any(String));

    const withOld = await withTotp(user.email, user.secret);
    expectProblem(withOld, 401, 'MFA_CODE_INVALID');

    const oldCode = await verify({
      challengeToken: await challenge(user.email),
      recoveryCode: user.recoveryCodes[1],
    });
    expectProblem(oldCode, 401, 'MFA_RECOVERY_CODE_INVALID');
    const newCode = await verify({
      challengeToken: await challenge(user.email),
      recoveryCode: done.body.recoveryCodes[0],
    });
    expect(newCode.status).toBe(200);
  });

  it('works as well right after a sign-in with the authenticator (changing phones)', async () => {
    const user = await enrolled();
    const session = (await withTotp(user.email, user.secret)).body as Tokens;
    const started = await start(session.accessToken);
    expect(started.status).toBe(200);
    const done = await confirm(session.accessToken, { code: await nextCode(started.body.secret) });
    expect(done.status).toBe(200);
    expect((await withTotp(user.email, started.body.secret)).status).toBe(200);
  });

  it('changes nothing while a replacement is started but not confirmed', async () => {
    const user = await enrolled();
    const session = await withRecoveryCode(user);
    const before = await fingerprint(user.id);

    const started = await start(session.accessToken);
    expect(started.status).toBe(200);
    expect(await fingerprint(user.id)).toEqual(before);

    // The old authenticator still signs in; the new one does not, yet.
    expectProblem(await withTotp(user.email, started.body.secret), 401, 'MFA_CODE_INVALID');
    expect((await withTotp(user.email, user.secret)).status).toBe(200);
    expect((await me(session.accessToken)).status).toBe(200);
    const [after] = await fingerprint(user.id);
    expect(after).toMatchObject({ mfa_secret: before[0].mfa_secret, codes: before[0].codes });
  });

  it('refuses a wrong code from the new authenticator, changing nothing, and the right one still works', async () => {
    const user = await enrolled();
    const session = await withRecoveryCode(user);
    const started = await start(session.accessToken);
    const before = await fingerprint(user.id);

    const wrong = await confirm(session.accessToken, { code: await nextCode(user.secret) });
    expectProblem(wrong, 401, 'MFA_CODE_INVALID');
    expect(wrong.body).not.toHaveProperty('recoveryCodes');
    expect(await fingerprint(user.id)).toEqual(before);

    const right = await confirm(session.accessToken, { code: await nextCode(started.body.secret) });
    expect(right.status).toBe(200);
  });

  it('replaces once when two confirmations race with the same code', async () => {
    const user = await enrolled();
    const session = await withRecoveryCode(user);
    const started = await start(session.accessToken);
    const code = await nextCode(started.body.secret);
    const results = await Promise.all([1, 2].map(() => confirm(session.accessToken, { code })));
    const [winner, loser] = [...results].sort((a, b) => a.status - b.status);
    expect(winner.status).toBe(200);
    // The loser either found the replacement taken (it passed the guard before the winner
    // committed) or found its session already ended by the winner: never a second replacement.
    if (loser.status === 401) expectProblem(loser, 401, 'UNAUTHENTICATED');
    else expectProblem(loser, 409, 'MFA_REPLACEMENT_NOT_STARTED');
    expect(loser.body).not.toHaveProperty('recoveryCodes');
    const [row] = await stack.query<{ codes: string }>(
      'SELECT count(*) AS codes FROM mfa_recovery_codes WHERE user_id = $1',
      [user.id],
    );
    expect(row.codes).toBe('10');
  });

  it('counts wrong codes towards the same lock as sign-in codes', async () => {
    const user = await enrolled();
    const session = await withRecoveryCode(user);
    const started = await start(session.accessToken);
    for (let i = 0; i < 5; i++)
      expectProblem(
        await confirm(session.accessToken, { code: '000000' }),
        401,
        'MFA_CODE_INVALID',
      );
    const locked = await confirm(session.accessToken, {
      code: await nextCode(started.body.secret),
    });
    expectProblem(locked, 429, 'TOO_MANY_ATTEMPTS');
    expect(locked.headers['retry-after']).toMatch(/^\d+$/);
  });

  describe('re-authentication', () => {
    it('needs the current password to start', async () => {
      const user = await enrolled();
      const session = await withRecoveryCode(user);
      const before = await fingerprint(user.id);
      const res = await start(session.accessToken, { currentPassword: 'not the password at all' });
      expectProblem(res, 400, 'WRONG_CURRENT_PASSWORD');
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'currentPassword', code: 'WRONG_CURRENT_PASSWORD' }),
      ]);
      expect(await fingerprint(user.id)).toEqual(before);
      // Nothing was started: there is nothing to confirm.
      expectProblem(
        await confirm(session.accessToken, { code: await nextCode(user.secret) }),
        409,
        'MFA_REPLACEMENT_NOT_STARTED',
      );
      expectProblem(await start(session.accessToken, {}), 400, 'VALIDATION_FAILED');
    });

    it('locks the account after as many wrong passwords as sign-in allows', async () => {
      const user = await enrolled();
      const session = await withRecoveryCode(user);
      for (let i = 0; i < 5; i++)
        expect(
          (await start(session.accessToken, { currentPassword: 'wrong password ' + i })).status,
        ).toBe(400);
      expectProblem(await start(session.accessToken), 429, 'TOO_MANY_ATTEMPTS');
      expectProblem(await login(user.email), 429, 'TOO_MANY_ATTEMPTS');
    });

    it('needs a sign-in with a second factor in the last 10 minutes', async () => {
      const user = await enrolled();
      const session = await withRecoveryCode(user);
      await stack.query(
        `UPDATE refresh_tokens SET mfa_verified_at = now() - interval '11 minutes' WHERE user_id = $1`,
        [user.id],
      );
      const before = await fingerprint(user.id);
      const res = await start(session.accessToken);
      expectProblem(res, 403, 'MFA_REAUTHENTICATION_REQUIRED');
      const en = await start(session.accessToken).set('Accept-Language', 'en');
      expect(en.body.title).toBe('Sign in again first');
      expect(res.body.title).toBe('Inicie sesión de nuevo primero');
      expect(await fingerprint(user.id)).toEqual(before);
    });

    it('is not met by a session that a password change opened', async () => {
      const user = await enrolled();
      const session = await withRecoveryCode(user);
      const changed = await http()
        .post('/api/v1/auth/password')
        .set('Authorization', bearer(session.accessToken))
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase 42' });
      expect(changed.status).toBe(200);
      const res = await start(changed.body.accessToken, {
        currentPassword: 'another long passphrase 42',
      });
      expectProblem(res, 403, 'MFA_REAUTHENTICATION_REQUIRED');
    });

    it('binds the replacement to the session that started it, for 10 minutes', async () => {
      const user = await enrolled();
      const first = await withRecoveryCode(user, 0);
      const second = await withRecoveryCode(user, 1);
      const started = await start(first.accessToken);
      const code = await nextCode(started.body.secret);
      expectProblem(
        await confirm(second.accessToken, { code }),
        409,
        'MFA_REPLACEMENT_NOT_STARTED',
      );

      await stack.query(
        `UPDATE mfa_replacements SET started_at = now() - interval '11 minutes' WHERE user_id = $1`,
        [user.id],
      );
      const before = await fingerprint(user.id);
      expectProblem(
        await confirm(first.accessToken, { code: await nextCode(started.body.secret) }),
        409,
        'MFA_REPLACEMENT_NOT_STARTED',
      );
      expect(await fingerprint(user.id)).toEqual(before);
    });

    it('is for accounts with MFA on: others enrol instead', async () => {
      const consulate = await createConsulate(stack, 'MX');
      const officer = await createUser(stack, [{ role: 'officer', consulateId: consulate }]);
      const session = await signIn(app, officer.email);
      expectProblem(await start(session.accessToken), 409, 'MFA_NOT_ENABLED');
    });

    it('refuses without a token', async () => {
      const res = await http()
        .post('/api/v1/auth/mfa/replacement')
        .send({ currentPassword: TEST_PASSWORD });
      expectProblem(res, 401, 'UNAUTHENTICATED');
    });
  });

  it('is audited, with no password, secret or code in the log', async () => {
    const user = await enrolled();
    const session = await withRecoveryCode(user);
    await start(session.accessToken, { currentPassword: 'not the password at all' }).expect(400);
    const started = await start(session.accessToken).expect(200);
    await confirm(session.accessToken, { code: '000000' }).expect(401);
    const done = await confirm(session.accessToken, {
      code: await nextCode(started.body.secret),
    }).expect(200);

    const events = await stack.query<{
      action: string;
      outcome: string;
      actor_user_id: string;
      details: object;
    }>(
      `SELECT action, outcome, actor_user_id, details FROM audit_events
        WHERE resource_type = 'user' AND resource_id = $1 AND action LIKE 'auth.mfa.replace%'
        ORDER BY seq`,
      [user.id],
    );
    expect(events).toEqual([
      {
        action: 'auth.mfa.replace.start',
        outcome: 'failure',
        actor_user_id: user.id,
        details: { reason: 'wrong_current_password' },
      },
      { action: 'auth.mfa.replace.start', outcome: 'success', actor_user_id: user.id, details: {} },
      {
        action: 'auth.mfa.replace.confirm',
        outcome: 'failure',
        actor_user_id: user.id,
        details: {},
      },
      {
        action: 'auth.mfa.replace.confirm',
        outcome: 'success',
        actor_user_id: user.id,
        details: { recoveryCodesIssued: 10, recoveryCodesVoided: 9, sessionsEnded: true },
      },
    ]);
    const written = JSON.stringify(
      await stack.query('SELECT details FROM audit_events WHERE resource_id = $1', [user.id]),
    );
    for (const secret of [started.body.secret, user.secret, TEST_PASSWORD])
      expect(written).not.toContain(secret);
    for (const code of done.body.recoveryCodes) expect(written).not.toContain(code);
  });
});
