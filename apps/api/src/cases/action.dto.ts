import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsMoneyAmount, MAX_MONEY_AMOUNT, NotBlank } from '@amparo/core';
import { ACTION_TYPES, ActionType, ConsularAction, VISIT_PLACE_TYPES } from '@amparo/cases';

export class ConsularActionRequest {
  @ApiProperty({ enum: ACTION_TYPES }) @IsIn(ACTION_TYPES) type!: ActionType;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) occurredAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) place?: string;
  @ApiPropertyOptional({ enum: VISIT_PLACE_TYPES })
  @IsOptional()
  @IsIn(VISIT_PLACE_TYPES)
  placeType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) outcome?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) notes?: string;
  @ApiPropertyOptional({
    format: 'date',
    description:
      "When the next step is due (YYYY-MM-DD); also becomes the case's nextStepDue, in its history",
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  nextStepDue?: string;
  @ApiPropertyOptional({
    maxLength: 300,
    description:
      "What is to be done next: becomes the case's nextStep, in its history (the action does not keep it)",
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  nextStep?: string;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_MONEY_AMOUNT,
    description: 'At most two decimals',
  })
  @IsOptional()
  @IsMoneyAmount()
  cost?: number;
  @ApiPropertyOptional({ example: 'USD' }) @IsOptional() @Matches(/^[A-Z]{3}$/) currency?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'arrest_notification_received: time of arrest',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  arrestedAt?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'arrest_notification_received: time of notification',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  notifiedAt?: string;
}

export class ConsularActionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ACTION_TYPES }) type!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ nullable: true, type: String }) place!: string | null;
  @ApiProperty({ nullable: true, type: String }) placeType!: string | null;
  @ApiProperty({ format: 'uuid' }) performedBy!: string;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ nullable: true, type: String }) nextStepDue!: string | null;
  @ApiProperty({ nullable: true, type: String }) cost!: string | null;
  @ApiProperty({ nullable: true, type: String }) currency!: string | null;
  @ApiProperty({ nullable: true, type: String }) arrestedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) notifiedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) correctsActionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) correctedByActionId!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;

  static from(a: ConsularAction): ConsularActionResponse {
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      ...a,
      occurredAt: iso(a.occurredAt)!,
      arrestedAt: iso(a.arrestedAt),
      notifiedAt: iso(a.notifiedAt),
      recordedAt: iso(a.recordedAt)!,
    };
  }
}
