import { DomainError } from '@amparo/core';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';

/**
 * The one rule for who may be a case's assignee, at registration and by assignment: an active user
 * holding an officer or consul grant at the case's post. Anyone else (another post or country, a
 * disabled account, a supervisor, an unknown id) is refused with OFFICER_NOT_AT_POST.
 */
export async function assertAssignable(
  manager: EntityManager,
  userId: string,
  consulateId: string,
): Promise<void> {
  const [found] = isUUID(userId)
    ? await manager.query<unknown[]>(
        `SELECT 1 FROM users u JOIN role_grants g ON g.user_id = u.id
          WHERE u.id = $1 AND u.status = 'active' AND g.role IN ('officer', 'consul') AND g.consulate_id = $2
          LIMIT 1`,
        [userId, consulateId],
      )
    : [];
  if (!found) throw new DomainError('OFFICER_NOT_AT_POST', 'unprocessable');
}
