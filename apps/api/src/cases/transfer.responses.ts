import { ApiProperty } from '@nestjs/swagger';
import {
  CASE_CATEGORIES,
  CASE_STATUSES,
  CaseTransfer,
  RISK_LEVELS,
  TRANSFER_STATUSES,
  VULNERABILITY_FLAGS,
} from '@amparo/cases';

/** What the receiving post sees of the case before it accepts: operational fields only. */
export class TransferCaseSummaryResponse {
  @ApiProperty({ enum: CASE_CATEGORIES }) primaryCategory!: string;
  @ApiProperty({ enum: VULNERABILITY_FLAGS, isArray: true }) vulnerabilityFlags!: string[];
  @ApiProperty({ enum: RISK_LEVELS }) riskLevel!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty() restricted!: boolean;
}

const nullable = (description?: string) =>
  ApiProperty({ type: String, nullable: true, ...(description ? { description } : {}) });

export class TransferResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({
    example: 'MX-LAX-2026-000123',
    description: 'The case’s reference at the sending post (it stays findable after acceptance)',
  })
  caseReference!: string;
  @ApiProperty({ enum: TRANSFER_STATUSES }) status!: string;
  @ApiProperty({ format: 'uuid' }) fromConsulateId!: string;
  @nullable() fromConsulateName!: string | null;
  @ApiProperty({ format: 'uuid' }) toConsulateId!: string;
  @nullable() toConsulateName!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'uuid' }) proposedBy!: string;
  @nullable() proposedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy!: string | null;
  @nullable() decidedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @nullable('Why the receiving post declined; null unless rejected') rejectionReason!:
    string | null;
  @nullable('The case’s reference at the receiving post; null until accepted')
  newReference!: string | null;
  @ApiProperty({
    type: TransferCaseSummaryResponse,
    description: 'The case as it is while pending, and as it was when decided',
  })
  case!: TransferCaseSummaryResponse;

  static of(t: CaseTransfer): TransferResponse {
    return {
      id: t.id,
      caseId: t.caseId,
      caseReference: t.caseReference,
      status: t.status,
      fromConsulateId: t.fromConsulateId,
      fromConsulateName: t.fromConsulateName,
      toConsulateId: t.toConsulateId,
      toConsulateName: t.toConsulateName,
      reason: t.reason,
      proposedBy: t.proposedBy,
      proposedByName: t.proposedByName,
      proposedAt: new Date(t.proposedAt).toISOString(),
      decidedBy: t.decidedBy,
      decidedByName: t.decidedByName,
      decidedAt: t.decidedAt ? new Date(t.decidedAt).toISOString() : null,
      rejectionReason: t.rejectionReason,
      newReference: t.newReference,
      case: t.case,
    };
  }
}
