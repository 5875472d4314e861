import { Writable } from 'node:stream';
import { EXPORT_SCHEMA_VERSION } from '../../export-format';
import { ExportLayout, ExportRow } from './export-layout';
import { ExportMetadata, ExportWriter } from './export-writer';
import { endStream, writeText } from './stream-writes';

/**
 * The JSON form (docs/statistics-export-format.md), written row by row. The rows come before the
 * metadata, whose code lists are complete only at the end; key order means nothing in JSON.
 */
export class JsonExportWriter implements ExportWriter {
  private first = true;

  constructor(
    private readonly out: Writable,
    private readonly layout: ExportLayout,
  ) {}

  begin(): Promise<void> {
    return writeText(
      this.out,
      `{"schemaVersion":${JSON.stringify(EXPORT_SCHEMA_VERSION)},"rows":[\n`,
    );
  }

  write(row: ExportRow): Promise<void> {
    const text = (this.first ? '' : ',\n') + JSON.stringify(this.layout.record(row));
    this.first = false;
    return writeText(this.out, text);
  }

  async end(metadata: ExportMetadata): Promise<void> {
    await writeText(this.out, `\n],"metadata":${JSON.stringify(metadata)}}\n`);
    await endStream(this.out);
  }
}
