import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { caseKeys } from '../case-queries';

/** The officers a case may be assigned to, by name; asked only by those who may assign it. */
export function useAssignableOfficers(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.assignable(caseId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cases/{id}/assignable-officers', { params: { path: { id: caseId } } }),
      ),
    enabled,
    staleTime: 60_000,
  });
}
