import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { NotBlank } from '@amparo/core';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  ConsentMethod,
  ConsentOverride,
  ConsentPurpose,
  ConsentRecord,
  DISCLOSURE_FIELDS,
  DisclosureField,
} from '@amparo/cases';

export class RecordConsentRequest {
  @ApiProperty({ format: 'uuid', description: 'A person on the case' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ enum: CONSENT_PURPOSES, isArray: true, description: 'Empty: consents to nothing' })
  @IsArray()
  @ArrayMaxSize(CONSENT_PURPOSES.length)
  @IsIn(CONSENT_PURPOSES, { each: true })
  purposes!: ConsentPurpose[];

  @ApiProperty({
    enum: DISCLOSURE_FIELDS,
    isArray: true,
    description: 'The fields a disclosure may carry about this person',
  })
  @IsArray()
  @ArrayMaxSize(DISCLOSURE_FIELDS.length)
  @IsIn(DISCLOSURE_FIELDS, { each: true })
  disclosableFields!: DisclosureField[];

  @ApiProperty({ enum: CONSENT_METHODS }) @IsIn(CONSENT_METHODS) method!: ConsentMethod;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Required for verbal_with_witness',
    maxLength: 200,
  })
  @ValidateIf(
    (o: RecordConsentRequest) => o.method === 'verbal_with_witness' || o.witnessName != null,
  )
  @IsString()
  @NotBlank()
  @MaxLength(200)
  witnessName?: string | null;

  @ApiProperty({ enum: ['person', 'guardian'] })
  @IsIn(['person', 'guardian'])
  givenBy!: 'person' | 'guardian';

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Required when a guardian gave it',
    maxLength: 200,
  })
  @ValidateIf((o: RecordConsentRequest) => o.givenBy === 'guardian' || o.guardianName != null)
  @IsString()
  @NotBlank()
  @MaxLength(200)
  guardianName?: string | null;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was given; default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  givenAt?: string;
}

export class WithdrawConsentRequest {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the person withdrew it; default now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  withdrawnAt?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class ConsentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: CONSENT_PURPOSES, isArray: true }) purposes!: ConsentPurpose[];
  @ApiProperty({ enum: DISCLOSURE_FIELDS, isArray: true }) disclosableFields!: DisclosureField[];
  @ApiProperty({ enum: CONSENT_METHODS }) method!: ConsentMethod;
  @ApiProperty({ nullable: true, type: String }) witnessName!: string | null;
  @ApiProperty({ enum: ['person', 'guardian'] }) givenBy!: 'person' | 'guardian';
  @ApiProperty({ nullable: true, type: String }) guardianName!: string | null;
  @ApiProperty({ format: 'date-time' }) givenAt!: Date;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) supersededBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) withdrawnAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) withdrawnRecordedBy!:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  withdrawnRecordedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) withdrawalNote!: string | null;
  @ApiProperty({ description: 'Neither replaced nor withdrawn: the one disclosures check' })
  current!: boolean;

  static from(k: ConsentRecord): ConsentResponse {
    return { ...k };
  }
}

export class ConsentOverrideResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseReference!: string;
  @ApiProperty({ format: 'uuid' }) consulateId!: string;
  @ApiProperty({ enum: ['disclosure_to_organisations', 'disclosure_to_other_country'] })
  purpose!: string;
  @ApiProperty({ enum: DISCLOSURE_FIELDS, isArray: true }) fields!: DisclosureField[];
  @ApiProperty({ type: [String] }) personIds!: string[];
  @ApiProperty({ example: 'organisation:7d1f…' }) target!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'uuid' }) overriddenBy!: string;
  @ApiProperty({ format: 'date-time' }) overriddenAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reviewedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reviewedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) reviewNote!: string | null;

  static from(o: ConsentOverride): ConsentOverrideResponse {
    return { ...o };
  }
}

export class CaseConsentsResponse {
  @ApiProperty({
    type: [ConsentResponse],
    description: 'Newest first, replaced and withdrawn included',
  })
  consents!: ConsentResponse[];
  @ApiProperty({ type: [ConsentOverrideResponse] }) overrides!: ConsentOverrideResponse[];
}

export class ListConsentOverridesQuery {
  @ApiPropertyOptional({ enum: ['unreviewed', 'reviewed', 'all'], default: 'unreviewed' })
  @IsOptional()
  @IsIn(['unreviewed', 'reviewed', 'all'])
  status?: 'unreviewed' | 'reviewed' | 'all';
}

export class ReviewConsentOverrideRequest {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note?: string | null;
}
