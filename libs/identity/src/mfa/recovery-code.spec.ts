import { randomBytes } from 'node:crypto';
import {
  RECOVERY_CODE_ALPHABET,
  canonicalRecoveryCode,
  newRecoveryCodes,
  recoveryCodeHash,
  recoveryCodeKey,
} from './recovery-code';

describe('recovery codes', () => {
  it('are ten distinct XXXXX-XXXXX codes without look-alike characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(RECOVERY_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('use every symbol of the alphabet, roughly evenly', () => {
    const counts = new Map<string, number>();
    for (const code of newRecoveryCodes(3000))
      for (const symbol of code.replace('-', '')) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe([...RECOVERY_CODE_ALPHABET].sort().join(''));
    // 30,000 symbols over 31: about 968 each; a biased draw would leave some far below.
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
  });

  it('accept what a person types: any case, spaces or no hyphen', () => {
    for (const typed of ['ab2cd-ef3gh', 'AB2CD EF3GH', ' ab2cdef3gh ', 'AB2CD-EF3GH'])
      expect(canonicalRecoveryCode(typed)).toBe('AB2CDEF3GH');
  });

  it('refuse what cannot be a code', () => {
    for (const typed of ['', '123456', 'AB2CD-EF3G', 'AB2CD-EF3GHJ', 'AB0CD-EF3GH', 'AB2CD_EF3GH'])
      expect(canonicalRecoveryCode(typed)).toBeNull();
  });

  it('hash with a key and the user, so equal codes of two users or two keys differ', () => {
    const key = recoveryCodeKey(randomBytes(32));
    const hash = recoveryCodeHash(key, 'user-a', 'AB2CDEF3GH');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryCodeHash(key, 'user-a', 'AB2CDEF3GH')).toBe(hash);
    expect(recoveryCodeHash(key, 'user-b', 'AB2CDEF3GH')).not.toBe(hash);
    expect(recoveryCodeHash(recoveryCodeKey(randomBytes(32)), 'user-a', 'AB2CDEF3GH')).not.toBe(
      hash,
    );
  });
});
