import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { Answer, WatchedHttp } from './watched-http';

/** The first administrator the API creates at its first start (AMPARO_BOOTSTRAP_ADMIN_*). */
export const SOAK_ADMIN = {
  email: 'root@soak.amparo.test',
  password: 'soak bootstrap secret phrase',
};
export const SOAK_ADMIN_ENV = {
  AMPARO_BOOTSTRAP_ADMIN_EMAIL: SOAK_ADMIN.email,
  AMPARO_BOOTSTRAP_ADMIN_PASSWORD: SOAK_ADMIN.password,
};

export interface Officer {
  email: string;
  password: string;
  consulateId: string;
  countryCode: string;
}

/**
 * Through the API only, as an administrator would: the bootstrap admin signs in (enrolling TOTP),
 * creates one post per country and an officer at each, who activates the account.
 */
export async function provisionOfficers(
  http: WatchedHttp,
  countries: string[],
): Promise<Officer[]> {
  const admin = await adminToken(http);
  const officers: Officer[] = [];
  for (const countryCode of countries) {
    const tag = randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
    const post = await expectStatus(
      http.request('POST', '/api/v1/consulates', {
        token: admin,
        body: {
          sendingCountryCode: countryCode,
          postCode: tag,
          name: `Soak post ${tag}`,
          type: 'consulate_general',
          hostCountryCode: 'US',
          city: 'Los Angeles',
          jurisdiction: ['US-CA'],
        },
      }),
      201,
    );
    const email = `officer-${tag.toLowerCase()}@soak.amparo.test`;
    const user = await expectStatus(
      http.request('POST', '/api/v1/users', {
        token: admin,
        body: {
          email,
          displayName: `Soak officer ${tag}`,
          countryCode,
          grants: [{ role: 'officer', consulateId: post.id }],
        },
      }),
      201,
    );
    const password = `soak ${randomUUID()} passphrase`;
    await expectStatus(
      http.request('POST', '/api/v1/auth/activate', {
        body: { token: user.activationToken, password },
      }),
      204,
    );
    officers.push({ email, password, consulateId: post.id, countryCode });
  }
  return officers;
}

/** An access token of the officer (officers sign in without a second factor). */
export async function signInOfficer(http: WatchedHttp, officer: Officer): Promise<string> {
  const login = await expectStatus(
    http.request('POST', '/api/v1/auth/login', {
      body: { email: officer.email, password: officer.password },
    }),
    200,
  );
  return login.accessToken as string;
}

async function adminToken(http: WatchedHttp): Promise<string> {
  const login = await expectStatus(
    http.request('POST', '/api/v1/auth/login', { body: SOAK_ADMIN }),
    200,
  );
  const challengeToken = login.challengeToken as string;
  const enrol = await expectStatus(
    http.request('POST', '/api/v1/auth/mfa/enrol', { body: { challengeToken } }),
    200,
  );
  const confirm = await expectStatus(
    http.request('POST', '/api/v1/auth/mfa/confirm', {
      body: { challengeToken, code: await generate({ secret: enrol.secret as string }) },
    }),
    200,
  );
  return confirm.accessToken as string;
}

async function expectStatus(
  pending: ReturnType<WatchedHttp['request']>,
  status: number,
): Promise<Answer['body']> {
  const res = await pending;
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
