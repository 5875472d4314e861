import { NotBlank } from '@amparo/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DOCUMENT_TYPES, DocumentType, GENDERS, Gender, SEXES, Sex } from '@amparo/cases';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;

export class PersonDocumentRequest {
  @ApiProperty({ enum: DOCUMENT_TYPES }) @IsIn(DOCUMENT_TYPES) type!: DocumentType;
  @ApiProperty() @IsString() @MinLength(1) @NotBlank() @MaxLength(40) number!: string;
  @ApiProperty({ example: 'MX' }) @Matches(COUNTRY) issuingCountryCode!: string;
}

export class PersonRequest {
  @ApiProperty() @IsString() @MinLength(1) @NotBlank() @MaxLength(120) givenNames!: string;
  @ApiProperty() @IsString() @MinLength(1) @NotBlank() @MaxLength(120) familyNames!: string;

  @ApiPropertyOptional({ type: [String], description: 'Other names and aliases' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  otherNames?: string[];

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE)
  @IsISO8601({ strict: true })
  dateOfBirth?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 130 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  estimatedAge?: number;
  @ApiProperty({ enum: SEXES }) @IsIn(SEXES) sex!: Sex;
  @ApiPropertyOptional({
    enum: GENDERS,
    nullable: true,
    description: 'Coded, for statistics; null when not recorded. Disclosed only with consent',
  })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) genderIdentity?: string;
  @ApiProperty({ example: 'MX' }) @Matches(COUNTRY) nationalityCode!: string;
  @ApiPropertyOptional({ example: 'MX-OAX' })
  @IsOptional()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
  originSubdivisionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(120) originMunicipality?: string;

  @ApiPropertyOptional({ type: [PersonDocumentRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PersonDocumentRequest)
  documents?: PersonDocumentRequest[];

  @ApiPropertyOptional({ example: ['es', 'mam'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2,3}$/, { each: true })
  languages?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) indigenousPeople?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z]{2,3}$/) indigenousLanguage?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\+?[0-9 ()-]{5,30}$/) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) addressAbroad?: string;
}
