// TOTP for the scripts that sign in through the API as a person would (bench:web, bench:report):
// enrolment through the API, and a sign-in with the code.
import { generate } from 'otplib';
import { postJson } from './api-process';

/**
 * An authenticator for one key. The API accepts each 30-s step once per account (±1 step), so a
 * sign-in after the last one may have to wait for a fresh step: `next()` waits before the clock
 * starts, never during a measured sign-in.
 */
export class Authenticator {
  private lastStep = 0;
  constructor(readonly secret: string) {}

  async next(): Promise<string> {
    const now = () => Math.floor(Date.now() / 30_000);
    const step = Math.max(now(), this.lastStep + 1);
    // Step `now + 1` is accepted at once; a later one only when the clock gets near it.
    while (step > now() + 1) await new Promise((resolve) => setTimeout(resolve, 250));
    this.lastStep = step;
    return generate({ secret: this.secret, epoch: step * 30 });
  }
}

/**
 * The user turns TOTP on through the API: officers may sign in with a password alone, so they
 * enrol from their session (as from the account page); an account that must enrol does it with
 * the sign-in's challenge. Either way every later sign-in asks for the code.
 */
export async function enrolTotp(
  base: string,
  email: string,
  password: string,
): Promise<Authenticator> {
  const post = async (path: string, body: object, accessToken?: string) =>
    (await postJson(base, path, body, { accessToken })).body;
  const login = await post('/api/v1/auth/login', { email, password });
  const proof =
    login.challengeType === 'mfa_enrol'
      ? { body: { challengeToken: login.challengeToken as string } }
      : { body: {}, accessToken: login.accessToken as string | undefined };
  if (!proof.accessToken && !('challengeToken' in proof.body))
    throw new Error(`the sign-in gave neither a session nor an enrolment challenge`);
  const { secret } = await post('/api/v1/auth/mfa/enrol', proof.body, proof.accessToken);
  const authenticator = new Authenticator(secret as string);
  const code = await authenticator.next();
  await post('/api/v1/auth/mfa/confirm', { ...proof.body, code }, proof.accessToken);
  const again = await post('/api/v1/auth/login', { email, password });
  if (again.challengeType !== 'mfa_verify')
    throw new Error(`TOTP is on but the sign-in asks ${JSON.stringify(again.challengeType)}`);
  return authenticator;
}

/** Signs in with the password and the next code; the session's tokens. */
export async function signInWithTotp(
  base: string,
  email: string,
  password: string,
  authenticator: Authenticator,
): Promise<{ accessToken: string; refreshToken: string }> {
  const { body: login } = await postJson(base, '/api/v1/auth/login', { email, password });
  if (login.challengeType !== 'mfa_verify')
    throw new Error(`the sign-in of ${email} asks ${JSON.stringify(login.challengeType)}`);
  const { body } = await postJson(base, '/api/v1/auth/mfa/verify', {
    challengeToken: login.challengeToken,
    code: await authenticator.next(),
  });
  if (typeof body.accessToken !== 'string' || typeof body.refreshToken !== 'string')
    throw new Error(`the code gave no session: ${JSON.stringify(Object.keys(body))}`);
  return { accessToken: body.accessToken, refreshToken: body.refreshToken };
}
