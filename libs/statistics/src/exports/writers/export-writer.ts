import { Writable } from 'node:stream';
import { ExportFormat } from '../export-record';
import { ExportLayout, ExportRow } from './export-layout';
import { CsvExportWriter } from './csv-export-writer';
import { JsonExportWriter } from './json-export-writer';
import { XlsxExportWriter } from './xlsx-export-writer';

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

export function createExportWriter(
  format: ExportFormat,
  out: Writable,
  layout: ExportLayout,
): ExportWriter {
  switch (format) {
    case 'csv':
      return new CsvExportWriter(out, layout);
    case 'json':
      return new JsonExportWriter(out, layout);
    case 'xlsx':
      return new XlsxExportWriter(out, layout);
  }
}

/** Writes text, resolving when the stream can take more (backpressure). */
export function writeText(out: Writable, text: string): Promise<void> {
  if (out.write(text)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      out.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      out.off('drain', onDrain);
      reject(error);
    };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}

export function endStream(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}
