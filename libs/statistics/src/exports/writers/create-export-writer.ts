import { Writable } from 'node:stream';
import { ExportFormat } from '../export-record';
import { CsvExportWriter } from './csv-export-writer';
import { ExportLayout } from './export-layout';
import { ExportWriter } from './export-writer';
import { JsonExportWriter } from './json-export-writer';
import { XlsxExportWriter } from './xlsx-export-writer';

/** The writer of one export format. */
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
