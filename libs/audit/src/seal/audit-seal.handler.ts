import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName } from '@amparo/jobs';
import { AuditCheckpointer } from './audit-checkpointer';
import { AuditSealer } from './audit-sealer';

/** Scheduled every AUDIT_SEAL_INTERVAL_MS: seal, then checkpoint once the seals are committed. */
@Injectable()
@HandlesJob(JobName.AuditSeal)
export class AuditSealHandler implements JobHandler<typeof JobName.AuditSeal> {
  constructor(
    private readonly sealer: AuditSealer,
    private readonly checkpointer: AuditCheckpointer,
  ) {}

  async handle(): Promise<void> {
    const head = await this.sealer.seal();
    if (head) await this.checkpointer.checkpoint(head);
  }
}
