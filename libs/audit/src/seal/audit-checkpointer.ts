import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { KeyObject } from 'node:crypto';
import { signCheckpoint } from './audit-checkpoint';
import { SealHead } from './audit-sealer';
import { loadSigningKey } from './signing-key';
import { writeCheckpoint } from './checkpoint-store';

/** Writes a signed checkpoint of the chain head to AUDIT_CHECKPOINT_DIR when the head moved. */
@Injectable()
export class AuditCheckpointer {
  private key?: KeyObject;
  private lastHeadSeq?: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The file written, or null (nothing new, or no checkpoint directory configured). */
  async checkpoint(head: SealHead): Promise<string | null> {
    const dir = this.config.audit.checkpointDir;
    if (!dir || head.headSeq === '0') return null;
    // After a restart the first head is written even if unchanged: it may have been lost in a crash.
    if (head.added === 0 && this.lastHeadSeq === head.headSeq) return null;
    this.key ??= loadSigningKey(this.config.audit.signingKey, this.config.audit.generatedKeyDir);
    const signed = signCheckpoint(
      {
        headSeq: head.headSeq,
        headHash: head.headHash,
        events: head.events,
        sealedAt: new Date().toISOString(),
      },
      this.key,
    );
    const file = await writeCheckpoint(dir, signed);
    this.lastHeadSeq = head.headSeq;
    return file;
  }
}
