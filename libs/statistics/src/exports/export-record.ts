import { ExportSignature } from '../export-format/export-signature';
import { DimensionId } from '../model/dimensions';
import { MeasureId } from '../model/measures';
import { PeriodGranularity } from '../model/periods';
import { StatisticsFilters, StatisticsQuery } from '../model/statistics-query';

export const EXPORT_KINDS = ['statistics', 'regional'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'expired';
export type ExportLanguage = 'es' | 'en';

/** What to compute: several measures by the same dimensions, over one range. */
export interface ExportSpec {
  readonly measures: readonly MeasureId[];
  readonly dimensions: readonly DimensionId[];
  readonly period: PeriodGranularity;
  readonly from: string;
  readonly to: string;
  readonly filters: StatisticsFilters;
}

/** The cases an export counts, fixed when it is requested. */
export interface ExportScope {
  readonly countries: readonly string[];
  readonly consulateIds: readonly string[];
}

export interface ExportRecord {
  readonly id: string;
  readonly requestedBy: string | null;
  readonly kind: ExportKind;
  readonly format: ExportFormat;
  readonly language: ExportLanguage;
  readonly spec: ExportSpec;
  readonly scope: ExportScope;
  readonly scheduleKey: string | null;
  readonly status: ExportStatus;
  readonly progress: number;
  readonly attempts: number;
  readonly rowCount: number | null;
  readonly byteSize: number | null;
  readonly sha256: string | null;
  readonly fileName: string | null;
  readonly failureCode: string | null;
  readonly requestedAt: Date;
  readonly startedAt: Date | null;
  readonly completedAt: Date | null;
  readonly expiresAt: Date | null;
  /** The detached signature of the file (the `.sig` document); null before completion. */
  readonly signature: ExportSignature | null;
}

export const EXPORT_COLUMNS = `id, requested_by, kind, format, language, request, scope, schedule_key,
  status, progress, attempts, row_count, byte_size, sha256, file_name, failure_code, requested_at,
  started_at, completed_at, expires_at, signature`;

export function toExportRecord(row: Record<string, unknown>): ExportRecord {
  const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const nullableDate = (v: unknown) => (v ? new Date(v as string) : null);
  return {
    id: row.id as string,
    requestedBy: (row.requested_by as string | null) ?? null,
    kind: row.kind as ExportKind,
    format: row.format as ExportFormat,
    language: row.language as ExportLanguage,
    spec: parseJson(row.request) as ExportSpec,
    scope: parseJson(row.scope) as ExportScope,
    scheduleKey: (row.schedule_key as string | null) ?? null,
    status: row.status as ExportStatus,
    progress: Number(row.progress),
    attempts: Number(row.attempts),
    rowCount: nullableNumber(row.row_count),
    byteSize: nullableNumber(row.byte_size),
    sha256: (row.sha256 as string | null) ?? null,
    fileName: (row.file_name as string | null) ?? null,
    failureCode: (row.failure_code as string | null) ?? null,
    requestedAt: new Date(row.requested_at as string),
    startedAt: nullableDate(row.started_at),
    completedAt: nullableDate(row.completed_at),
    expiresAt: nullableDate(row.expires_at),
    signature: row.signature ? (parseJson(row.signature) as ExportSignature) : null,
  };
}

/** The query of one measure of an export. */
export function measureQuery(spec: ExportSpec, measure: MeasureId): StatisticsQuery {
  return { ...spec, measure };
}

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
