import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';

export const myOrganisationKey = ['my-organisation'] as const;

/** The organisation the signed-in focal point keeps (GET /my-organisation). */
export function useMyOrganisation() {
  return useQuery({
    queryKey: myOrganisationKey,
    queryFn: () => unwrap(api.GET('/api/v1/my-organisation')),
  });
}
