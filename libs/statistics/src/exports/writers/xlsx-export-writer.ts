import { spreadsheetCell, TabularValue } from '@amparo/core';
import { stream as excelStream, Worksheet } from 'exceljs';
import { Writable } from 'node:stream';
import { EXPORT_SCHEMA_VERSION } from '../../export-format';
import { ExportLayout, ExportRow } from './export-layout';
import { ExportMetadata, ExportWriter } from './export-writer';

/** Rows between two pauses that let the zip stream write out what it holds. */
const YIELD_EVERY_ROWS = 200;

const SHEETS = {
  data: { es: 'Datos', en: 'Data' },
  metadata: { es: 'Metadatos', en: 'Metadata' },
} as const;

/**
 * XLSX through exceljs's streaming writer: each committed row goes out to the zip stream, so the
 * workbook is never held in memory. Data on the first sheet, metadata on the second.
 */
export class XlsxExportWriter implements ExportWriter {
  private readonly workbook: excelStream.xlsx.WorkbookWriter;
  private sheet!: Worksheet;
  private rows = 0;

  constructor(
    out: Writable,
    private readonly layout: ExportLayout,
  ) {
    this.workbook = new excelStream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: false,
    });
  }

  begin(): Promise<void> {
    this.sheet = this.workbook.addWorksheet(SHEETS.data[this.layout.language]);
    this.addRow(this.sheet, this.layout.header());
    return Promise.resolve();
  }

  write(row: ExportRow): Promise<void> {
    this.addRow(this.sheet, this.layout.cells(row));
    // Let the zip stream drain now and then instead of queueing the whole table.
    if (++this.rows % YIELD_EVERY_ROWS) return Promise.resolve();
    return new Promise((resolve) => setImmediate(resolve));
  }

  async end(metadata: ExportMetadata): Promise<void> {
    this.sheet.commit();
    const meta = this.workbook.addWorksheet(SHEETS.metadata[this.layout.language]);
    this.addRow(meta, ['schemaVersion', EXPORT_SCHEMA_VERSION]);
    for (const [key, value] of Object.entries(metadata)) {
      this.addRow(meta, [key, typeof value === 'string' ? value : JSON.stringify(value)]);
    }
    meta.commit();
    await this.workbook.commit();
  }

  /** Every cell goes through the same defusing as the CSV's, so no text runs as a formula. */
  private addRow(sheet: Worksheet, values: readonly TabularValue[]): void {
    sheet.addRow(values.map(spreadsheetCell)).commit();
  }
}
