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
  IsUUID,
  Length,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { NotBlank, PageQuery } from '@amparo/core';
import {
  ACTION_TYPES,
  CASE_CATEGORIES,
  DISCLOSURE_FIELDS,
  DisclosureField,
  SEXES,
} from '@amparo/cases';
import {
  ASSISTANCE_KINDS,
  ASSISTANCE_REASONS,
  ASSISTANCE_STATUSES,
  AssistanceKind,
  AssistanceReason,
  AssistanceStatus,
} from '@amparo/referrals';

export class AssistancePreviewRequest {
  @ApiProperty({ format: 'uuid', description: 'A consulate of another member country' })
  @IsUUID()
  receivingConsulateId!: string;

  @ApiProperty({ enum: ASSISTANCE_KINDS }) @IsIn(ASSISTANCE_KINDS) kind!: AssistanceKind;

  @ApiProperty({ enum: DISCLOSURE_FIELDS, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DISCLOSURE_FIELDS.length)
  @IsIn(DISCLOSURE_FIELDS, { each: true })
  fields!: DisclosureField[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Persons of the case whose data goes; the primary person when not given',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  personIds?: string[];
}

export class AssistanceOverrideRequest {
  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'Why it goes without consent' })
  @IsString()
  @NotBlank()
  @Length(10, 2000)
  reason!: string;
}

export class CreateAssistanceRequestRequest extends AssistancePreviewRequest {
  @ApiProperty({ enum: ASSISTANCE_REASONS }) @IsIn(ASSISTANCE_REASONS) reason!: AssistanceReason;

  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @IsString()
  @NotBlank()
  @Length(10, 2000)
  reasonNote!: string;

  @ApiPropertyOptional({
    type: AssistanceOverrideRequest,
    description:
      "The case's consul sends without the consent it needs (never past the asylum safeguard)",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AssistanceOverrideRequest)
  override?: AssistanceOverrideRequest;
}

export class AssistancePersonAdditions {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  givenNames?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  familyNames?: string;

  @ApiPropertyOptional({ enum: SEXES }) @IsOptional() @IsIn(SEXES) sex?: string;

  @ApiPropertyOptional({ example: 'HN' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  nationalityCode?: string;
}

export class AcceptAssistanceRequest {
  @ApiProperty({ enum: CASE_CATEGORIES, description: 'Of the case opened at the receiving post' })
  @IsIn(CASE_CATEGORIES)
  primaryCategory!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An officer of the receiving post; required when a supervisor accepts',
  })
  @IsOptional()
  @IsUUID()
  assignedOfficerId?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  summary?: string;

  @ApiPropertyOptional({
    type: AssistancePersonAdditions,
    description: 'Required fields of the primary person that the payload lacks',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AssistancePersonAdditions)
  person?: AssistancePersonAdditions;
}

export class RejectAssistanceRequest {
  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @IsString()
  @NotBlank()
  @Length(10, 2000)
  reason!: string;
}

export class RevokeAssistanceRequest {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @NotBlank()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class AssistanceReportRequest {
  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @IsString()
  @NotBlank()
  @Length(1, 4000)
  text!: string;

  @ApiPropertyOptional({ enum: ACTION_TYPES, description: 'The consular action it reports' })
  @IsOptional()
  @IsIn(ACTION_TYPES)
  actionType?: string;
}

export class ListAssistanceRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['incoming', 'outgoing', 'all'], default: 'all' })
  @IsOptional()
  @IsIn(['incoming', 'outgoing', 'all'])
  direction?: 'incoming' | 'outgoing' | 'all';

  @ApiPropertyOptional({ enum: ASSISTANCE_STATUSES })
  @IsOptional()
  @IsIn(ASSISTANCE_STATUSES)
  status?: AssistanceStatus;
}
