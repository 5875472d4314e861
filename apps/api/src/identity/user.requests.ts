import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery, NotBlank } from '@amparo/core';
import { ROLES, Role } from '@amparo/identity';

export class GrantRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'For officer and consul' })
  @IsOptional()
  @IsUUID()
  consulateId?: string;

  @ApiPropertyOptional({ example: 'MX', description: 'For supervisor, analyst and admin' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  countryCode?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "For organisation_focal_point: the directory organisation (the grant takes the organisation's managing country)",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class CreateUserRequest {
  @ApiProperty({ example: 'oficial@consulado.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @NotBlank()
  @MaxLength(200)
  displayName!: string;

  @ApiPropertyOptional({ enum: ['es', 'en'], default: 'es' })
  @IsOptional()
  @IsIn(['es', 'en'])
  locale?: 'es' | 'en';

  @ApiPropertyOptional({
    example: 'MX',
    description: "Country whose admins manage the account (defaults to the admin's)",
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  countryCode?: string;

  @ApiProperty({ type: [GrantRequest] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GrantRequest)
  grants!: GrantRequest[];
}

export class UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @NotBlank()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ['es', 'en'] })
  @IsOptional()
  @IsIn(['es', 'en'])
  locale?: 'es' | 'en';
}

export class ReplaceGrantsRequest {
  @ApiProperty({ type: [GrantRequest] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GrantRequest)
  grants!: GrantRequest[];
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Text in the name or email (accents and case ignored)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['active', 'disabled'] })
  @IsOptional()
  @IsIn(['active', 'disabled'])
  status?: 'active' | 'disabled';

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'MX' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  countryCode?: string;
}

export class ResetMfaRequest {
  @ApiProperty({
    minLength: 10,
    maxLength: 500,
    example: 'Lost phone; identity checked by video call',
    description: 'Why, and how the identity of the user was checked',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(10)
  @MaxLength(500)
  reason!: string;
}
