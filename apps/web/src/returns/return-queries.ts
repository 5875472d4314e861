import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';

export type Movement = components['schemas']['ReturnMovementResponse'];
export type MovementView = components['schemas']['ReturnMovementViewResponse'];
export type MovementCase = components['schemas']['ReturnCaseViewResponse'];
export type ReturnStatus = Movement['status'];
export type ReturnMode = Movement['mode'];

export const RETURN_MODES: readonly ReturnMode[] = ['land', 'air', 'sea'];
export const RETURN_STATUSES: readonly ReturnStatus[] = [
  'planned',
  'in_transit',
  'completed',
  'cancelled',
];

/** Query keys: every list and movement under `returns`, so one write refreshes them all. */
export const returnKeys = {
  all: ['returns'] as const,
  list: (status: string, mode: string, cursor?: string) =>
    ['returns', 'list', status, mode, cursor ?? ''] as const,
  detail: (id: string) => ['returns', 'detail', id] as const,
  ofCase: (caseId: string) => ['returns', 'case', caseId] as const,
  authorities: (country: string) => ['returns', 'organisations', country] as const,
};

export const useMovements = (status: string, mode: string, cursor?: string) =>
  useQuery({
    queryKey: returnKeys.list(status, mode, cursor),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/return-movements', {
          params: {
            query: {
              status: (status || undefined) as ReturnStatus | undefined,
              mode: (mode || undefined) as ReturnMode | undefined,
              cursor,
              limit: 50,
            },
          },
        }),
      ),
  });

export const useMovement = (id: string) =>
  useQuery({
    queryKey: returnKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/return-movements/{id}', { params: { path: { id } } })),
  });

export const useCaseReturns = (caseId: string) =>
  useQuery({
    queryKey: returnKeys.ofCase(caseId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/cases/{id}/returns', { params: { path: { id: caseId } } })),
  });

/** Active organisations operating in the country of origin (receiving institutions, authorities). */
export const useOrganisationsAt = (country: string) =>
  useQuery({
    queryKey: returnKeys.authorities(country),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations', {
          params: { query: { coverageCountry: country, active: true, limit: 100 } },
        }),
      ),
    enabled: country.length === 2,
    staleTime: 10 * 60_000,
  });
