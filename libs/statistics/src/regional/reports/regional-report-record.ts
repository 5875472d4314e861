export type RegionalReportStatus = 'queued' | 'running' | 'done' | 'failed';

export const REGIONAL_REPORT_FILES = [
  { name: 'report-es.pdf', language: 'es', mediaType: 'application/pdf' },
  { name: 'report-en.pdf', language: 'en', mediaType: 'application/pdf' },
  {
    name: 'annex.xlsx',
    language: null,
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
] as const;
export type RegionalReportFileName = (typeof REGIONAL_REPORT_FILES)[number]['name'];

export interface RegionalReportSource {
  regionalExportId: string;
  countries: string[];
  keyId: string;
  fingerprint: string;
  sha256: string;
}

export interface RegionalReportFile {
  name: string;
  language: 'es' | 'en' | null;
  mediaType: string;
  bytes: number;
  sha256: string;
}

export interface RegionalReport {
  id: string;
  semester: string;
  status: RegionalReportStatus;
  progress: number;
  requestedBy: string;
  requestedAt: Date;
  finishedAt: Date | null;
  error: { code: string } | null;
  countries: string[];
  sources: RegionalReportSource[];
  files: RegionalReportFile[];
}

export const REPORT_COLUMNS = `r.id, r.semester, r.status, r.progress, r.requested_by, r.requested_at,
  r.finished_at, r.error_code, r.countries, r.sources,
  COALESCE((SELECT json_agg(json_build_object('name', f.name, 'language', f.language,
      'mediaType', f.media_type, 'bytes', f.byte_size, 'sha256', f.sha256) ORDER BY f.name DESC)
    FROM regional_report_files f WHERE f.report_id = r.id), '[]') AS files`;

export function toRegionalReport(row: Record<string, unknown>): RegionalReport {
  return {
    id: row.id as string,
    semester: row.semester as string,
    status: row.status as RegionalReportStatus,
    progress: Number(row.progress),
    requestedBy: row.requested_by as string,
    requestedAt: new Date(row.requested_at as string),
    finishedAt: row.finished_at ? new Date(row.finished_at as string) : null,
    error: row.error_code ? { code: row.error_code as string } : null,
    countries: row.countries as string[],
    sources: row.sources as RegionalReportSource[],
    files: row.files as RegionalReportFile[],
  };
}
