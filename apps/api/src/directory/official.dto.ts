import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ListQuery } from '@amparo/core';
import { FOCAL_TOPICS, FocalTopic, Official } from '@amparo/directory';
import { CLEARABLE } from './clearable';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateOfficialRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() consulateId!: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'Cónsul titular' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  title!: string;

  @ApiProperty({ format: 'date', example: '2025-01-15' })
  @Matches(DATE)
  @IsISO8601({ strict: true })
  accreditedFrom!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @Matches(DATE)
  @IsISO8601({ strict: true })
  accreditedTo?: string | null;

  @ApiPropertyOptional({
    enum: FOCAL_TOPICS,
    isArray: true,
    nullable: true,
    description: '`null` empties it on update',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FOCAL_TOPICS.length)
  @IsIn(FOCAL_TOPICS, { each: true })
  topics?: FocalTopic[] | null;

  @ApiPropertyOptional(CLEARABLE)
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  workEmail?: string | null;
  @ApiPropertyOptional(CLEARABLE)
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/)
  workPhone?: string | null;
}

/** Only the fields sent change; `null` clears an optional one, and a required one refuses it. */
export class UpdateOfficialRequest extends PartialType(
  OmitType(CreateOfficialRequest, ['consulateId'] as const),
  { skipNullProperties: false },
) {}

export class ListOfficialsQuery extends ListQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z]{2}$/) sendingCountryCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z]{2}$/) hostCountryCode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() consulateId?: string;
  @ApiPropertyOptional({ enum: FOCAL_TOPICS }) @IsOptional() @IsIn(FOCAL_TOPICS) topic?: FocalTopic;

  @ApiPropertyOptional({ format: 'date', description: 'Accredited on this date' })
  @IsOptional()
  @Matches(DATE)
  @IsISO8601({ strict: true })
  accreditedOn?: string;
}

export class OfficialResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) consulateId!: string;
  @ApiProperty() postCode!: string;
  @ApiProperty() consulateName!: string;
  @ApiProperty() sendingCountryCode!: string;
  @ApiProperty() hostCountryCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) accreditedFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) accreditedTo!: string | null;
  @ApiProperty({ enum: FOCAL_TOPICS, isArray: true }) topics!: string[];
  @ApiProperty({ nullable: true, type: String }) workEmail!: string | null;
  @ApiProperty({ nullable: true, type: String }) workPhone!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(o: Official): OfficialResponse {
    return {
      ...o,
      createdAt: new Date(o.createdAt).toISOString(),
      updatedAt: new Date(o.updatedAt).toISOString(),
    };
  }
}
