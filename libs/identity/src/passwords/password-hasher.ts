import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_PARAMS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

const ENCODED_PARAMS = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

/** A hash made with other parameters is replaced at the next successful sign-in. */
export function needsRehash(encoded: string): boolean {
  return !encoded.startsWith(ENCODED_PARAMS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifying against this when the account does not exist keeps the response time of an unknown
 * email close to that of a wrong password.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('amparo-dummy-password-for-timing');
  return dummyHash;
}
