import { AuditService } from '@amparo/audit';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { GoodPractice } from './good-practice';

/** A write to the catalogue in the audit trail, filed under the practice and its country. */
export function recordPracticeEvent(
  audit: AuditService,
  manager: EntityManager,
  caller: Caller,
  action: string,
  practice: Pick<GoodPractice, 'id' | 'countryCode'>,
  details: Record<string, unknown> = {},
): Promise<void> {
  return recordCallerEvent(
    audit,
    caller,
    {
      action,
      resourceType: 'good_practice',
      resourceId: practice.id,
      countryCode: practice.countryCode,
      details,
    },
    manager,
  );
}
