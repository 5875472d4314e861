import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';

export type AssistanceRequest = components['schemas']['AssistanceRequestResponse'];
export type AssistancePayload = components['schemas']['AssistancePayloadResponse'];
export type AssistanceReport = components['schemas']['AssistanceReportResponse'];
export type AssistancePreview = components['schemas']['AssistancePreviewResponse'];
export type AssistanceCandidate = components['schemas']['AssistanceCandidateResponse'];
export type Direction = 'incoming' | 'outgoing';

/** Query keys: every list and count under `assistance`, so one write refreshes them all. */
export const assistanceKeys = {
  all: ['assistance'] as const,
  list: (direction: Direction, cursor?: string) =>
    ['assistance', 'list', direction, cursor ?? ''] as const,
  counts: ['assistance', 'counts'] as const,
  detail: (id: string) => ['assistance', 'detail', id] as const,
  reports: (id: string) => ['assistance', 'reports', id] as const,
  candidates: (caseId: string) => ['assistance', 'candidates', caseId] as const,
};

export const useAssistanceList = (direction: Direction, cursor?: string) =>
  useQuery({
    queryKey: assistanceKeys.list(direction, cursor),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/assistance-requests', {
          params: { query: { direction, cursor, limit: 50 } },
        }),
      ),
  });

export const assistanceCountsQuery = queryOptions({
  queryKey: assistanceKeys.counts,
  queryFn: () => unwrap(api.GET('/api/v1/assistance-requests/counts')),
});

export const useAssistanceRequest = (id: string) =>
  useQuery({
    queryKey: assistanceKeys.detail(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/assistance-requests/{id}', { params: { path: { id } } })),
  });

export const useAssistanceReports = (id: string) =>
  useQuery({
    queryKey: assistanceKeys.reports(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/assistance-requests/{id}/reports', { params: { path: { id } } })),
  });

export const useAssistanceCandidates = (caseId: string) =>
  useQuery({
    queryKey: assistanceKeys.candidates(caseId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cases/{id}/assistance-candidates', { params: { path: { id: caseId } } }),
      ),
  });
