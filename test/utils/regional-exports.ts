import { StatisticsExportDocument, signExportBytes } from '@amparo/statistics';
import { KeyObject, createPublicKey } from 'node:crypto';

/** A national export file as another deployment would have written and signed it. */
export function signedFile(doc: StatisticsExportDocument, key: KeyObject) {
  const file = `${JSON.stringify(doc, null, 2)}\n`;
  return { file, signature: signExportBytes(Buffer.from(file), key, doc.metadata.scope.countries) };
}

/** The body that registers a member country's key with the secretariat (SPKI PEM of `key`). */
export function keyRegistration(country: string, key: KeyObject, label = `${country} deployment`) {
  return {
    country,
    publicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
    label,
  };
}
