import { useQuery } from '@tanstack/react-query';
import { ApiError, unwrap } from '../api/call';
import { api } from '../api/client';
import { isProblem } from '../api/problem';
import type { components, paths } from '../api/schema';
import { fileNameOf } from '../statistics/download-export';

export type Practice = components['schemas']['GoodPracticeResponse'];
export type PracticeDocument = components['schemas']['PracticeDocumentResponse'];
export type PracticeMatrix = components['schemas']['PracticeMatrixResponse'];
export type PracticeInput = components['schemas']['CreateGoodPracticeRequest'];
export type PracticeKind = Practice['kind'];
export type PracticeStatus = Practice['status'];
export type SearchQuery = NonNullable<
  paths['/api/v1/good-practices']['get']['parameters']['query']
>;

export const PRACTICE_KINDS: PracticeKind[] = ['practice', 'protocol', 'agreement', 'law'];
export const PRACTICE_STATUSES: PracticeStatus[] = [
  'draft',
  'submitted',
  'returned',
  'published',
  'withdrawn',
];

/** Query keys: everything under `practices`, so one write refreshes lists, entries and the matrix. */
export const practiceKeys = {
  all: ['practices'] as const,
  search: (query: SearchQuery) => ['practices', 'search', query] as const,
  detail: (id: string) => ['practices', 'detail', id] as const,
  documents: (id: string) => ['practices', 'documents', id] as const,
  matrix: (semester: string) => ['practices', 'matrix', semester] as const,
  forCase: (caseId: string) => ['practices', 'case', caseId] as const,
};

/** The title in the reader's language, else the other one. */
export function titleOf(p: Pick<Practice, 'titleEs' | 'titleEn'>, language: string): string {
  return (language === 'en' ? (p.titleEn ?? p.titleEs) : (p.titleEs ?? p.titleEn)) ?? '';
}

export const useSearchPractices = (query: SearchQuery) =>
  useQuery({
    queryKey: practiceKeys.search(query),
    queryFn: () => unwrap(api.GET('/api/v1/good-practices', { params: { query } })),
  });

export const usePractice = (id: string) =>
  useQuery({
    queryKey: practiceKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/good-practices/{id}', { params: { path: { id } } })),
  });

export const usePracticeDocuments = (id: string) =>
  useQuery({
    queryKey: practiceKeys.documents(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/good-practices/{id}/documents', { params: { path: { id } } })),
  });

export const usePracticeMatrix = (semester: string) =>
  useQuery({
    queryKey: practiceKeys.matrix(semester),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/good-practices/matrix', {
          params: { query: semester ? { semester } : {} },
        }),
      ),
  });

export const useCasePractices = (caseId: string) =>
  useQuery({
    queryKey: practiceKeys.forCase(caseId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/cases/{id}/practices', { params: { path: { id: caseId } } })),
  });

/** Sends the file's bytes as the body: the API checks that they are a PDF. */
export function uploadDocument(id: string, file: File) {
  return unwrap(
    api.POST('/api/v1/good-practices/{id}/documents', {
      params: { path: { id }, query: { filename: file.name } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'Content-Type': 'application/pdf' },
    }),
  );
}

export async function downloadDocument(id: string, document_: PracticeDocument): Promise<string> {
  const { data, error, response } = await api.GET(
    '/api/v1/good-practices/{id}/documents/{documentId}',
    { params: { path: { id, documentId: document_.id } }, parseAs: 'blob' },
  );
  if (!response.ok || !data)
    throw new ApiError(response.status, isProblem(error) ? error : undefined);
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? document_.filename;
  const url = URL.createObjectURL(data as Blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}
