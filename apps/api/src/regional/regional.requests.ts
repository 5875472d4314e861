import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { NotBlank } from '@amparo/core';
import { DIMENSION_IDS, MEASURE_IDS } from '@amparo/statistics';

const SEMESTER = /^\d{4}-S[12]$/;
const COUNTRY = /^[A-Z]{2}$/;

export class RegisterRegionalKeyRequest {
  @ApiProperty({ example: 'GT', description: 'ISO 3166-1 alpha-2 member country' })
  @Matches(COUNTRY)
  country!: string;

  @ApiProperty({
    description: 'Ed25519 public key: PEM (SPKI), or its 32 raw bytes in base64',
    maxLength: 1000,
  })
  @IsString()
  @NotBlank()
  @MaxLength(1000)
  publicKey!: string;

  @ApiProperty({ maxLength: 200, example: 'Guatemala MINEX production deployment' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  label!: string;
}

export class ExportSignatureInput {
  @ApiProperty({ pattern: '^[0-9a-f]{16}$' })
  @Matches(/^[0-9a-f]{16}$/)
  keyId!: string;

  @ApiProperty({ enum: ['Ed25519'] })
  @IsIn(['Ed25519'])
  algorithm!: 'Ed25519';

  @ApiProperty({ description: 'base64 Ed25519 signature of the exact bytes of `file`' })
  @IsString()
  @MaxLength(200)
  signature!: string;

  @ApiPropertyOptional({ description: 'The country the signer says the export is of' })
  @IsOptional()
  @Matches(COUNTRY)
  country?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(COUNTRY, { each: true })
  countries?: string[];

  @ApiPropertyOptional({ pattern: '^[0-9a-f]{64}$' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  sha256?: string;
}

export class UploadRegionalExportRequest {
  @ApiProperty({
    description:
      'The JSON export file exactly as downloaded (its text); the signature covers its bytes',
  })
  @IsString()
  @NotBlank()
  file!: string;

  @ApiProperty({ type: ExportSignatureInput, description: 'The content of the `.sig` file' })
  @IsObject()
  @ValidateNested()
  @Type(() => ExportSignatureInput)
  signature!: ExportSignatureInput;
}

export class SemesterQuery {
  @ApiProperty({ example: '2026-S2', pattern: SEMESTER.source })
  @Matches(SEMESTER)
  semester!: string;
}

export class OptionalSemesterQuery {
  @ApiPropertyOptional({ example: '2026-S2', pattern: SEMESTER.source })
  @IsOptional()
  @Matches(SEMESTER)
  semester?: string;
}

export class RegionalConsolidationRequest {
  @ApiProperty({ example: '2026-S2', pattern: SEMESTER.source })
  @Matches(SEMESTER)
  semester!: string;

  @ApiProperty({ enum: MEASURE_IDS })
  @IsIn(MEASURE_IDS)
  measure!: string;

  @ApiProperty({ enum: DIMENSION_IDS, isArray: true, minItems: 1, maxItems: 3 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(DIMENSION_IDS, { each: true })
  dimensions!: string[];
}

export class RegionalReportRequest {
  @ApiProperty({ example: '2026-S1', pattern: SEMESTER.source })
  @Matches(SEMESTER)
  semester!: string;
}
