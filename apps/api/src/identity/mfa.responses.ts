import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MfaReplacementStarted, MfaStatus } from '@amparo/identity';
import { SessionTokensResponse } from './auth.responses';

export class MfaStatusResponse {
  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  enabledAt!: string | null;

  @ApiProperty({ description: 'Unused recovery codes; generate a new set before they run out' })
  recoveryCodesLeft!: number;

  static from(status: MfaStatus): MfaStatusResponse {
    return {
      enabled: status.enabled,
      enabledAt: status.enabledAt ? new Date(status.enabledAt).toISOString() : null,
      recoveryCodesLeft: status.recoveryCodesLeft,
    };
  }
}

export class RecoveryCodesResponse {
  @ApiProperty({
    type: [String],
    example: ['K7QM2-XH4PD', 'R9TZB-6WCNE'],
    description:
      'Shown once: each works once in place of a TOTP code; any earlier set no longer works',
  })
  recoveryCodes!: string[];
}

export class MfaReplacementStartedResponse {
  @ApiProperty({ description: 'The new secret, for an authenticator app that cannot scan' })
  secret!: string;

  @ApiProperty({ description: 'The otpauth:// URI to show as a QR code' })
  otpauthUri!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Confirm with a code from the new authenticator before then, in this session',
  })
  expiresAt!: string;

  static from(started: MfaReplacementStarted): MfaReplacementStartedResponse {
    return {
      secret: started.secret,
      otpauthUri: started.otpauthUri,
      expiresAt: started.expiresAt.toISOString(),
    };
  }
}

/** Sign-in completed; after a recovery code, how many codes are left. */
export class MfaVerifiedResponse extends SessionTokensResponse {
  @ApiPropertyOptional({ type: 'integer', description: 'Present when a recovery code was used' })
  recoveryCodesLeft?: number;
}

/** The new authenticator is in place: a new session and a new set of recovery codes (shown once). */
export class MfaReplacedResponse extends SessionTokensResponse {
  @ApiProperty({ type: [String], description: 'Shown once; the earlier set no longer works' })
  recoveryCodes!: string[];
}
