import { ApiError, unwrap } from '../api/call';
import { api } from '../api/client';
import { isProblem } from '../api/problem';
import type { components } from '../api/schema';
import { fileNameOf, saveBlob } from '../statistics/download-export';

export type RegionalReport = components['schemas']['RegionalReportResponse'];
export type RegionalReportFileName = components['schemas']['RegionalReportFileResponse']['name'];

export const reportInProgress = (report: RegionalReport) =>
  report.status === 'queued' || report.status === 'running';

/** POST /regional/reports: queues the report of a semester (202). */
export function requestRegionalReport(semester: string): Promise<RegionalReport> {
  return unwrap(api.POST('/api/v1/regional/reports', { body: { semester } }));
}

/** The reports of a semester, newest first. */
export function listRegionalReports(semester: string) {
  return unwrap(api.GET('/api/v1/regional/reports', { params: { query: { semester } } }));
}

/**
 * Downloads one file of a finished report. Like a national export, it needs the bearer token, so
 * it is fetched here and saved through a Blob URL under the name the API gives it.
 */
export async function downloadRegionalReportFile(
  id: string,
  name: RegionalReportFileName,
): Promise<string> {
  const { data, error, response } = await api.GET('/api/v1/regional/reports/{id}/files/{name}', {
    params: { path: { id, name } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) {
    throw new ApiError(response.status, isProblem(error) ? error : undefined);
  }
  const saved = fileNameOf(response.headers.get('Content-Disposition')) ?? name;
  saveBlob(data as Blob, saved);
  return saved;
}
