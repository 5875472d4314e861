import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  CASE_CATEGORIES,
  CaseCategory,
  VULNERABILITY_FLAGS,
  VulnerabilityFlag,
} from '@amparo/cases';
import { ListQuery, NotBlank, ToArray } from '@amparo/core';
import { PRACTICE_KINDS, PRACTICE_STATUSES, PracticeKind } from '@amparo/practices';

const COUNTRY = /^[A-Z]{2}$/;
const SEMESTER = /^\d{4}-S[12]$/;

class PracticeFields {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 300,
    description: 'Spanish title; es and/or en',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  titleEs?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 300,
    description: 'English title; es and/or en',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  titleEn?: string | null;

  @ApiPropertyOptional({ enum: CASE_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_CATEGORIES.length)
  @IsIn(CASE_CATEGORIES, { each: true })
  categories?: CaseCategory[];

  @ApiPropertyOptional({ enum: VULNERABILITY_FLAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VULNERABILITY_FLAGS.length)
  @IsIn(VULNERABILITY_FLAGS, { each: true })
  flags?: VulnerabilityFlag[];

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  results?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Who to ask (an office, not a person)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  contacts?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2026-S1',
    description: 'The semester of the comparative matrix (laws and policies)',
  })
  @IsOptional()
  @Matches(SEMESTER)
  semester?: string | null;
}

export class CreateGoodPracticeRequest extends PracticeFields {
  @ApiProperty({ enum: PRACTICE_KINDS })
  @IsIn(PRACTICE_KINDS)
  kind!: PracticeKind;

  @ApiProperty({
    type: [String],
    minItems: 1,
    description: 'Member countries it concerns; must include your own',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(COUNTRY, { each: true })
  countries!: string[];

  @ApiProperty({ maxLength: 10000, description: 'The problem it answers' })
  @IsString()
  @NotBlank()
  @MaxLength(10000)
  problem!: string;

  @ApiProperty({ maxLength: 10000, description: 'What was done' })
  @IsString()
  @NotBlank()
  @MaxLength(10000)
  action!: string;
}

export class UpdateGoodPracticeRequest extends PracticeFields {
  @ApiPropertyOptional({ enum: PRACTICE_KINDS })
  @IsOptional()
  @IsIn(PRACTICE_KINDS)
  kind?: PracticeKind;

  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    description: 'Member countries (ISO 3166-1 alpha-2) it concerns; must include your own',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(COUNTRY, { each: true })
  countries?: string[];

  @ApiPropertyOptional({ maxLength: 10000, description: 'The problem it answers' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(10000)
  problem?: string;

  @ApiPropertyOptional({ maxLength: 10000, description: 'What was done' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(10000)
  action?: string;
}

export class ReturnGoodPracticeRequest {
  @ApiProperty({ maxLength: 4000, description: 'What the country must change' })
  @IsString()
  @NotBlank()
  @MaxLength(4000)
  comment!: string;
}

export class ListGoodPracticesQuery extends ListQuery {
  @ApiPropertyOptional({ description: 'A member country it concerns' })
  @IsOptional()
  @Matches(COUNTRY)
  country?: string;

  @ApiPropertyOptional({ enum: CASE_CATEGORIES })
  @IsOptional()
  @IsIn(CASE_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ enum: VULNERABILITY_FLAGS })
  @IsOptional()
  @IsIn(VULNERABILITY_FLAGS)
  flag?: string;

  @ApiPropertyOptional({ enum: PRACTICE_KINDS })
  @IsOptional()
  @IsIn(PRACTICE_KINDS)
  kind?: string;

  @ApiPropertyOptional({
    enum: PRACTICE_STATUSES,
    description: 'Unpublished ones: your country’s, or all for the secretariat',
  })
  @IsOptional()
  @IsIn(PRACTICE_STATUSES)
  status?: string;
}

export class PracticeMatrixQuery {
  @ApiPropertyOptional({ example: '2026-S1', description: 'Only instruments of this semester' })
  @IsOptional()
  @Matches(SEMESTER)
  semester?: string;

  @ApiPropertyOptional({
    enum: PRACTICE_KINDS,
    isArray: true,
    description: 'Comma-separated; law, protocol and agreement when not given',
  })
  @IsOptional()
  @ToArray()
  @IsArray()
  @ArrayMaxSize(PRACTICE_KINDS.length)
  @IsIn(PRACTICE_KINDS, { each: true })
  kind?: PracticeKind[];
}

export class DocumentUploadQuery {
  @ApiProperty({
    maxLength: 200,
    description: 'The file name to keep (the type is checked on the bytes)',
  })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  filename!: string;
}
