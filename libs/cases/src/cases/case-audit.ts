import { AuditService } from '@amparo/audit';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { EntityManager } from 'typeorm';

/** A successful action of a caller on a case (or on the cases of a scope, without `caseId`). */
export interface CaseEvent {
  action: string;
  caller: Pick<Caller, 'userId' | 'roles'>;
  caseId?: string;
  consulateId: string | null;
  countryCode: string | null;
  details?: Record<string, unknown>;
}

/**
 * Records a case event in the audit trail, in `manager`'s transaction when given (as the change it
 * records), else on its own.
 */
export function recordCaseEvent(
  audit: AuditService,
  event: CaseEvent,
  manager?: EntityManager,
): Promise<void> {
  const { action, caller, caseId, consulateId, countryCode, details } = event;
  return recordCallerEvent(
    audit,
    caller,
    {
      action,
      resourceType: 'case',
      resourceId: caseId,
      consulateId,
      countryCode,
      details,
    },
    manager,
  );
}
