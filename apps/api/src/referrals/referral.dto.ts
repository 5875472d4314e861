import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { NotBlank, PageQuery, ToBoolean } from '@amparo/core';
import { DISCLOSURE_FIELDS, DisclosureField } from '@amparo/cases';
import { ORGANISATION_SERVICES, ORGANISATION_TYPES, OrganisationService } from '@amparo/directory';
import { OrganisationReferral, REFERRAL_STATUSES, ReferralStatus } from '@amparo/referrals';
import { DisclosurePayloadResponse } from './disclosure.dto';

export class ReferralPreviewRequest {
  @ApiProperty({ format: 'uuid', description: 'An active organisation of the directory' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ enum: ORGANISATION_SERVICES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORGANISATION_SERVICES.length)
  @IsIn(ORGANISATION_SERVICES, { each: true })
  services!: OrganisationService[];

  @ApiProperty({ enum: DISCLOSURE_FIELDS, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DISCLOSURE_FIELDS.length)
  @IsIn(DISCLOSURE_FIELDS, { each: true })
  fields!: DisclosureField[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Persons of the case whose data goes; the primary person when not given',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  personIds?: string[];
}

export class OverrideRequest {
  @ApiProperty({ minLength: 20, maxLength: 2000, description: 'Why it goes without consent' })
  @IsString()
  @NotBlank()
  @MinLength(20)
  @MaxLength(2000)
  reason!: string;
}

export class CreateReferralRequest extends ReferralPreviewRequest {
  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'What the person needs from it' })
  @IsString()
  @NotBlank()
  @MinLength(10)
  @MaxLength(2000)
  need!: string;

  @ApiPropertyOptional({ format: 'date', description: 'YYYY-MM-DD, today or later (UTC)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  followUpDue?: string;

  @ApiPropertyOptional({
    type: OverrideRequest,
    description: "Only the consul of the case's post: disclose without the consent it needs",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverrideRequest)
  override?: OverrideRequest;
}

export class AnswerReferralRequest {
  @ApiProperty({ enum: ['accepted', 'rejected'] })
  @IsIn(['accepted', 'rejected'])
  outcome!: 'accepted' | 'rejected';

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    minLength: 5,
    maxLength: 2000,
    description: 'Required when rejected',
  })
  @ValidateIf((o: AnswerReferralRequest) => o.outcome === 'rejected' || o.reason != null)
  @IsString()
  @NotBlank()
  @MinLength(5)
  @MaxLength(2000)
  reason?: string | null;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the answer came; default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  answeredAt?: string;
}

export class CompleteReferralRequest {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

export class RevokeReferralRequest {
  @ApiProperty({ minLength: 5, maxLength: 2000 })
  @IsString()
  @NotBlank()
  @MinLength(5)
  @MaxLength(2000)
  reason!: string;
}

export class ReferralCandidatesQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_SERVICES })
  @IsOptional()
  @IsIn(ORGANISATION_SERVICES)
  service?: OrganisationService;

  @ApiPropertyOptional({ description: 'A language code the organisation speaks, e.g. es' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/)
  language?: string;
}

export class ListReferralsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;

  @ApiPropertyOptional({ description: 'Open referrals whose follow-up date has passed' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  overdue?: boolean;
}

export class LetterQuery {
  @ApiPropertyOptional({ enum: ['es', 'en'], default: 'es' })
  @IsOptional()
  @IsIn(['es', 'en'])
  lang?: 'es' | 'en';
}

export class ReferralResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseReference!: string;
  @ApiProperty({ format: 'uuid', description: 'The sending post' }) consulateId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ description: 'Its name when the referral was sent' }) organisationName!: string;
  @ApiProperty({ enum: ORGANISATION_SERVICES, isArray: true }) services!: string[];
  @ApiProperty() need!: string;
  @ApiProperty({ enum: DISCLOSURE_FIELDS, isArray: true }) fields!: DisclosureField[];
  @ApiProperty({ type: [String], format: 'uuid' }) personIds!: string[];
  @ApiProperty({ type: DisclosurePayloadResponse, description: 'Exactly what was disclosed' })
  payload!: DisclosurePayloadResponse;
  @ApiProperty({ type: [String], format: 'uuid' }) consentIds!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) overrideId!: string | null;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why rejected or revoked (consent_withdrawn when the consent was withdrawn)',
  })
  statusReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) followUpDue!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) completionNotes!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: Date | null;
  @ApiProperty() version!: number;

  static from(r: OrganisationReferral): ReferralResponse {
    return {
      id: r.id,
      caseId: r.caseId,
      caseReference: r.caseReference,
      consulateId: r.consulateId,
      organisationId: r.organisationId,
      organisationName: r.organisationName,
      services: r.services,
      need: r.need,
      fields: r.fields,
      personIds: r.personIds,
      payload: r.payload,
      consentIds: r.consentIds,
      overrideId: r.overrideId,
      status: r.status,
      statusReason: r.statusReason,
      followUpDue: r.followUpDue,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      answeredAt: r.answeredAt,
      completedAt: r.completedAt,
      completionNotes: r.completionNotes,
      revokedAt: r.revokedAt,
      version: r.version,
    };
  }
}

export class CandidateOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) acronym!: string | null;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type!: string;
  @ApiProperty({ enum: ORGANISATION_SERVICES, isArray: true }) services!: string[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ type: [String] }) coverageCountries!: string[];
  @ApiProperty({ type: [String] }) coverageSubdivisions!: string[];
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
}

export class CandidateMatchesResponse {
  @ApiProperty({
    enum: ORGANISATION_SERVICES,
    isArray: true,
    description: 'Services it offers of those asked (or the case suggests)',
  })
  services!: string[];
  @ApiProperty({ description: "Covers the case's place of need (event, or origin for a return)" })
  coversPlace!: boolean;
  @ApiProperty({ type: [String], description: "Languages it shares with the case's persons" })
  languages!: string[];
}

export class ReferralCandidateResponse {
  @ApiProperty({ type: CandidateOrganisationResponse })
  organisation!: CandidateOrganisationResponse;
  @ApiProperty({ type: CandidateMatchesResponse }) matches!: CandidateMatchesResponse;
}

export class ReferralCandidatesResponse {
  @ApiProperty({ type: [ReferralCandidateResponse], description: 'Best match first' })
  items!: ReferralCandidateResponse[];
}
