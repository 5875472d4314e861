import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';

export class RefreshRequest {
  @ApiPropertyOptional({
    description:
      'The refresh token; omit it in a browser, which sends the amparo_refresh cookie instead',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class ActivateRequest {
  @ApiProperty({ description: 'The one-time token the administrator received' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: 128 })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: 128 })
  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

export class MfaEnrolRequest {
  @ApiPropertyOptional({ description: 'The mfa_enrol challenge of a sign-in; omit when signed in' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  challengeToken?: string;
}

export class MfaConfirmRequest extends MfaEnrolRequest {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/)
  code!: string;
}

/** Fails when `other` is also present: the body carries one proof or the other, never both. */
const NotWith = (other: string) =>
  ValidateBy({
    name: 'notWith',
    constraints: [other],
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) =>
        (args?.object as Record<string, unknown> | undefined)?.[other] === undefined,
    },
  });

export class MfaVerifyRequest {
  @ApiProperty({ description: 'The mfa_verify challenge returned by login' })
  @IsString()
  @MaxLength(4096)
  challengeToken!: string;

  @ApiPropertyOptional({
    example: '123456',
    description: 'A TOTP code; required without recoveryCode',
  })
  @ValidateIf(
    (body: MfaVerifyRequest) => body.recoveryCode === undefined || body.code !== undefined,
  )
  @Matches(/^\d{6}$/)
  code?: string;

  @ApiPropertyOptional({
    example: 'K7QM2-XH4PD',
    description:
      'One of the recovery codes given at enrolment, in place of code (each works once; case, spaces and hyphen do not matter)',
  })
  @ValidateIf((body: MfaVerifyRequest) => body.recoveryCode !== undefined)
  @IsString()
  @Matches(/^[A-Za-z0-9 -]{10,16}$/)
  @NotWith('code')
  recoveryCode?: string;
}

export class StartMfaReplacementRequest {
  @ApiProperty({ format: 'password', description: 'Your current password' })
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;
}

export class ConfirmMfaReplacementRequest {
  @ApiProperty({ example: '123456', description: 'A code from the new authenticator' })
  @Matches(/^\d{6}$/)
  code!: string;
}

export class RegenerateRecoveryCodesRequest {
  @ApiProperty({ example: '123456', description: 'A current TOTP code' })
  @Matches(/^\d{6}$/)
  code!: string;
}
