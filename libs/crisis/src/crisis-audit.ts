import { AuditService } from '@amparo/audit';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { CrisisEventRow } from './events/crisis-event';

/**
 * A crisis event in the audit trail, filed under the event (its lead post and country), with ids,
 * codes and counts only: never a name, a document or a contact of the people on the roster.
 */
export function recordCrisisEvent(
  audit: AuditService,
  manager: EntityManager | undefined,
  caller: Caller,
  action: string,
  event: Pick<CrisisEventRow, 'id' | 'countryCode' | 'consulateIds'>,
  details: Record<string, unknown> = {},
): Promise<void> {
  return recordCallerEvent(
    audit,
    caller,
    {
      action,
      resourceType: 'crisis_event',
      resourceId: event.id,
      consulateId: event.consulateIds[0],
      countryCode: event.countryCode,
      details,
    },
    manager,
  );
}
