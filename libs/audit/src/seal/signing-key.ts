import { KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const GENERATED_KEY_FILE = 'audit-signing-key.pem';

/**
 * The key that signs checkpoints: AUDIT_SIGNING_KEY, or (outside production) one generated once
 * into the data directory. Never stored in the database the checkpoints vouch for.
 */
export function loadSigningKey(configured: string | undefined, generatedKeyDir: string): KeyObject {
  if (configured) return ed25519(createPrivateKey(configured));
  // An in-memory database (tests) keeps nothing on disk, and neither does the key of its checkpoints.
  if (generatedKeyDir.startsWith('memory://')) return generateKeyPairSync('ed25519').privateKey;
  const file = join(resolve(generatedKeyDir), GENERATED_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(resolve(generatedKeyDir), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    // 'wx': two processes starting together keep the first key written.
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return ed25519(createPrivateKey(readFileSync(file, 'utf8')));
}

/** The public key a verifier uses: given as PEM, or derived from the private key. */
export function loadVerifyKey(
  publicPem: string | undefined,
  privatePem: string | undefined,
  generatedKeyDir: string,
): KeyObject {
  if (publicPem) return ed25519(createPublicKey(publicPem));
  if (privatePem) return createPublicKey(loadSigningKey(privatePem, generatedKeyDir));
  const file = join(resolve(generatedKeyDir), GENERATED_KEY_FILE);
  if (!existsSync(file))
    throw new Error(
      'no key to verify checkpoints with: set AUDIT_SIGNING_PUBLIC_KEY (or AUDIT_SIGNING_KEY)',
    );
  return createPublicKey(ed25519(createPrivateKey(readFileSync(file, 'utf8'))));
}

function ed25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key is not Ed25519');
  return key;
}
