import { useQuery } from '@tanstack/react-query';
import { ApiError, unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { regionalKeys } from './regional-queries';

type Request = components['schemas']['RegionalConsolidationRequest'];
export type Measure = Request['measure'];
export type Dimension = Request['dimensions'][number];
export type Consolidation = components['schemas']['RegionalConsolidationResponse'];

/**
 * One regional table of the semester, or `null` when no export of the semester has that measure
 * by that dimension (the API's REGIONAL_TABLE_EMPTY): an empty state, not an error.
 */
export function useConsolidation(semester: string, measure: Measure, dimension: Dimension) {
  return useQuery({
    queryKey: regionalKeys.consolidation(semester, measure, dimension),
    queryFn: async (): Promise<Consolidation | null> => {
      try {
        return await unwrap(
          api.POST('/api/v1/regional/consolidations', {
            body: { semester, measure, dimensions: [dimension] },
          }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.problem?.code === 'REGIONAL_TABLE_EMPTY')
          return null;
        throw error;
      }
    },
    // Each call is audited: a table is asked again when the semester changes, not on every focus.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

/** The row of the total over the dimension (`_T`), when the exports published one. */
export const totalRow = (table: Consolidation) =>
  table.rows.find((row) => row.codes.every((code) => code === '_T'));

/** A row's code in the language shown, from the labels the exports carried. */
export function codeLabel(table: Consolidation, code: string, language: 'es' | 'en'): string {
  const codes = table.codes[0]?.codes ?? [];
  return codes.find((c) => c.code === code)?.label[language] ?? code;
}
