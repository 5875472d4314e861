import { FieldError } from '@amparo/core';
import { ImportFormat } from './import-file-format';
import { ImportColumnKey } from './import-columns';

export const IMPORT_STATUSES = ['previewed', 'queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export type ImportRowStatus = 'valid' | 'invalid' | 'duplicate';

/** One row of the report: its number in the file, what will become of it, and why. */
export interface ImportRowReport {
  row: number;
  status: ImportRowStatus;
  errors: FieldError[];
}

/** An import as its owner sees it: the file, the counts and where the job is. Names no one. */
export interface CrisisImport {
  id: string;
  eventId: string;
  fileName: string;
  sha256: string;
  format: ImportFormat;
  byteSize: number;
  columns: { header: string; key: ImportColumnKey }[];
  status: ImportStatus;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  duplicateRows: number;
  progress: { processed: number; total: number };
  imported: number | null;
  skippedDuplicates: number | null;
  errorCode: string | null;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** The preview's answer: the import and the first rows that will not be imported. */
export interface ImportPreview extends CrisisImport {
  rows: ImportRowReport[];
}

export const IMPORT_COLUMNS_SQL = `
  i.id, i.event_id AS "eventId", i.file_name AS "fileName", i.sha256, i.format, i.byte_size AS "byteSize",
  i.columns, i.status, i.total_rows AS "totalRows", i.valid_rows AS "validRows",
  i.invalid_rows AS "invalidRows", i.duplicate_rows AS "duplicateRows",
  i.processed_rows AS "processedRows", i.imported_rows AS "imported",
  i.skipped_duplicates AS "skippedDuplicates", i.error_code AS "errorCode", i.created_by AS "createdBy",
  i.created_at AS "createdAt", i.started_at AS "startedAt", i.finished_at AS "finishedAt"`;

export function toCrisisImport(row: Record<string, unknown>): CrisisImport {
  const { processedRows, ...rest } = row as unknown as CrisisImport & { processedRows: number };
  return { ...rest, progress: { processed: Number(processedRows), total: Number(rest.validRows) } };
}
