import { ApiProperty } from '@nestjs/swagger';
import { MfaStatus } from '@amparo/identity';

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
