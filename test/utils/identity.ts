import { INestApplication } from '@nestjs/common';
import { hashPassword } from '@amparo/identity';
import { generate } from 'otplib';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TestStack } from './test-app';

export const TEST_PASSWORD = 'correct horse battery staple';
export const BOOTSTRAP_ADMIN = { email: 'root@amparo.test', password: 'bootstrap secret phrase' };
/** Env that makes the app create the first system_admin at start. */
export const BOOTSTRAP_ENV = {
  AMPARO_BOOTSTRAP_ADMIN_EMAIL: BOOTSTRAP_ADMIN.email,
  AMPARO_BOOTSTRAP_ADMIN_PASSWORD: BOOTSTRAP_ADMIN.password,
};

export interface GrantSpec {
  role: string;
  consulateId?: string;
  countryCode?: string;
  /** For organisation_focal_point; the grant then takes the organisation's managing country. */
  organisationId?: string;
}

export interface Session {
  userId: string;
  accessToken: string;
  refreshToken: string;
  mfaSecret?: string;
}

let passwordHash: Promise<string> | undefined;

/** Inserts a consulate directly (the directory's API is another context). */
export async function createConsulate(
  stack: Pick<TestStack, 'query'>,
  country: string,
  postCode = randomPostCode(),
): Promise<string> {
  const [row] = await stack.query<{ id: string }>(
    `INSERT INTO consulates (sending_country_code, post_code, name, host_country_code, city)
     VALUES ($1, $2, $3, 'US', 'Los Angeles') RETURNING id`,
    [country, postCode, `Consulate ${postCode}`],
  );
  return row.id;
}

/** Inserts a referral organisation directly, managed by `managedBy` (null: system_admins only). */
export async function createOrganisation(
  stack: Pick<TestStack, 'query'>,
  managedBy: string | null,
  name = `Organisation ${randomUUID().slice(0, 8)}`,
): Promise<string> {
  const [row] = await stack.query<{ id: string }>(
    `INSERT INTO organisations (name, type, services, coverage_countries, managed_by_country_code)
     VALUES ($1, 'civil_society', '{shelter}', '{MX}', $2) RETURNING id`,
    [name, managedBy],
  );
  return row.id;
}

function randomPostCode(): string {
  return randomUUID()
    .replace(/[^A-F0-9]/gi, '')
    .slice(0, 6)
    .toUpperCase();
}

/**
 * Inserts an active user with a password and grants (consulate grants take the consulate's country,
 * organisation grants the organisation's managing country).
 */
export async function createUser(
  stack: Pick<TestStack, 'query'>,
  grants: GrantSpec[],
  options: { countryCode?: string | null; email?: string; locale?: 'es' | 'en' } = {},
): Promise<{ id: string; email: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `user-${randomUUID()}@amparo.test`;
  const countryCode =
    options.countryCode !== undefined
      ? options.countryCode
      : (grants.find((g) => g.countryCode)?.countryCode ?? null);
  const [user] = await stack.query<{ id: string }>(
    `INSERT INTO users (email, display_name, country_code, password_hash, locale)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [email, 'Test User', countryCode, await passwordHash, options.locale ?? 'es'],
  );
  for (const grant of grants) {
    await stack.query(
      `INSERT INTO role_grants (user_id, role, consulate_id, country_code, organisation_id)
       VALUES ($1, $2, $3, COALESCE($4, (SELECT sending_country_code FROM consulates WHERE id = $3),
                                      (SELECT managed_by_country_code FROM organisations WHERE id = $5)), $5)`,
      [
        user.id,
        grant.role,
        grant.consulateId ?? null,
        grant.countryCode ?? null,
        grant.organisationId ?? null,
      ],
    );
  }
  return { id: user.id, email };
}

const lastStep = new Map<string, number>();

/** A TOTP code for a time step not used yet by this secret (the server refuses replays). */
export async function nextCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000 / 30);
  const step = Math.max(now, (lastStep.get(secret) ?? now - 1) + 1);
  if (step > now + 1)
    throw new Error('Test used more than two TOTP codes of one secret within 30 s');
  lastStep.set(secret, step);
  return generate({ secret, epoch: step * 30 });
}

/** Signs in through the API, enrolling MFA when the account must have it. */
export async function signIn(
  app: INestApplication,
  email: string,
  password = TEST_PASSWORD,
  mfaSecret?: string,
): Promise<Session> {
  const http = () => request(app.getHttpServer());
  const login = await http().post('/api/v1/auth/login').send({ email, password });
  if (login.status !== 200)
    throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  let tokens = login.body;
  let secret = mfaSecret;
  if (login.body.mfaEnrolmentRequired) {
    const enrol = await http()
      .post('/api/v1/auth/mfa/enrol')
      .send({ challengeToken: login.body.challengeToken });
    secret = enrol.body.secret as string;
    const confirm = await http()
      .post('/api/v1/auth/mfa/confirm')
      .send({ challengeToken: login.body.challengeToken, code: await nextCode(secret) });
    tokens = confirm.body;
  } else if (login.body.mfaRequired) {
    if (!secret) throw new Error('MFA secret needed to sign in');
    const verify = await http()
      .post('/api/v1/auth/mfa/verify')
      .send({ challengeToken: login.body.challengeToken, code: await nextCode(secret) });
    tokens = verify.body;
  }
  if (!tokens.accessToken)
    throw new Error(`sign-in did not give tokens: ${JSON.stringify(tokens)}`);
  const me = await http().get('/api/v1/me').set('Authorization', `Bearer ${tokens.accessToken}`);
  return {
    userId: me.body.id,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    mfaSecret: secret,
  };
}

/**
 * Named signed-in users of a test file: `signInAs(name, grants)` creates a user with those grants,
 * signs them in and keeps their token in `tokens[name]` and their id in `ids[name]`.
 */
export function signedInUsers(
  context: () => { app: INestApplication; stack: Pick<TestStack, 'query'> },
): {
  tokens: Record<string, string>;
  ids: Record<string, string>;
  signInAs: (name: string, grants: GrantSpec[]) => Promise<void>;
} {
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const signInAs = async (name: string, grants: GrantSpec[]) => {
    const { app, stack } = context();
    const user = await createUser(stack, grants);
    const session = await signIn(app, user.email);
    tokens[name] = session.accessToken;
    ids[name] = session.userId;
  };
  return { tokens, ids, signInAs };
}
