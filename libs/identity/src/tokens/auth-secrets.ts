import { Logger } from '@nestjs/common';
import { AppConfig } from '@amparo/core';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Token signing keys (ES256) and the key that encrypts MFA secrets at rest. */
export interface AuthSecrets {
  privateKey: string;
  publicKey: string;
  mfaEncryptionKey: Buffer;
}

export const AUTH_SECRETS = Symbol('AuthSecrets');

interface StoredSecrets {
  privateKey: string;
  publicKey: string;
  mfaEncryptionKey: string;
}

/**
 * Production takes every secret from the environment (the config refuses to start otherwise).
 * Elsewhere missing ones are generated: kept (mode 0600) beside the embedded database so sign-ins
 * survive a restart, or only in memory when a database server is configured.
 */
export function resolveAuthSecrets(config: AppConfig): AuthSecrets {
  const { jwtKeys, mfaEncryptionKey } = config.auth;
  if (jwtKeys && mfaEncryptionKey) return { ...jwtKeys, mfaEncryptionKey };
  const generated =
    config.database.mode === 'embedded' && !config.database.dataDir.startsWith('memory://')
      ? storedSecrets(config.database.dataDir)
      : freshSecrets();
  if (config.database.mode !== 'embedded') {
    new Logger('Auth').warn(
      'No AUTH_JWT_* / AUTH_MFA_ENCRYPTION_KEY configured: generated keys live until restart',
    );
  }
  return {
    privateKey: jwtKeys?.privateKey ?? generated.privateKey,
    publicKey: jwtKeys?.publicKey ?? generated.publicKey,
    mfaEncryptionKey: mfaEncryptionKey ?? Buffer.from(generated.mfaEncryptionKey, 'base64'),
  };
}

function freshSecrets(): StoredSecrets {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKey, publicKey, mfaEncryptionKey: randomBytes(32).toString('base64') };
}

function storedSecrets(dataDir: string): StoredSecrets {
  const file = join(resolve(dataDir), 'auth-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  mkdirSync(resolve(dataDir), { recursive: true });
  const secrets = freshSecrets();
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}
