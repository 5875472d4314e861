import { AuditService } from '@amparo/audit';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { EntityManager } from 'typeorm';

/**
 * A referral event in the audit trail, filed under its case (so the case's trail shows every
 * referral decision), with ids and codes only.
 */
export function recordReferralEvent(
  audit: AuditService,
  manager: EntityManager | undefined,
  caller: Caller,
  action: string,
  where: { id: string; consulateId: string; countryCode: string },
  details: Record<string, unknown>,
): Promise<void> {
  return recordCallerEvent(
    audit,
    caller,
    {
      action,
      resourceType: 'case',
      resourceId: where.id,
      consulateId: where.consulateId,
      countryCode: where.countryCode,
      details,
    },
    manager,
  );
}
