import { AuditService } from '@amparo/audit';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { EntityManager } from 'typeorm';

/** A return movement event in the audit trail, filed under the movement with ids and codes only. */
export function recordReturnEvent(
  audit: AuditService,
  manager: EntityManager | undefined,
  caller: Caller,
  action: string,
  movement: { id: string; consulateId: string; countryCode: string },
  details: Record<string, unknown>,
): Promise<void> {
  return recordCallerEvent(
    audit,
    caller,
    {
      action,
      resourceType: 'return_movement',
      resourceId: movement.id,
      consulateId: movement.consulateId,
      countryCode: movement.countryCode,
      details,
    },
    manager,
  );
}
