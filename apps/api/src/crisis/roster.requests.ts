import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { NotBlank, PageQuery } from '@amparo/core';
import {
  DOCUMENT_TYPES,
  ROSTER_SEXES,
  RosterDocumentType,
  RosterSex,
  WELFARE_STATUSES,
  WelfareStatus,
} from '@amparo/crisis';

export class RosterDocumentRequest {
  @ApiProperty({ enum: DOCUMENT_TYPES }) @IsIn(DOCUMENT_TYPES) type!: RosterDocumentType;

  @ApiProperty({ maxLength: 40 })
  @IsString()
  @NotBlank()
  @MaxLength(40)
  number!: string;

  @ApiPropertyOptional({ example: 'MX', description: 'Issuing country (ISO 3166-1)' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  country?: string;
}

/** Rapid intake: the minimum that puts a person on the roster. */
export class RapidIntakeRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  givenNames!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  familyNames?: string;

  @ApiPropertyOptional({ type: RosterDocumentRequest })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RosterDocumentRequest)
  document?: RosterDocumentRequest;

  @ApiPropertyOptional({ maxLength: 200, description: 'Phone, e-mail or how to reach the person' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string;

  @ApiPropertyOptional({ example: 'US-FL', description: 'ISO 3166-2, of the host country' })
  @IsOptional()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
  locationSubdivision?: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'Shelter, hotel, hospital…' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  locationText?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dateOfBirth?: string;

  @ApiPropertyOptional({ enum: ROSTER_SEXES }) @IsOptional() @IsIn(ROSTER_SEXES) sex?: RosterSex;

  @ApiProperty({ enum: WELFARE_STATUSES }) @IsIn(WELFARE_STATUSES) welfareStatus!: WelfareStatus;
}

export class WelfareChangeRequest {
  @ApiProperty({ enum: WELFARE_STATUSES }) @IsIn(WELFARE_STATUSES) status!: WelfareStatus;

  @ApiPropertyOptional({ maxLength: 1000, description: 'How it is known, or what was done' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ListRosterQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WELFARE_STATUSES })
  @IsOptional()
  @IsIn(WELFARE_STATUSES)
  welfareStatus?: WelfareStatus;

  @ApiPropertyOptional({ example: 'US-FL' })
  @IsOptional()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
  subdivision?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Name, ignoring accents, case and typos' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
