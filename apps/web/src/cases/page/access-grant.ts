import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { caseKeys } from '../case-queries';

export type AccessGrant = components['schemas']['AccessRequestResponse'];

/**
 * The break-the-glass grant the user obtained for a case in this session, kept beside the case's
 * queries (signing out clears it): nothing asks the API for it, the answer to the request is it.
 */
export function useAccessGrant(caseId: string) {
  const queryClient = useQueryClient();
  const grant = useQuery<AccessGrant | null>({
    queryKey: caseKeys.accessGrant(caseId),
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  }).data;
  return {
    grant: grant && new Date(grant.expiresAt) > new Date() ? grant : null,
    keep: (granted: AccessGrant) => queryClient.setQueryData(caseKeys.accessGrant(caseId), granted),
  };
}
