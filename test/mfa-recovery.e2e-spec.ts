import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  GrantSpec,
  Session,
  TEST_PASSWORD,
  createConsulate,
  createUser,
  nextCode,
  signIn,
} from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

const CODE_FORMAT = /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/;

/** A user who has just enrolled TOTP through the API, with what enrolment showed them once. */
interface Enrolled {
  id: string;
  email: string;
  secret: string;
  recoveryCodes: string[];
  accessToken: string;
  refreshToken: string;
}

describe('MFA recovery: recovery codes and the admin reset', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let consulateMx: string;
  const admins = {} as Record<'adminMx' | 'adminGt' | 'system_admin', Session>;

  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => `Bearer ${token}`;
  const login = (email: string) =>
    http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD });
  const verify = (body: object) => http().post('/api/v1/auth/mfa/verify').send(body);
  const status = (token: string) =>
    http().get('/api/v1/auth/mfa').set('Authorization', bearer(token));
  const regenerate = (token: string, body: object) =>
    http().post('/api/v1/auth/mfa/recovery-codes').set('Authorization', bearer(token)).send(body);
  const reset = (
    token: string | undefined,
    userId: string,
    body: object = { reason: 'Lost phone' },
  ) => {
    const req = http().post(`/api/v1/users/${userId}/mfa/reset`);
    return (token ? req.set('Authorization', bearer(token)) : req).send(body);
  };
  const expectProblem = (res: request.Response, status: number, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };

  async function enrolled(grants: GrantSpec[] = [{ role: 'supervisor', countryCode: 'MX' }]) {
    const user = await createUser(stack, grants, { countryCode: 'MX' });
    const started = await login(user.email);
    expect(started.body.challengeType).toBe('mfa_enrol');
    const challengeToken = started.body.challengeToken as string;
    const enrol = await http().post('/api/v1/auth/mfa/enrol').send({ challengeToken });
    expect(enrol.status).toBe(200);
    const confirm = await http()
      .post('/api/v1/auth/mfa/confirm')
      .send({ challengeToken, code: await nextCode(enrol.body.secret) });
    expect(confirm.status).toBe(200);
    return {
      ...user,
      secret: enrol.body.secret,
      recoveryCodes: confirm.body.recoveryCodes,
      accessToken: confirm.body.accessToken,
      refreshToken: confirm.body.refreshToken,
    } as Enrolled;
  }

  async function challenge(email: string): Promise<string> {
    const res = await login(email);
    expect(res.body.challengeType).toBe('mfa_verify');
    return res.body.challengeToken;
  }

  const codesOf = (userId: string) =>
    stack.query<{ code_hash: string; used_at: Date | null }>(
      'SELECT code_hash, used_at FROM mfa_recovery_codes WHERE user_id = $1',
      [userId],
    );
  const auditOf = (userId: string) =>
    stack.query<{ action: string; outcome: string; actor_user_id: string; details: object }>(
      `SELECT action, outcome, actor_user_id, details FROM audit_events
        WHERE resource_type = 'user' AND resource_id = $1 ORDER BY seq`,
      [userId.toString()],
    );

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    consulateMx = await createConsulate(stack, 'MX');
    const users = {
      adminMx: await createUser(stack, [{ role: 'admin', countryCode: 'MX' }]),
      adminGt: await createUser(stack, [{ role: 'admin', countryCode: 'GT' }]),
      system_admin: await createUser(stack, [{ role: 'system_admin' }], { countryCode: null }),
    };
    for (const [name, user] of Object.entries(users))
      admins[name as keyof typeof admins] = await signIn(app, user.email);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  describe('recovery codes', () => {
    it('are shown once at enrolment, ten of them, and only their hashes are stored', async () => {
      const user = await enrolled();
      expect(user.recoveryCodes).toHaveLength(10);
      expect(new Set(user.recoveryCodes).size).toBe(10);
      for (const code of user.recoveryCodes) expect(code).toMatch(CODE_FORMAT);

      const stored = await codesOf(user.id);
      expect(stored).toHaveLength(10);
      const hashes = stored.map((r) => r.code_hash).join(' ');
      for (const code of user.recoveryCodes) {
        expect(hashes).not.toContain(code);
        expect(hashes).not.toContain(code.replace('-', ''));
      }

      const shown = await status(user.accessToken);
      expect(shown.status).toBe(200);
      expect(shown.body).toEqual({
        enabled: true,
        enabledAt: expect.any(String),
        recoveryCodesLeft: 10,
      });
    });

    it('sign a user in in place of a TOTP code, and each works once', async () => {
      const user = await enrolled();
      const [code] = user.recoveryCodes;
      // Typed by a person: lower case, no hyphen.
      const typed = code.replace('-', '').toLowerCase();
      const first = await verify({
        challengeToken: await challenge(user.email),
        recoveryCode: typed,
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        recoveryCodesLeft: 9,
      });
      const me = await http()
        .get('/api/v1/me')
        .set('Authorization', bearer(first.body.accessToken));
      expect(me.body).toMatchObject({ id: user.id, mfaEnabled: true });
      expect((await status(first.body.accessToken)).body.recoveryCodesLeft).toBe(9);

      const again = await verify({
        challengeToken: await challenge(user.email),
        recoveryCode: code,
      });
      expectProblem(again, 401, 'MFA_RECOVERY_CODE_INVALID');
      expect(again.body).not.toHaveProperty('accessToken');
      expect(again.body.title).toBe('Código de recuperación no válido');

      const other = await verify({
        challengeToken: await challenge(user.email),
        recoveryCode: user.recoveryCodes[1],
      });
      expect(other.status).toBe(200);
      expect(other.body.recoveryCodesLeft).toBe(8);
    });

    it('are spent at most once when sign-ins race with the same code', async () => {
      const user = await enrolled();
      const code = user.recoveryCodes[0];
      const challenges = await Promise.all([1, 2, 3, 4].map(() => challenge(user.email)));
      const results = await Promise.all(
        challenges.map((challengeToken) => verify({ challengeToken, recoveryCode: code })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401, 401]);
      expect(results.filter((r) => r.body.accessToken)).toHaveLength(1);
      const used = (await codesOf(user.id)).filter((r) => r.used_at !== null);
      expect(used).toHaveLength(1);
    });

    it('of one user do not work for another', async () => {
      const [alice, bob] = [await enrolled(), await enrolled()];
      const res = await verify({
        challengeToken: await challenge(alice.email),
        recoveryCode: bob.recoveryCodes[0],
      });
      expectProblem(res, 401, 'MFA_RECOVERY_CODE_INVALID');
      expect((await codesOf(bob.id)).every((r) => r.used_at === null)).toBe(true);
    });

    it('lock the second step after five wrong ones, even against a right one, spending nothing', async () => {
      const user = await enrolled();
      const challengeToken = await challenge(user.email);
      for (let i = 0; i < 5; i++) {
        const res = await verify({ challengeToken, recoveryCode: `22222-2222${i + 2}` });
        expectProblem(res, 401, 'MFA_RECOVERY_CODE_INVALID');
      }
      const locked = await verify({ challengeToken, recoveryCode: user.recoveryCodes[0] });
      expectProblem(locked, 429, 'TOO_MANY_ATTEMPTS');
      expect(locked.headers['retry-after']).toMatch(/^\d+$/);
      const lockedTotp = await verify({ challengeToken, code: await nextCode(user.secret) });
      expectProblem(lockedTotp, 429, 'TOO_MANY_ATTEMPTS');
      expect((await codesOf(user.id)).every((r) => r.used_at === null)).toBe(true);
    });

    it.each([
      ['both a code and a recovery code', { code: '123456', recoveryCode: '22222-22222' }],
      ['neither', {}],
      ['a recovery code of the wrong shape', { recoveryCode: 'x'.repeat(100) }],
    ])('refuse a verification with %s (400)', async (_name, proof) => {
      const user = await enrolled();
      const res = await verify({ challengeToken: await challenge(user.email), ...proof });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect((await codesOf(user.id)).every((r) => r.used_at === null)).toBe(true);
    });

    it('are replaced by a new set with a current TOTP code, and the old set stops working', async () => {
      const user = await enrolled();
      const wrong = await regenerate(user.accessToken, { code: '000000' });
      expectProblem(wrong, 401, 'MFA_CODE_INVALID');
      const kept = await codesOf(user.id);
      expect(kept).toHaveLength(10);

      const missing = await regenerate(user.accessToken, {});
      expectProblem(missing, 400, 'VALIDATION_FAILED');

      const res = await regenerate(user.accessToken, { code: await nextCode(user.secret) });
      expect(res.status).toBe(200);
      expect(res.body.recoveryCodes).toHaveLength(10);
      for (const code of res.body.recoveryCodes) expect(code).toMatch(CODE_FORMAT);
      expect(res.body.recoveryCodes.filter((c: string) => user.recoveryCodes.includes(c))).toEqual(
        [],
      );
      expect((await status(user.accessToken)).body.recoveryCodesLeft).toBe(10);

      const old = await verify({
        challengeToken: await challenge(user.email),
        recoveryCode: user.recoveryCodes[0],
      });
      expectProblem(old, 401, 'MFA_RECOVERY_CODE_INVALID');
      const fresh = await verify({
        challengeToken: await challenge(user.email),
        recoveryCode: res.body.recoveryCodes[0],
      });
      expect(fresh.status).toBe(200);
    });

    it('cannot be made for an account without MFA', async () => {
      const officer = await createUser(stack, [{ role: 'officer', consulateId: consulateMx }]);
      const session = await signIn(app, officer.email);
      expectProblem(
        await regenerate(session.accessToken, { code: '123456' }),
        409,
        'MFA_NOT_ENABLED',
      );
      expect((await status(session.accessToken)).body).toEqual({
        enabled: false,
        enabledAt: null,
        recoveryCodesLeft: 0,
      });
    });

    it('are issued to an officer who turns MFA on while signed in', async () => {
      const officer = await createUser(stack, [{ role: 'officer', consulateId: consulateMx }]);
      const session = await signIn(app, officer.email);
      const enrol = await http()
        .post('/api/v1/auth/mfa/enrol')
        .set('Authorization', bearer(session.accessToken))
        .send({});
      const confirm = await http()
        .post('/api/v1/auth/mfa/confirm')
        .set('Authorization', bearer(session.accessToken))
        .send({ code: await nextCode(enrol.body.secret) });
      expect(confirm.status).toBe(200);
      expect(confirm.body).toEqual({ mfaEnabled: true, recoveryCodes: expect.any(Array) });
      expect(confirm.body.recoveryCodes).toHaveLength(10);
    });
  });

  describe('admin reset', () => {
    /** Everything a reset changes, to show that a refused one changed nothing. */
    const fingerprint = async (userId: string) =>
      stack.query(
        `SELECT u.mfa_secret, u.mfa_enabled_at, u.mfa_reset_at, u.token_version,
                (SELECT count(*) FROM mfa_recovery_codes c WHERE c.user_id = u.id) AS codes,
                (SELECT count(*) FROM refresh_tokens r WHERE r.user_id = u.id AND r.revoked_at IS NULL) AS sessions,
                (SELECT count(*) FROM mfa_resets m WHERE m.user_id = u.id) AS resets
           FROM users u WHERE u.id = $1`,
        [userId],
      );

    it('by an admin of the country ends the sessions and makes the next sign-in enrol again', async () => {
      const user = await enrolled();
      const res = await reset(admins.adminMx.accessToken, user.id, {
        reason: 'Lost phone; identity checked by video call',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id, mfaEnabled: false });

      const me = await http().get('/api/v1/me').set('Authorization', bearer(user.accessToken));
      expectProblem(me, 401, 'UNAUTHENTICATED');
      const refreshed = await http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: user.refreshToken });
      expect(refreshed.status).toBe(401);
      const [row] = await fingerprint(user.id);
      expect(row).toMatchObject({
        mfa_secret: null,
        mfa_enabled_at: null,
        codes: '0',
        sessions: '0',
      });
      expect(row.mfa_reset_at).not.toBeNull();
      const [record] = await stack.query(
        'SELECT reset_by, reason FROM mfa_resets WHERE user_id = $1',
        [user.id],
      );
      expect(record).toEqual({
        reset_by: admins.adminMx.userId,
        reason: 'Lost phone; identity checked by video call',
      });

      const next = await login(user.email);
      expect(next.body).toMatchObject({ mfaEnrolmentRequired: true, challengeType: 'mfa_enrol' });
      const again = await signIn(app, user.email);
      expect(again.accessToken).toEqual(expect.any(String));
      expect((await fingerprint(user.id))[0]).toMatchObject({ mfa_reset_at: null, codes: '10' });
    });

    it('makes an officer who had turned MFA on enrol again, though the role does not require it', async () => {
      // Officers are not asked to enrol at sign-in: this one turns MFA on while signed in.
      const user = await createUser(stack, [{ role: 'officer', consulateId: consulateMx }], {
        countryCode: 'MX',
      });
      const session = await signIn(app, user.email);
      const enrol = await http()
        .post('/api/v1/auth/mfa/enrol')
        .set('Authorization', bearer(session.accessToken))
        .send({});
      await http()
        .post('/api/v1/auth/mfa/confirm')
        .set('Authorization', bearer(session.accessToken))
        .send({ code: await nextCode(enrol.body.secret) })
        .expect(200);

      expect((await reset(admins.adminMx.accessToken, user.id)).status).toBe(200);
      const next = await login(user.email);
      expect(next.body).toMatchObject({ mfaEnrolmentRequired: true });
    });

    it('by a system_admin works on a country admin', async () => {
      const admin = await enrolled([{ role: 'admin', countryCode: 'MX' }]);
      const res = await reset(admins.system_admin.accessToken, admin.id);
      expect(res.status).toBe(200);
      expect(res.body.mfaEnabled).toBe(false);
    });

    type Refusal = [string, () => string | undefined, () => Promise<string>, number, string];
    const refusals: Refusal[] = [
      [
        'without a token',
        () => undefined,
        async () => (await enrolled()).id,
        401,
        'UNAUTHENTICATED',
      ],
      ...(['officer', 'consul', 'supervisor', 'analyst'] as const).map((role): Refusal => [
        `by ${role === 'officer' || role === 'analyst' ? 'an' : 'a'} ${role}`,
        () => roleTokens[role],
        async () => (await enrolled()).id,
        403,
        'FORBIDDEN',
      ]),
      [
        'by an admin of another country (as if the user did not exist)',
        () => admins.adminGt.accessToken,
        async () => (await enrolled()).id,
        404,
        'USER_NOT_FOUND',
      ],
      [
        'by an admin on themself',
        () => admins.adminMx.accessToken,
        async () => admins.adminMx.userId,
        403,
        'CANNOT_RESET_OWN_MFA',
      ],
      [
        'by a system_admin on themself',
        () => admins.system_admin.accessToken,
        async () => admins.system_admin.userId,
        403,
        'CANNOT_RESET_OWN_MFA',
      ],
      [
        'by a country admin on another admin (only a system_admin may)',
        () => admins.adminMx.accessToken,
        async () => (await enrolled([{ role: 'admin', countryCode: 'MX' }])).id,
        403,
        'MFA_RESET_NOT_ALLOWED',
      ],
      [
        'of a user without MFA',
        () => admins.adminMx.accessToken,
        async () => (await createUser(stack, [{ role: 'analyst', countryCode: 'MX' }])).id,
        409,
        'MFA_NOT_ENABLED',
      ],
    ];
    const roleTokens = {} as Record<'officer' | 'consul' | 'supervisor' | 'analyst', string>;

    beforeAll(async () => {
      const grants: Record<keyof typeof roleTokens, GrantSpec[]> = {
        officer: [{ role: 'officer', consulateId: consulateMx }],
        consul: [{ role: 'consul', consulateId: consulateMx }],
        supervisor: [{ role: 'supervisor', countryCode: 'MX' }],
        analyst: [{ role: 'analyst', countryCode: 'MX' }],
      };
      for (const [role, spec] of Object.entries(grants)) {
        const user = await createUser(stack, spec, { countryCode: 'MX' });
        roleTokens[role as keyof typeof roleTokens] = (await signIn(app, user.email)).accessToken;
      }
    });

    it.each(refusals)(
      'is refused %s, changing nothing',
      async (_name, token, target, status, code) => {
        const userId = await target();
        const before = await fingerprint(userId);
        const res = await reset(token(), userId);
        expectProblem(res, status, code);
        expect(await fingerprint(userId)).toEqual(before);
      },
    );

    it('answers an out-of-scope user exactly like an unknown id', async () => {
      const user = await enrolled();
      const outside = await reset(admins.adminGt.accessToken, user.id);
      const unknown = await reset(admins.adminGt.accessToken, randomUUID());
      expectProblem(outside, 404, 'USER_NOT_FOUND');
      const comparable = (r: request.Response) => {
        const { type, title, status, detail, code } = r.body;
        return { type, title, status, detail, code };
      };
      expect(comparable(outside)).toEqual(comparable(unknown));
    });

    it.each([
      ['no reason', {}],
      ['a blank reason', { reason: '   ' }],
      ['a reason too long', { reason: 'x'.repeat(501) }],
      ['an unknown field', { reason: 'Lost phone', keepCodes: true }],
    ])('is refused with %s (400), changing nothing', async (_name, body) => {
      const user = await enrolled();
      const before = await fingerprint(user.id);
      expectProblem(
        await reset(admins.adminMx.accessToken, user.id, body),
        400,
        'VALIDATION_FAILED',
      );
      expect(await fingerprint(user.id)).toEqual(before);
    });
  });

  describe('audit', () => {
    it('records every use, regeneration and reset, with no code, secret or reason in it', async () => {
      const user = await enrolled();
      await verify({
        challengeToken: await challenge(user.email),
        recoveryCode: user.recoveryCodes[0],
      }).expect(200);
      await verify({
        challengeToken: await challenge(user.email),
        recoveryCode: '22222-22222',
      }).expect(401);
      const regenerated = await regenerate(user.accessToken, { code: await nextCode(user.secret) });
      expect(regenerated.status).toBe(200);
      const reason = `Stolen phone ${randomUUID()}`;
      await reset(admins.adminMx.accessToken, user.id, { reason }).expect(200);

      const events = await auditOf(user.id);
      const mfaEvents = events
        .filter((e) => /mfa/.test(e.action) && e.action !== 'auth.mfa.enrol')
        .map(({ action, outcome, actor_user_id, details }) => ({
          action,
          outcome,
          actor: actor_user_id,
          details,
        }));
      expect(mfaEvents).toEqual([
        {
          action: 'auth.mfa.confirm',
          outcome: 'success',
          actor: user.id,
          details: { recoveryCodesIssued: 10 },
        },
        {
          action: 'auth.mfa.recovery_code.use',
          outcome: 'success',
          actor: user.id,
          details: { recoveryCodesLeft: 9 },
        },
        { action: 'auth.mfa.recovery_code.use', outcome: 'failure', actor: user.id, details: {} },
        {
          action: 'auth.mfa.recovery_codes.regenerate',
          outcome: 'success',
          actor: user.id,
          details: { recoveryCodesIssued: 10, recoveryCodesVoided: 9 },
        },
        {
          action: 'user.mfa_reset',
          outcome: 'success',
          actor: admins.adminMx.userId,
          details: {
            mfaResetId: expect.any(String),
            recoveryCodesVoided: 10,
            sessionsEnded: true,
          },
        },
      ]);

      const written = JSON.stringify(events);
      for (const code of [...user.recoveryCodes, ...regenerated.body.recoveryCodes]) {
        expect(written).not.toContain(code);
        expect(written).not.toContain(code.replace('-', ''));
      }
      expect(written).not.toContain(user.secret);
      expect(written).not.toContain(reason);
    });

    it('records refused resets too', async () => {
      const user = await enrolled([{ role: 'admin', countryCode: 'MX' }]);
      await reset(admins.adminMx.accessToken, user.id).expect(403);
      const events = await auditOf(user.id);
      expect(events.at(-1)).toMatchObject({
        action: 'user.mfa_reset',
        outcome: 'denied',
        actor_user_id: admins.adminMx.userId,
        details: { reason: 'MFA_RESET_NOT_ALLOWED' },
      });
    });
  });
});
