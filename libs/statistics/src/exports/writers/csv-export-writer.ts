import { csvLine } from '@amparo/core';
import { Writable } from 'node:stream';
import { ExportLayout, ExportRow } from './export-layout';
import { ExportMetadata, ExportWriter } from './export-writer';
import { endStream, writeText } from './stream-writes';
import { EXPORT_SCHEMA_VERSION } from '../../export-format';

/**
 * RFC 4180 CSV (UTF-8 with BOM so that spreadsheets read the accents, CRLF), preceded by `#`
 * metadata lines (pandas: `comment='#'`).
 */
export class CsvExportWriter implements ExportWriter {
  constructor(
    private readonly out: Writable,
    private readonly layout: ExportLayout,
  ) {}

  async begin(metadata: ExportMetadata): Promise<void> {
    const lines = [`# schemaVersion: ${EXPORT_SCHEMA_VERSION}`];
    for (const [key, value] of Object.entries(metadata)) {
      lines.push(`# ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    }
    await writeText(
      this.out,
      '\uFEFF' + lines.map((l) => l.replace(/[\r\n]+/g, ' ')).join('\r\n') + '\r\n',
    );
    await writeText(this.out, csvLine(this.layout.header()));
  }

  write(row: ExportRow): Promise<void> {
    return writeText(this.out, csvLine(this.layout.cells(row)));
  }

  end(): Promise<void> {
    return endStream(this.out);
  }
}
