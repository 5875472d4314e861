import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@amparo/core';
import { TRANSFER_DIRECTIONS, TRANSFER_STATUSES } from '@amparo/cases';
import type { TransferDirection, TransferStatus } from '@amparo/cases';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

/** Reasons are judged without the spaces around them: ten spaces are no reason. */
const Trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class ProposeTransferRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'The receiving post: another active post of the case’s country',
  })
  @IsUUID()
  toConsulateId!: string;

  @ApiProperty({
    minLength: 10,
    maxLength: 2000,
    description:
      'Why the case should move (shown to the receiving post and kept in the case history)',
  })
  @Trimmed()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason!: string;
}

export class AcceptTransferRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The case’s new assignee: an active officer or consul of the receiving post; none when left out',
  })
  @IsOptional()
  @IsUUID()
  assignedOfficerId?: string;
}

export class RejectTransferRequest {
  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'Why the receiving post declines' })
  @Trimmed()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason!: string;
}

export class ListTransfersQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: TRANSFER_DIRECTIONS,
    default: 'all',
    description:
      'incoming: to a post you work (for a supervisor, every transfer of the country); outgoing: from a post you work, or proposed by you; all: every transfer you take part in',
  })
  @IsOptional()
  @IsIn(TRANSFER_DIRECTIONS)
  direction?: TransferDirection;

  @ApiPropertyOptional({ enum: TRANSFER_STATUSES })
  @IsOptional()
  @IsIn(TRANSFER_STATUSES)
  status?: TransferStatus;
}
