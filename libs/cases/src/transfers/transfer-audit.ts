import { AuditService } from '@amparo/audit';
import { Caller } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { recordCaseEvent } from '../cases/case-audit';
import { CaseTransferRow } from './case-transfer';

export type TransferAction = 'propose' | 'accept' | 'reject' | 'cancel' | 'read';

/**
 * `case.transfer.<action>` on the transfer's case, at the post that has the case after it (the
 * receiving post once accepted, else the sending one). Ids only: reasons are free text and stay in
 * the transfer.
 */
export function recordTransferEvent(
  audit: AuditService,
  caller: Caller,
  action: TransferAction,
  t: CaseTransferRow,
  manager?: EntityManager,
  details: Record<string, unknown> = {},
): Promise<void> {
  return recordCaseEvent(
    audit,
    {
      action: `case.transfer.${action}`,
      caller,
      caseId: t.caseId,
      consulateId: t.status === 'accepted' ? t.toConsulateId : t.fromConsulateId,
      countryCode: t.countryCode,
      details: {
        transferId: t.id,
        fromConsulateId: t.fromConsulateId,
        toConsulateId: t.toConsulateId,
        ...details,
      },
    },
    manager,
  );
}
