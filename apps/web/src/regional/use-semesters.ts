import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { regionalKeys } from './regional-queries';

/** The semesters of which at least one verified export was received, the latest first. */
export function useReportedSemesters() {
  return useQuery({
    queryKey: regionalKeys.exports,
    queryFn: () => unwrap(api.GET('/api/v1/regional/exports')),
    select: (data) => [...new Set(data.items.map((item) => item.semester))].sort().reverse(),
  });
}
