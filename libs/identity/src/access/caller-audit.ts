import { AuditActor, AuditOutcome, AuditRecord, AuditService } from '@amparo/audit';
import { EntityManager } from 'typeorm';
import { UserWithGrants } from '../users/user-row';

/** What of a Caller the audit trail needs (a Caller is one). */
export interface AuditCaller {
  readonly userId: string;
  readonly roles: readonly string[];
}

/** Who acted, as the audit trail stores it: the user and the roles they held at the time. */
export function actorOf(caller: AuditCaller): AuditActor {
  return { userId: caller.userId, roles: [...caller.roles] };
}

/** An audit event done by a signed-in user; the outcome is success unless said otherwise. */
export type CallerAuditEvent = Omit<AuditRecord, 'actor' | 'outcome'> & { outcome?: AuditOutcome };

/**
 * The one way a context records what a caller did: in `manager`'s transaction when given (so the
 * event commits or rolls back with the change it records), else on its own.
 */
export function recordCallerEvent(
  audit: AuditService,
  caller: AuditCaller,
  event: CallerAuditEvent,
  manager?: EntityManager,
): Promise<void> {
  const { outcome = 'success', ...rest } = event;
  return audit.record({ ...rest, outcome, actor: actorOf(caller) }, manager);
}

/** An audit event about the user's own account: they are both the actor and the resource. */
export function ownAccountEvent(
  user: UserWithGrants,
  action: string,
  outcome: AuditOutcome,
  details?: AuditRecord['details'],
): AuditRecord {
  return {
    action,
    outcome,
    actor: actorOf({ userId: user.id, roles: user.grants.map((g) => g.role) }),
    resourceType: 'user',
    resourceId: user.id,
    countryCode: user.countryCode,
    details,
  };
}
