import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { NotBlank, PageQuery } from '@amparo/core';
import { DISCLOSURE_FIELDS, DisclosureField } from '@amparo/cases';
import { RETURN_MODES, RETURN_STATUSES, ReturnMode, ReturnStatus } from '@amparo/returns';
import { OverrideRequest } from '../referrals/referral.dto';

export class CreateReturnMovementRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The organising post (one you work); your only post when not given',
  })
  @IsOptional()
  @IsUUID()
  consulateId?: string;

  @ApiProperty({ enum: RETURN_MODES })
  @IsIn(RETURN_MODES)
  mode!: ReturnMode;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  plannedDepartureAt!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  plannedArrivalAt?: string | null;

  @ApiProperty({
    minLength: 2,
    maxLength: 2,
    description: 'ISO 3166-1 alpha-2 of the country left',
  })
  @Matches(/^[A-Z]{2}$/)
  fromCountryCode!: string;

  @ApiProperty({
    maxLength: 300,
    description: 'Place of departure: a city, a border crossing, an airport',
  })
  @IsString()
  @NotBlank()
  @MaxLength(300)
  fromPlace!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'ISO 3166-2 subdivision of the country of origin returned to',
  })
  @IsOptional()
  @IsString()
  @Length(4, 6)
  toSubdivisionCode?: string | null;

  @ApiProperty({
    maxLength: 300,
    description: 'Place of arrival at origin: a reception centre, an airport',
  })
  @IsString()
  @NotBlank()
  @MaxLength(300)
  toPlace!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'An active organisation of the directory operating in the country of origin',
  })
  @IsOptional()
  @IsUUID()
  receivingInstitutionId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

/** Every field of the creation but the post, each optional. */
export class UpdateReturnMovementRequest {
  @ApiPropertyOptional({ enum: RETURN_MODES })
  @IsOptional()
  @IsIn(RETURN_MODES)
  mode?: ReturnMode;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  plannedDepartureAt?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  plannedArrivalAt?: string | null;

  @ApiPropertyOptional({ minLength: 2, maxLength: 2 })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  fromCountryCode?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  fromPlace?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(4, 6)
  toSubdivisionCode?: string | null;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  toPlace?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  receivingInstitutionId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

export class ListReturnMovementsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RETURN_STATUSES })
  @IsOptional()
  @IsIn(RETURN_STATUSES)
  status?: ReturnStatus;

  @ApiPropertyOptional({ enum: RETURN_MODES })
  @IsOptional()
  @IsIn(RETURN_MODES)
  mode?: ReturnMode;
}

export class AddReturnCaseRequest {
  @ApiProperty({ format: 'uuid', description: 'A case of the organising country that you work' })
  @IsUUID()
  caseId!: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    description: 'Persons of the case who return',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  personIds!: string[];
}

export class AddEscortRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ maxLength: 200, description: 'Role or title: consular officer, social worker…' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  role!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'An official of the directory',
  })
  @IsOptional()
  @IsUUID()
  officialId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string | null;
}

export class DepartRequest {
  @ApiProperty({ format: 'date-time', description: 'When it left; not in the future' })
  @IsISO8601({ strict: true })
  actualDepartureAt!: string;
}

export class CompleteReturnRequest {
  @ApiProperty({
    format: 'date-time',
    description: 'When it arrived; not in the future, not before departure',
  })
  @IsISO8601({ strict: true })
  actualArrivalAt!: string;
}

export class CancelReturnRequest {
  @ApiProperty({ minLength: 5, maxLength: 2000 })
  @IsString()
  @NotBlank()
  @MinLength(5)
  @MaxLength(2000)
  reason!: string;
}

export class HandoverRequest {
  @ApiProperty({ format: 'uuid', description: "A child's case on the movement" })
  @IsUUID()
  caseId!: string;

  @ApiProperty({ format: 'uuid', description: 'The child handed over' })
  @IsUUID()
  personId!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The child-protection authority of the country of origin (directory organisation)',
  })
  @IsUUID()
  authorityId!: string;

  @ApiProperty({ maxLength: 200, description: 'The official who received the child' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  officialName!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  officialTitle!: string;

  @ApiProperty({ format: 'date-time', description: 'Not in the future, not before departure' })
  @IsISO8601({ strict: true })
  handedOverAt!: string;
}

export class ReintegrationReferralRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'The receiving institution or another organisation covering the place of return',
  })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ minLength: 10, maxLength: 2000 })
  @IsString()
  @NotBlank()
  @MinLength(10)
  @MaxLength(2000)
  need!: string;

  @ApiProperty({ enum: DISCLOSURE_FIELDS, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DISCLOSURE_FIELDS.length)
  @IsIn(DISCLOSURE_FIELDS, { each: true })
  fields!: DisclosureField[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  personIds?: string[];

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  followUpDue?: string;

  @ApiPropertyOptional({ type: OverrideRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverrideRequest)
  override?: OverrideRequest;
}
