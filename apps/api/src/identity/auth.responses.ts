import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SessionTokensResponse {
  @ApiProperty({ description: 'ES256 JWT for the Authorization: Bearer header' })
  accessToken!: string;
  @ApiProperty({ description: 'Single use: presenting it twice revokes the whole session' })
  refreshToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires' })
  expiresIn!: number;
}

/** Sign-in is not finished: present the challenge to /auth/mfa/verify (or enrol first). */
export class MfaChallengeResponse {
  @ApiPropertyOptional({ enum: [true] }) mfaRequired?: true;
  @ApiPropertyOptional({ enum: [true] }) mfaEnrolmentRequired?: true;
  @ApiProperty({ enum: ['mfa_verify', 'mfa_enrol'] }) challengeType!: 'mfa_verify' | 'mfa_enrol';
  @ApiProperty() challengeToken!: string;
  @ApiProperty({ type: 'integer', description: 'Seconds the challenge token stays valid' })
  expiresIn!: number;
}

export class MfaEnrolmentResponse {
  @ApiProperty({ description: 'Base32 TOTP secret, for entering by hand' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/Amparo:officer%40example.org?secret=…' })
  otpauthUri!: string;
}

export class MfaEnabledResponse {
  @ApiProperty({ enum: [true] }) mfaEnabled!: true;
  @ApiProperty({ type: [String], description: 'Recovery codes, shown once' })
  recoveryCodes!: string[];
}

/** Enrolment confirmed during sign-in: the session, and the recovery codes (shown once). */
export class EnrolledSessionResponse extends SessionTokensResponse {
  @ApiProperty({ type: [String], description: 'Recovery codes, shown once' })
  recoveryCodes!: string[];
}
