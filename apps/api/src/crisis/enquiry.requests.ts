import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { NotBlank, PageQuery } from '@amparo/core';
import { ENQUIRY_STATUSES, EnquiryStatus } from '@amparo/crisis';

export class CreateEnquiryRequest {
  @ApiProperty({ maxLength: 200, description: 'Who asks' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  relativeName!: string;

  @ApiProperty({ maxLength: 200, description: 'How to reach them with the answer' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  relativeContact!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'hermana / sister' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  relationship?: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  soughtGivenNames!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  soughtFamilyNames?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Where they were, what they wore, age…' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  soughtDetails?: string;
}

export class MatchEnquiryRequest {
  @ApiProperty({ format: 'uuid', description: 'The roster entry confirmed as the person sought' })
  @IsUUID()
  entryId!: string;
}

export class AnswerEnquiryRequest {
  @ApiProperty({ maxLength: 2000, description: 'What the relative was told' })
  @IsString()
  @NotBlank()
  @MaxLength(2000)
  answer!: string;
}

export class ListEnquiriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ENQUIRY_STATUSES })
  @IsOptional()
  @IsIn(ENQUIRY_STATUSES)
  status?: EnquiryStatus;
}
