import { ApiProperty } from '@nestjs/swagger';

export class RegionalReportErrorResponse {
  @ApiProperty({ example: 'REGIONAL_REPORT_FAILED' }) code!: string;
}

export class RegionalReportSourceResponse {
  @ApiProperty({ format: 'uuid' }) regionalExportId!: string;
  @ApiProperty({ type: [String] }) countries!: string[];
  @ApiProperty({ pattern: '^[0-9a-f]{16}$' }) keyId!: string;
  @ApiProperty({ description: 'SHA-256 of the signing public key, in groups of four hex digits' })
  fingerprint!: string;
  @ApiProperty({ description: 'SHA-256 of the national export file, hex' }) sha256!: string;
}

export class RegionalReportFileResponse {
  @ApiProperty({ enum: ['report-es.pdf', 'report-en.pdf', 'annex.xlsx'] }) name!: string;
  @ApiProperty({ type: String, enum: ['es', 'en'], nullable: true, description: 'Null: bilingual' })
  language!: 'es' | 'en' | null;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ type: 'integer' }) bytes!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) sha256!: string;
}

export class RegionalReportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-S1' }) semester!: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] })
  status!: 'queued' | 'running' | 'done' | 'failed';
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ format: 'uuid', description: 'The user who requested it' }) requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: RegionalReportErrorResponse, nullable: true })
  error!: RegionalReportErrorResponse | null;
  @ApiProperty({ type: [String], description: 'The countries whose exports the report used' })
  countries!: string[];
  @ApiProperty({ type: [RegionalReportSourceResponse] }) sources!: RegionalReportSourceResponse[];
  @ApiProperty({
    type: [RegionalReportFileResponse],
    description: 'Empty until the report is done',
  })
  files!: RegionalReportFileResponse[];
}

export class RegionalReportListResponse {
  @ApiProperty({ type: [RegionalReportResponse] }) items!: RegionalReportResponse[];
}
