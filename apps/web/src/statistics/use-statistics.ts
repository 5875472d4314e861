import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { StatisticsParams } from './statistics-model';

/** Lists as the API documents them in a query string: `category=a,b`. */
export const COMMA_LISTS = { array: { style: 'form', explode: false } } as const;

/** The table the URL asks for (GET /statistics); nothing is asked until there is one. */
export function useStatistics(params: StatisticsParams | undefined) {
  return useQuery({
    queryKey: ['statistics', params],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/statistics', {
          params: { query: params! },
          querySerializer: COMMA_LISTS,
        }),
      ),
    enabled: params !== undefined,
    // A refused table stays refused: the same request would be refused again.
    retry: false,
    staleTime: 5 * 60_000,
  });
}
