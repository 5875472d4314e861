import { generateKeyPairSync } from 'node:crypto';
import { checkpointSignatureValid, signCheckpoint } from './audit-checkpoint';

const checkpoint = {
  headSeq: '42',
  headHash: 'a'.repeat(64),
  events: 41,
  sealedAt: '2026-01-01T00:00:00.000Z',
};

describe('signed audit checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  it('verifies with the public key of the key that signed', () => {
    expect(checkpointSignatureValid(signCheckpoint(checkpoint, privateKey), publicKey)).toBe(true);
  });

  it('refuses a checkpoint whose head, hash or count was changed after signing', () => {
    const signed = signCheckpoint(checkpoint, privateKey);
    for (const change of [{ headSeq: '41' }, { headHash: 'b'.repeat(64) }, { events: 42 }]) {
      expect(checkpointSignatureValid({ ...signed, ...change }, publicKey)).toBe(false);
    }
  });

  it('refuses a checkpoint signed with another key, or with a malformed signature', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(checkpointSignatureValid(signCheckpoint(checkpoint, other), publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, signature: 'not base64!' }, publicKey)).toBe(
      false,
    );
  });
});
