import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ListQuery, ToBoolean } from '@amparo/core';
import {
  ORGANISATION_SERVICES,
  ORGANISATION_TYPES,
  Organisation,
  OrganisationService,
  OrganisationType,
} from '@amparo/directory';
import { CLEARABLE } from './clearable';

export class CreateOrganisationRequest {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiPropertyOptional(CLEARABLE) @IsOptional() @IsString() @MaxLength(30) acronym?: string | null;
  @ApiProperty({ enum: ORGANISATION_TYPES }) @IsIn(ORGANISATION_TYPES) type!: OrganisationType;
  @ApiPropertyOptional(CLEARABLE)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty({ enum: ORGANISATION_SERVICES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORGANISATION_SERVICES.length)
  @IsIn(ORGANISATION_SERVICES, { each: true })
  services!: OrganisationService[];

  @ApiProperty({ example: ['MX', 'GT'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(250)
  @Matches(/^[A-Z]{2}$/, { each: true })
  coverageCountries!: string[];

  @ApiPropertyOptional({
    example: ['MX-CHP'],
    type: [String],
    description:
      'Subdivisions of the covered countries; none means the whole country; `null` empties it on update',
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { each: true })
  coverageSubdivisions?: string[] | null;

  @ApiPropertyOptional({
    example: ['es', 'en', 'mam'],
    type: [String],
    description: 'ISO 639 language codes; `null` empties it on update',
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z]{2,3}$/, { each: true })
  languages?: string[] | null;

  @ApiPropertyOptional(CLEARABLE) @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
  @ApiPropertyOptional(CLEARABLE)
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/)
  phone?: string | null;
  @ApiPropertyOptional(CLEARABLE)
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(300)
  website?: string | null;
  @ApiPropertyOptional(CLEARABLE)
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({
    description:
      "Country whose admins manage the record (defaults to the admin's; system_admin may leave it empty)",
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  managedByCountryCode?: string;

  // Absent is the default (or, on update, the current state); null is no state at all.
  @ApiPropertyOptional({ default: true })
  @ValidateIf((_: unknown, value: unknown) => value !== undefined)
  @IsBoolean()
  active?: boolean;
}

/** Only the fields sent change; `null` clears an optional one, and a required one refuses it. */
export class UpdateOrganisationRequest extends PartialType(
  OmitType(CreateOrganisationRequest, ['managedByCountryCode'] as const),
  { skipNullProperties: false },
) {}

/**
 * A focal point's edit of their own organisation: the update's fields and rules, without `active`
 * (whether the organisation is offered for referrals is the administrators' call); the managing
 * country is not in the update either.
 */
export class UpdateOwnOrganisationRequest extends OmitType(UpdateOrganisationRequest, [
  'active',
] as const) {}

export class ListOrganisationsQuery extends ListQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_SERVICES })
  @IsOptional()
  @IsIn(ORGANISATION_SERVICES)
  service?: OrganisationService;
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z]{2}$/) coverageCountry?: string;
  @ApiPropertyOptional({ description: 'Covers this subdivision, or its whole country' })
  @IsOptional()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
  coverageSubdivision?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z]{2,3}$/) language?: string;
  @ApiPropertyOptional() @IsOptional() @ToBoolean() @IsBoolean() active?: boolean;
}

export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) acronym!: string | null;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ enum: ORGANISATION_SERVICES, isArray: true }) services!: string[];
  @ApiProperty({ type: [String] }) coverageCountries!: string[];
  @ApiProperty({ type: [String] }) coverageSubdivisions!: string[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) managedByCountryCode!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(o: Organisation): OrganisationResponse {
    return {
      ...o,
      createdAt: new Date(o.createdAt).toISOString(),
      updatedAt: new Date(o.updatedAt).toISOString(),
    };
  }
}
