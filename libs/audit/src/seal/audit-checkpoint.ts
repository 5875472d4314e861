import { KeyObject, sign, verify } from 'node:crypto';

/** The chain head at one moment, signed with the deployment's key outside the database. */
export interface AuditCheckpoint {
  /** Number of the newest seal (event or gap). */
  headSeq: string;
  headHash: string;
  /** Events (not gaps) sealed up to the head. */
  events: number;
  sealedAt: string;
}

export interface SignedAuditCheckpoint extends AuditCheckpoint {
  /** Ed25519 signature (base64) of `checkpointPayload`. */
  signature: string;
}

/** What is signed: the fields in a fixed order, so a reformatted file still verifies. */
export function checkpointPayload(c: AuditCheckpoint): Buffer {
  return Buffer.from(
    JSON.stringify(['amparo-audit-checkpoint-v1', c.headSeq, c.headHash, c.events, c.sealedAt]),
  );
}

export function signCheckpoint(c: AuditCheckpoint, privateKey: KeyObject): SignedAuditCheckpoint {
  const { headSeq, headHash, events, sealedAt } = c;
  const signature = sign(null, checkpointPayload(c), privateKey).toString('base64');
  return { headSeq, headHash, events, sealedAt, signature };
}

export function checkpointSignatureValid(c: SignedAuditCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, checkpointPayload(c), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}
