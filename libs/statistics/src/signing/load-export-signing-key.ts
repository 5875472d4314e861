import { KeyObject, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The private key that signs this deployment's exports: EXPORT_SIGNING_KEY, else the file
 * EXPORT_SIGNING_KEY_FILE (generated there, readable by its owner only, the first time), else a key
 * for the life of the process (an in-memory deployment). Never stored in the database.
 */
export function loadExportSigningKey(
  configured: string | undefined,
  file: string | undefined,
): KeyObject {
  if (configured) return ed25519(createPrivateKey(configured));
  if (!file) return generateKeyPairSync('ed25519').privateKey;
  const path = resolve(file);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    // 'wx': the API and a worker starting together keep the first key written.
    try {
      writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return ed25519(createPrivateKey(readFileSync(path, 'utf8')));
}

function ed25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error('the export signing key (EXPORT_SIGNING_KEY) is not an Ed25519 private key');
  return key;
}
