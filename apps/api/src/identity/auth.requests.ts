import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class RefreshRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
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

export class MfaVerifyRequest {
  @ApiProperty({ description: 'The mfa_verify challenge returned by login' })
  @IsString()
  @MaxLength(4096)
  challengeToken!: string;

  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/)
  code!: string;
}
