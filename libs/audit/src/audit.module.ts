import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { AuditQueryService } from './audit-query.service';
import { AuditCheckpointer } from './seal/audit-checkpointer';
import { AuditSealHandler } from './seal/audit-seal.handler';
import { AuditSealSchedule } from './seal/audit-seal.schedule';
import { AuditSealer } from './seal/audit-sealer';

@Global()
@Module({
  providers: [
    AuditService,
    AuditQueryService,
    AuditSealer,
    AuditCheckpointer,
    AuditSealHandler,
    AuditSealSchedule,
  ],
  exports: [AuditService, AuditQueryService, AuditSealer],
})
export class AuditModule {}
