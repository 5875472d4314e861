import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { NotBlank } from '@amparo/core';
import { BestInterestAssessment, DURABLE_SOLUTIONS, DurableSolution } from '@amparo/cases';

export class BestInterestAssessmentRequest {
  @ApiProperty({ format: 'uuid', description: 'The child assessed: a person on the case' })
  @IsUUID()
  personId!: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) assessedAt!: string;
  @ApiPropertyOptional({
    maxLength: 200,
    description: 'An external professional who assessed; without it, the recording user did',
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  assessorName?: string;
  @ApiPropertyOptional({ maxLength: 200, description: "The external professional's role" })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  assessorRole?: string;
  @ApiProperty({ maxLength: 10000 }) @IsString() @NotBlank() @MaxLength(10000) findings!: string;
  @ApiProperty({ enum: DURABLE_SOLUTIONS })
  @IsIn(DURABLE_SOLUTIONS)
  recommendedSolution!: DurableSolution;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The assessment this record corrects (it stays as it was)',
  })
  @IsOptional()
  @IsUUID()
  correctsAssessmentId?: string;
}

export class BestInterestAssessmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assessedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) assessorName!: string | null;
  @ApiProperty({ nullable: true, type: String }) assessorRole!: string | null;
  @ApiProperty({ format: 'date-time' }) assessedAt!: string;
  @ApiProperty() findings!: string;
  @ApiProperty({ enum: DURABLE_SOLUTIONS }) recommendedSolution!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  correctsAssessmentId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  correctedByAssessmentId!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;

  static from(a: BestInterestAssessment): BestInterestAssessmentResponse {
    return {
      ...a,
      assessedAt: new Date(a.assessedAt).toISOString(),
      recordedAt: new Date(a.recordedAt).toISOString(),
    };
  }
}
