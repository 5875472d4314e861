import { ApiProperty } from '@nestjs/swagger';
import { CrisisImport, IMPORT_COLUMNS, IMPORT_STATUSES, ImportPreview } from '@amparo/crisis';
import { BilingualResponse } from '../http/bilingual.response';

export class ImportRowErrorResponse {
  @ApiProperty({ description: 'The header of the column as the file has it' }) column!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ type: BilingualResponse }) message!: BilingualResponse;
}

export class ImportRowReportResponse {
  @ApiProperty({ description: 'Row number in the file (the header is row 1)' }) row!: number;
  @ApiProperty({ enum: ['valid', 'invalid', 'duplicate'] }) status!: string;
  @ApiProperty({ type: [ImportRowErrorResponse] }) errors!: ImportRowErrorResponse[];
}

export class ImportColumnResponse {
  @ApiProperty() header!: string;
  @ApiProperty({ enum: IMPORT_COLUMNS.map((c) => c.key) }) key!: string;
}

export class ImportProgressResponse {
  @ApiProperty({ description: 'Valid rows handled so far' }) processed!: number;
  @ApiProperty({ description: 'Valid rows to handle' }) total!: number;
}

export class CrisisImportResponse {
  @ApiProperty({ format: 'uuid' }) importId!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'SHA-256 of the file, hex' }) sha256!: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format!: string;
  @ApiProperty() byteSize!: number;
  @ApiProperty({ type: [ImportColumnResponse] }) columns!: ImportColumnResponse[];
  @ApiProperty({ enum: IMPORT_STATUSES }) status!: string;
  @ApiProperty() totalRows!: number;
  @ApiProperty() validRows!: number;
  @ApiProperty() invalidRows!: number;
  @ApiProperty({ description: 'Already on the roster, or earlier in the file' })
  duplicateRows!: number;
  @ApiProperty({ type: ImportProgressResponse }) progress!: ImportProgressResponse;
  @ApiProperty({ nullable: true, type: Number, description: 'Entries added (when completed)' })
  imported!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Valid rows found on the roster by the time the job ran',
  })
  skippedDuplicates!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it failed (when failed)' })
  error!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt!: string | null;

  static from(found: CrisisImport): CrisisImportResponse {
    return {
      importId: found.id,
      eventId: found.eventId,
      fileName: found.fileName,
      sha256: found.sha256,
      format: found.format,
      byteSize: Number(found.byteSize),
      columns: found.columns,
      status: found.status,
      totalRows: found.totalRows,
      validRows: found.validRows,
      invalidRows: found.invalidRows,
      duplicateRows: found.duplicateRows,
      progress: found.progress,
      imported: found.imported,
      skippedDuplicates: found.skippedDuplicates,
      error: found.errorCode,
      createdBy: found.createdBy,
      createdAt: new Date(found.createdAt).toISOString(),
      startedAt: found.startedAt ? new Date(found.startedAt).toISOString() : null,
      finishedAt: found.finishedAt ? new Date(found.finishedAt).toISOString() : null,
    };
  }
}

export class ImportPreviewResponse extends CrisisImportResponse {
  @ApiProperty({
    type: [ImportRowReportResponse],
    description: 'The first rows that will not be imported (invalid or duplicate), in file order',
  })
  rows!: ImportRowReportResponse[];

  static fromPreview(preview: ImportPreview): ImportPreviewResponse {
    return {
      ...CrisisImportResponse.from(preview),
      rows: preview.rows.map((r) => ({
        row: r.row,
        status: r.status,
        errors: r.errors.map((e) => ({ column: e.field, code: e.code, message: e.message })),
      })),
    };
  }
}
