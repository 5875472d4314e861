import { DomainError } from '@amparo/core';
import { PostOfficers } from '@amparo/identity';

/**
 * The one rule for who may be a case's assignee, at registration and by assignment: an active user
 * holding an officer or consul grant at the case's post. Anyone else (another post or country, a
 * disabled account, a supervisor, an unknown id) is refused with OFFICER_NOT_AT_POST.
 */
export async function assertAssignable(
  officers: PostOfficers,
  userId: string,
  consulateId: string,
): Promise<void> {
  if (!(await officers.isActiveOfficerAt(userId, consulateId))) {
    throw new DomainError('OFFICER_NOT_AT_POST', 'unprocessable');
  }
}
