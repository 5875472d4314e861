import { generate } from 'otplib';
import { nextCode } from '../../utils/identity';

/** The code an authenticator app shows now, never the same step twice (the server refuses replays). */
export const totpCode = nextCode;

/** A six-digit code the server refuses: none of the steps it accepts now (±1, see TotpService). */
export async function wrongCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000 / 30);
  const accepted = await Promise.all(
    [now - 1, now, now + 1, now + 2].map((step) => generate({ secret, epoch: step * 30 })),
  );
  let candidate = 123456;
  while (accepted.includes(String(candidate))) candidate += 1;
  return String(candidate);
}
