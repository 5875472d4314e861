import { DomainError } from '@amparo/core';
import { Caller } from '@amparo/identity';

/**
 * The organisation whose focal point the caller is, from their grant (an account holds at most
 * one). Without one there is no organisation of theirs: 404, as for an unknown id.
 */
export function ownOrganisationId(caller: Caller): string {
  const grant = caller.grants.find((g) => g.role === 'organisation_focal_point');
  if (!grant?.organisationId) throw new DomainError('ORGANISATION_NOT_FOUND', 'not_found');
  return grant.organisationId;
}
