import { KeyObject, createHash, createPublicKey, sign, verify } from 'node:crypto';

export const EXPORT_SIGNATURE_ALGORITHM = 'Ed25519';

/**
 * The detached signature of one export file (`<file>.sig`): Ed25519 over the file's exact bytes,
 * the id of the key that made it, and the countries the deployment speaks for in it.
 */
export interface ExportSignature {
  keyId: string;
  algorithm: typeof EXPORT_SIGNATURE_ALGORITHM;
  /** base64 */
  signature: string;
  /** The export's country when it covers one; the first of `countries` otherwise. */
  country: string;
  countries: string[];
  /** SHA-256 of the signed bytes, hex: to name the file, not to check it (the signature does). */
  sha256: string;
}

/** The 32 bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url');
}

function digest(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('hex');
}

/** First 16 hex digits of the SHA-256 of the raw public key. */
export function keyIdOf(key: KeyObject): string {
  return digest(key).slice(0, 16);
}

/** The whole SHA-256 of the raw public key in groups of four, to read aloud and compare. */
export function fingerprintOf(key: KeyObject): string {
  return digest(key).match(/.{4}/g)!.join(' ');
}

/**
 * An Ed25519 public key from what a member country sends: PEM (SPKI) or the 32 raw bytes in
 * base64. Null when it is neither.
 */
export function parsePublicKey(text: string): KeyObject | null {
  const trimmed = text.trim();
  try {
    const key = trimmed.startsWith('-----BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({
          key: { kty: 'OKP', crv: 'Ed25519', x: rawBase64(trimmed).toString('base64url') },
          format: 'jwk',
        });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

function rawBase64(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== 32 || !/^[A-Za-z0-9+/]+=*$/.test(text)) throw new Error('not 32 bytes');
  return bytes;
}

export function publicKeyPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** Signs an export file's bytes with the deployment's private key. */
export function signExportBytes(
  bytes: Buffer,
  privateKey: KeyObject,
  countries: readonly string[],
): ExportSignature {
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    algorithm: EXPORT_SIGNATURE_ALGORITHM,
    signature: sign(null, bytes, privateKey).toString('base64'),
    country: countries[0] ?? '',
    countries: [...countries],
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Whether `signature` (base64) is the Ed25519 signature of exactly these bytes by this key. */
export function verifyExportBytes(bytes: Buffer, signature: string, publicKey: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false;
  try {
    return verify(null, bytes, publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
