import type { Client } from 'openapi-fetch';
import { ApiError, unwrap } from '../api/call';
import { api } from '../api/client';
import { isProblem } from '../api/problem';
import { fileNameOf } from '../statistics/download-export';

export type RegionalReportStatus = 'queued' | 'running' | 'done' | 'failed';
export type RegionalReportFileName = 'report-es.pdf' | 'report-en.pdf' | 'annex.xlsx';

export interface RegionalReport {
  id: string;
  semester: string;
  status: RegionalReportStatus;
  /** 0 to 100. */
  progress: number;
  requestedBy: string;
  requestedAt: string;
  finishedAt: string | null;
  error: { code: string } | null;
  countries: string[];
  sources: {
    regionalExportId: string;
    countries: string[];
    keyId: string;
    fingerprint: string;
    sha256: string;
  }[];
  files: {
    name: RegionalReportFileName;
    language: 'es' | 'en' | null;
    mediaType: string;
    bytes: number;
    sha256: string;
  }[];
}

/**
 * The regional semester report's routes are not in docs/openapi.json yet (built in parallel):
 * until they are, the app's one client (its language, token and refresh middleware) is called
 * without path types. Once `npm run web:types` knows them, drop this cast and the types above for
 * `components['schemas']`; the functions below keep their signatures.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = api as unknown as Client<any>;

export const REPORT_FILES: readonly RegionalReportFileName[] = [
  'report-es.pdf',
  'report-en.pdf',
  'annex.xlsx',
];

export const reportInProgress = (report: RegionalReport) =>
  report.status === 'queued' || report.status === 'running';

/** POST /regional/reports: queues the report of a semester (202). */
export function requestRegionalReport(semester: string): Promise<RegionalReport> {
  return unwrap<RegionalReport>(
    untyped.POST('/api/v1/regional/reports', {
      body: { semester },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    }),
  );
}

/** The reports of a semester, newest first. */
export function listRegionalReports(semester: string): Promise<{ items: RegionalReport[] }> {
  return unwrap<{ items: RegionalReport[] }>(
    untyped.GET('/api/v1/regional/reports', { params: { query: { semester } } }),
  );
}

/**
 * Downloads one file of a finished report. Like a national export, it needs the bearer token, so
 * it is fetched here and saved through a Blob URL under the name the API gives it.
 */
export async function downloadRegionalReportFile(
  id: string,
  name: RegionalReportFileName,
): Promise<string> {
  const { data, error, response } = await untyped.GET(
    '/api/v1/regional/reports/{id}/files/{name}',
    {
      params: { path: { id, name } },
      parseAs: 'blob',
    },
  );
  if (!response.ok || !data) {
    throw new ApiError(response.status, isProblem(error) ? error : undefined);
  }
  const saved = fileNameOf(response.headers.get('Content-Disposition')) ?? name;
  const url = URL.createObjectURL(data as Blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = saved;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return saved;
}
