import { AuditRecord } from '@amparo/audit';
import { UserWithGrants } from '../users/user-row';

/** An audit event about the user's own account: they are both the actor and the resource. */
export function ownAccountEvent(
  user: UserWithGrants,
  action: string,
  outcome: AuditRecord['outcome'],
  details?: AuditRecord['details'],
): AuditRecord {
  return {
    action,
    outcome,
    actor: { userId: user.id, roles: user.grants.map((g) => g.role) },
    resourceType: 'user',
    resourceId: user.id,
    countryCode: user.countryCode,
    details,
  };
}
