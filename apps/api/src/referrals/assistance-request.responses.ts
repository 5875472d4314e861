import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTION_TYPES,
  DISCLOSURE_FIELDS,
  DisclosureField,
  DisclosurePreview,
  GENDERS,
} from '@amparo/cases';
import {
  ASSISTANCE_KINDS,
  ASSISTANCE_REASONS,
  ASSISTANCE_STATUSES,
  AssistanceCandidate,
  AssistanceReport,
  AssistanceRequestView,
} from '@amparo/referrals';

class AssistanceDocumentResponse {
  @ApiProperty() type!: string;
  @ApiProperty() number!: string;
  @ApiProperty() issuingCountryCode!: string;
}

/** A person as disclosed: only the properties of the fields sent are present. */
export class AssistanceDisclosedPersonResponse {
  @ApiProperty({ enum: ['primary', 'involved'] }) role!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) relationship?: string | null;
  @ApiPropertyOptional() givenNames?: string;
  @ApiPropertyOptional() familyNames?: string;
  @ApiPropertyOptional({ type: [String] }) otherNames?: string[];
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) dateOfBirth?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) estimatedAge?: number | null;
  @ApiPropertyOptional() sex?: string;
  @ApiPropertyOptional({ enum: GENDERS, nullable: true, type: String }) gender?: string | null;
  @ApiPropertyOptional() nationalityCode?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) originSubdivisionCode?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) originMunicipality?: string | null;
  @ApiPropertyOptional({ type: [AssistanceDocumentResponse] })
  documents?: AssistanceDocumentResponse[];
  @ApiPropertyOptional({ nullable: true, type: String }) phone?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) addressAbroad?: string | null;
  @ApiPropertyOptional({ type: [String] }) languages?: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) indigenousLanguage?: string | null;
}

export class AssistanceDisclosedCaseResponse {
  @ApiPropertyOptional() primaryCategory?: string;
  @ApiPropertyOptional({ type: [String] }) secondaryCategories?: string[];
  @ApiPropertyOptional({ type: [String] }) vulnerabilityFlags?: string[];
  @ApiPropertyOptional() summary?: string;
}

export class AssistancePayloadResponse {
  @ApiProperty({ enum: DISCLOSURE_FIELDS, isArray: true }) fields!: DisclosureField[];
  @ApiProperty({ type: [AssistanceDisclosedPersonResponse] })
  persons!: AssistanceDisclosedPersonResponse[];
  @ApiProperty({ type: AssistanceDisclosedCaseResponse }) case!: AssistanceDisclosedCaseResponse;
}

export class AssistanceBlockerResponse {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() purposeMissing!: boolean;
  @ApiProperty({ enum: DISCLOSURE_FIELDS, isArray: true }) fieldsMissing!: DisclosureField[];
  @ApiProperty() homeAuthoritiesConsentMissing!: boolean;
}

export class AssistancePreviewResponse {
  @ApiProperty({ type: AssistancePayloadResponse, description: 'Exactly what would be sent' })
  payload!: AssistancePayloadResponse;
  @ApiProperty({ type: [AssistanceBlockerResponse] }) blockers!: AssistanceBlockerResponse[];
  @ApiProperty({ description: 'The asylum safeguard refuses it; no override lifts it' })
  asylumSafeguard!: boolean;
  @ApiProperty({ description: 'The caller may override a missing consent, with a reason' })
  overrideAllowed!: boolean;

  static from(p: DisclosurePreview): AssistancePreviewResponse {
    return p as AssistancePreviewResponse;
  }
}

export class AssistancePostResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'GT' }) countryCode!: string;
  @ApiProperty() postCode!: string;
}

export class AssistanceRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ASSISTANCE_KINDS }) kind!: string;
  @ApiProperty({ enum: ASSISTANCE_STATUSES }) status!: string;
  @ApiProperty({
    enum: ['requesting', 'receiving'],
    isArray: true,
    description: 'The sides of the request the caller stands at',
  })
  sides!: string[];
  @ApiProperty({ type: AssistancePostResponse }) requestingPost!: AssistancePostResponse;
  @ApiProperty({ type: AssistancePostResponse }) receivingPost!: AssistancePostResponse;
  @ApiProperty({ enum: ASSISTANCE_REASONS }) reason!: string;
  @ApiProperty() reasonNote!: string;
  @ApiProperty({ enum: DISCLOSURE_FIELDS, isArray: true }) fields!: DisclosureField[];
  @ApiProperty({
    type: AssistancePayloadResponse,
    nullable: true,
    description: 'Null once purged: the person withdrew their consent before acceptance',
  })
  payload!: AssistancePayloadResponse | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The requesting side’s own case (null for the receiving side)',
  })
  requestingCaseId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The case opened at the receiving post (only the receiving side sees it)',
  })
  receivingCaseId!: string | null;
  @ApiProperty({ description: 'Sent on a consul’s override of a missing consent' })
  overridden!: boolean;
  @ApiProperty({ format: 'date-time' }) requestedAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) revocationReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) purgedAt!: Date | null;

  static from(v: AssistanceRequestView): AssistanceRequestResponse {
    return { ...v, payload: v.payload as AssistancePayloadResponse | null };
  }
}

export class AssistanceReportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: ['requesting', 'receiving'] }) side!: string;
  @ApiProperty({ format: 'uuid' }) consulateId!: string;
  @ApiProperty() countryCode!: string;
  @ApiProperty({ enum: ACTION_TYPES, nullable: true, type: String }) actionType!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) writtenAt!: Date;

  static from(r: AssistanceReport): AssistanceReportResponse {
    return { ...r };
  }
}

class AssistanceCandidateConsulateResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() sendingCountryCode!: string;
  @ApiProperty() hostCountryCode!: string;
  @ApiProperty() city!: string;
}

export class AssistanceCandidateResponse {
  @ApiProperty({ type: AssistanceCandidateConsulateResponse })
  consulate!: AssistanceCandidateConsulateResponse;
  @ApiProperty({ description: 'Its host country and jurisdiction cover the case’s event place' })
  coversPlace!: boolean;

  static from(c: AssistanceCandidate): AssistanceCandidateResponse {
    return c;
  }
}

export class AssistanceCountsResponse {
  @ApiProperty({ description: 'Pending requests waiting on the caller’s posts or country' })
  incomingPending!: number;
  @ApiProperty({ description: 'Pending requests the caller’s posts or country sent' })
  outgoingPending!: number;
}
