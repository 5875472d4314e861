import { createHmac, hkdfSync, randomInt } from 'node:crypto';

/** Digits and capitals without the look-alikes 0/O, 1/I/L: 31 symbols, read aloud without doubt. */
export const RECOVERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECOVERY_CODE_COUNT = 10;
const GROUP = 5;
const LENGTH = 2 * GROUP;
const CANONICAL = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${LENGTH}}$`);

/** One code, `XXXXX-XXXXX`: 10 symbols drawn uniformly, about 49.5 bits. */
export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) {
    if (i === GROUP) code += '-';
    code += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
  }
  return code;
}

/** A fresh set of distinct codes. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newRecoveryCode());
  return [...codes];
}

/**
 * What the user typed, as stored: case, spaces and hyphens do not matter. Anything that cannot be
 * a code gives null (and still counts as a failed attempt).
 */
export function canonicalRecoveryCode(typed: string): string | null {
  const canonical = typed.toUpperCase().replace(/[\s-]/g, '');
  return CANONICAL.test(canonical) ? canonical : null;
}

/** The key of recovery-code hashes, derived from the MFA secret key so it never sits in the database. */
export function recoveryCodeKey(mfaEncryptionKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', mfaEncryptionKey, '', 'amparo mfa recovery codes', 32));
}

/**
 * HMAC-SHA-256 of the user and the canonical code. The codes are random (~50 bits), not chosen by
 * people, so a slow hash buys little: online guesses are throttled, and without the key (never in
 * the database) a stolen table cannot be searched offline. A keyed hash also lets one UPDATE find
 * and spend a code atomically, where argon2id would verify each of ~10 salted hashes per attempt.
 */
export function recoveryCodeHash(key: Buffer, userId: string, canonical: string): string {
  return createHmac('sha256', key).update(`${userId}:${canonical}`).digest('hex');
}
