import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/call';
import { api } from '../api/client';
import { isProblem } from '../api/problem';
import type { components } from '../api/schema';

export type CaseDetail = components['schemas']['CaseDetailResponse'];

/** A case as read, with the ETag its writes send back in If-Match. */
export interface VersionedCase {
  case: CaseDetail;
  etag: string;
}

/** Query keys of the case screens: a write invalidates the case and everything under it. */
export const caseKeys = {
  all: ['cases'] as const,
  list: (filters: object) => ['cases', 'list', filters] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  actions: (id: string) => ['cases', 'detail', id, 'actions'] as const,
  history: (id: string) => ['cases', 'detail', id, 'history'] as const,
  accessGrant: (id: string) => ['cases', 'access-grant', id] as const,
  assignable: (id: string) => ['cases', 'detail', id, 'assignable-officers'] as const,
};

/** Like `unwrap`, keeping the ETag of the answer: the version a write of the case must name. */
export async function unwrapVersioned(
  call: Promise<{ data?: CaseDetail; error?: unknown; response: Response }>,
): Promise<VersionedCase> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, isProblem(error) ? error : undefined);
  // The API always sends it (docs/openapi.json); its format is the server's business.
  return { case: data!, etag: response.headers.get('ETag')! };
}

export function fetchCase(id: string): Promise<VersionedCase> {
  return unwrapVersioned(api.GET('/api/v1/cases/{id}', { params: { path: { id } } }));
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: () => fetchCase(id),
    // A restricted or missing case answers the same on a retry.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });
}

export function isRestrictedRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.problem?.code === 'CASE_RESTRICTED';
}
