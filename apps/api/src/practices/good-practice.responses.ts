import { ApiProperty } from '@nestjs/swagger';
import { CASE_CATEGORIES, VULNERABILITY_FLAGS } from '@amparo/cases';
import {
  GoodPractice,
  PRACTICE_KINDS,
  PRACTICE_STATUSES,
  PracticeDocument,
} from '@amparo/practices';

export class GoodPracticeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PRACTICE_KINDS }) kind!: string;
  @ApiProperty({ description: 'The submitting country' }) countryCode!: string;
  @ApiProperty({ nullable: true, type: String }) titleEs!: string | null;
  @ApiProperty({ nullable: true, type: String }) titleEn!: string | null;
  @ApiProperty({ type: [String] }) countries!: string[];
  @ApiProperty({ enum: CASE_CATEGORIES, isArray: true }) categories!: string[];
  @ApiProperty({ enum: VULNERABILITY_FLAGS, isArray: true }) flags!: string[];
  @ApiProperty() problem!: string;
  @ApiProperty() action!: string;
  @ApiProperty() results!: string;
  @ApiProperty() contacts!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-S1' }) semester!: string | null;
  @ApiProperty({ enum: PRACTICE_STATUSES }) status!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The secretariat's comment when returned",
  })
  reviewComment!: string | null;
  @ApiProperty({ format: 'uuid' }) submittedBy!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reviewedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reviewedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt!: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
  @ApiProperty() version!: number;

  static from(p: GoodPractice): GoodPracticeResponse {
    return {
      id: p.id,
      kind: p.kind,
      countryCode: p.countryCode.trim(),
      titleEs: p.titleEs,
      titleEn: p.titleEn,
      countries: p.countries.map((c) => c.trim()),
      categories: p.categories,
      flags: p.flags,
      problem: p.problem,
      action: p.action,
      results: p.results,
      contacts: p.contacts,
      semester: p.semester,
      status: p.status,
      reviewComment: p.reviewComment,
      submittedBy: p.submittedBy,
      submittedAt: p.submittedAt,
      reviewedBy: p.reviewedBy,
      reviewedAt: p.reviewedAt,
      publishedAt: p.publishedAt,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      version: p.version,
    };
  }
}

export class PracticeDocumentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) practiceId!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256!: string;
  @ApiProperty({ format: 'uuid' }) uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: Date;

  static from(d: PracticeDocument): PracticeDocumentResponse {
    return { ...d };
  }
}

export class PracticeDocumentListResponse {
  @ApiProperty({ type: [PracticeDocumentResponse] }) items!: PracticeDocumentResponse[];
}

export class MatrixEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PRACTICE_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) titleEs!: string | null;
  @ApiProperty({ nullable: true, type: String }) titleEn!: string | null;
  @ApiProperty({ nullable: true, type: String }) semester!: string | null;
}

export class MatrixCellResponse {
  @ApiProperty() countryCode!: string;
  @ApiProperty({ type: [MatrixEntryResponse] }) entries!: MatrixEntryResponse[];
}

export class MatrixRowResponse {
  @ApiProperty({ enum: CASE_CATEGORIES }) category!: string;
  @ApiProperty({ type: [MatrixCellResponse], description: 'One per column, in column order' })
  cells!: MatrixCellResponse[];
}

export class PracticeMatrixResponse {
  @ApiProperty({ nullable: true, type: String }) semester!: string | null;
  @ApiProperty({ enum: PRACTICE_KINDS, isArray: true }) kinds!: string[];
  @ApiProperty({ type: [String], description: 'The columns: every member country' })
  countries!: string[];
  @ApiProperty({ type: [MatrixRowResponse], description: 'The rows: case categories (topics)' })
  rows!: MatrixRowResponse[];
}
