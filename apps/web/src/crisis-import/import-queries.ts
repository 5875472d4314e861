import { useQuery } from '@tanstack/react-query';
import { ApiError, unwrap } from '../api/call';
import { api } from '../api/client';
import { isProblem } from '../api/problem';
import type { components } from '../api/schema';
import { fileNameOf } from '../statistics/download-export';

export type ImportPreview = components['schemas']['ImportPreviewResponse'];
export type CrisisImport = components['schemas']['CrisisImportResponse'];

/** Query keys: an event's imports, and one import's status. */
export const importKeys = {
  event: (eventId: string) => ['crisis-events', eventId] as const,
  status: (eventId: string, importId: string) =>
    ['crisis-events', eventId, 'imports', importId] as const,
};

/** How often the screen asks how far a running import is. */
export const POLL_MS = 1000;

export const useCrisisEvent = (eventId: string) =>
  useQuery({
    queryKey: importKeys.event(eventId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/crisis-events/{id}', { params: { path: { id: eventId } } })),
  });

/** Sends the file as multipart/form-data; the API reads and checks it and imports nothing yet. */
export function previewImport(eventId: string, file: File): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/v1/crisis-events/{id}/imports/preview', {
      params: { path: { id: eventId } },
      // The generated type says "a file"; the form carries it, and the browser sets the boundary.
      body: form as unknown as { file: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}

export const commitImport = (eventId: string, importId: string) =>
  unwrap(
    api.POST('/api/v1/crisis-events/{id}/imports/{importId}/commit', {
      params: { path: { id: eventId, importId } },
    }),
  );

const finished = (status: string | undefined) => status === 'completed' || status === 'failed';

/** The import's status, asked again every second until it has completed or failed. */
export const useImportStatus = (eventId: string, importId: string | undefined) =>
  useQuery({
    queryKey: importKeys.status(eventId, importId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/crisis-events/{id}/imports/{importId}', {
          params: { path: { id: eventId, importId: importId! } },
        }),
      ),
    enabled: !!importId,
    refetchInterval: (query) => (finished(query.state.data?.status) ? false : POLL_MS),
  });

/** Saves a file the API answers (it needs the bearer token, so a plain link cannot fetch it). */
function save(data: Blob, name: string) {
  const url = URL.createObjectURL(data);
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
}

export async function downloadReport(
  eventId: string,
  importId: string,
  lang: 'es' | 'en',
): Promise<string> {
  const { data, error, response } = await api.GET(
    '/api/v1/crisis-events/{id}/imports/{importId}/report',
    {
      params: { path: { id: eventId, importId }, query: { format: 'csv', lang } },
      parseAs: 'blob',
    },
  );
  if (!response.ok || !data)
    throw new ApiError(response.status, isProblem(error) ? error : undefined);
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? `import-${importId}.csv`;
  save(data as Blob, name);
  return name;
}

export async function downloadTemplate(format: 'csv' | 'xlsx', lang: 'es' | 'en'): Promise<string> {
  const { data, error, response } = await api.GET('/api/v1/crisis-import-template', {
    params: { query: { format, lang } },
    parseAs: 'blob',
  });
  if (!response.ok || !data)
    throw new ApiError(response.status, isProblem(error) ? error : undefined);
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? `template.${format}`;
  save(data as Blob, name);
  return name;
}
