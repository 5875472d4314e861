import { ExportRow } from './export-layout';

/** The export's metadata (scope, rule…), as in the JSON form's `metadata`. */
export type ExportMetadata = Record<string, unknown>;

/**
 * Writes one export file row by row, waiting when the disk is slower than the rows come. The
 * metadata is known in full (code lists of every slice) only at the end: forms that carry it after
 * the rows (JSON, the XLSX metadata sheet) take it then; CSV heads the file with what is known.
 */
export interface ExportWriter {
  begin(metadata: ExportMetadata): Promise<void>;
  write(row: ExportRow): Promise<void>;
  end(metadata: ExportMetadata): Promise<void>;
}
