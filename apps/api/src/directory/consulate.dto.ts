import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
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
} from 'class-validator';
import { ListQuery, ToBoolean, NotBlank } from '@amparo/core';
import { CONSULATE_TYPES, Consulate, ConsulateType } from '@amparo/directory';
import { CLEARABLE } from './clearable';

const COUNTRY = /^[A-Z]{2}$/;

class ConsulateFields {
  @ApiProperty({ example: 'Consulado General de México en Los Ángeles' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: CONSULATE_TYPES })
  @IsIn(CONSULATE_TYPES)
  type!: ConsulateType;

  @ApiProperty({ example: 'US' })
  @Matches(COUNTRY)
  hostCountryCode!: string;

  @ApiProperty({ example: 'Los Angeles' })
  @IsString()
  @MinLength(1)
  @NotBlank()
  @MaxLength(120)
  city!: string;

  @ApiPropertyOptional({
    example: ['US-CA'],
    type: [String],
    description: 'ISO 3166-2 subdivisions of the host country; `null` empties it on update',
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { each: true })
  jurisdiction?: string[] | null;

  @ApiPropertyOptional(CLEARABLE)
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;
  @ApiPropertyOptional(CLEARABLE)
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/)
  phone?: string | null;
  @ApiPropertyOptional(CLEARABLE)
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/)
  emergencyPhone?: string | null;
  @ApiPropertyOptional(CLEARABLE) @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
  @ApiPropertyOptional(CLEARABLE)
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(300)
  website?: string | null;
}

export class CreateConsulateRequest extends ConsulateFields {
  @ApiProperty({ example: 'MX', description: 'Member country that runs the post' })
  @Matches(COUNTRY)
  sendingCountryCode!: string;

  @ApiProperty({
    example: 'LAX',
    description: 'Unique within the sending country; part of case references',
  })
  @Matches(/^[A-Z0-9]{2,8}$/)
  postCode!: string;
}

/** Only the fields sent change; `null` clears an optional one, and a required one refuses it. */
export class UpdateConsulateRequest extends PartialType(ConsulateFields, {
  skipNullProperties: false,
}) {}

export class ListConsulatesQuery extends ListQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(COUNTRY) sendingCountryCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(COUNTRY) hostCountryCode?: string;
  @ApiPropertyOptional({ enum: CONSULATE_TYPES })
  @IsOptional()
  @IsIn(CONSULATE_TYPES)
  type?: ConsulateType;
  @ApiPropertyOptional() @IsOptional() @ToBoolean() @IsBoolean() active?: boolean;
}

export class ConsulateResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sendingCountryCode!: string;
  @ApiProperty() postCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CONSULATE_TYPES }) type!: string;
  @ApiProperty() hostCountryCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ type: [String] }) jurisdiction!: string[];
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) emergencyPhone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deactivatedAt!: string | null;

  static from(c: Consulate): ConsulateResponse {
    return {
      ...c,
      createdAt: new Date(c.createdAt).toISOString(),
      updatedAt: new Date(c.updatedAt).toISOString(),
      deactivatedAt: c.deactivatedAt ? new Date(c.deactivatedAt).toISOString() : null,
    };
  }
}
