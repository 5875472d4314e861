import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';

export type Organisation = components['schemas']['OrganisationResponse'];

export const organisationKey = (id: string) => ['organisations', 'one', id] as const;

/** One referral organisation (GET /organisations/{id}). */
export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: organisationKey(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}
