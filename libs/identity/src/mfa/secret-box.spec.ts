import { randomBytes } from 'node:crypto';
import { open, seal } from './secret-box';

describe('secret box', () => {
  const key = randomBytes(32);

  it('round-trips a secret and never stores it in clear', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', key);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(sealed, key)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a tampered ciphertext or the wrong key', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', key);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => open(parts.join('.'), key)).toThrow();
    expect(() => open(sealed, randomBytes(32))).toThrow();
  });
});
