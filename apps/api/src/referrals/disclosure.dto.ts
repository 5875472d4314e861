import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISCLOSURE_FIELDS, DisclosureField, GENDERS } from '@amparo/cases';

class DisclosedDocumentResponse {
  @ApiProperty() type!: string;
  @ApiProperty() number!: string;
  @ApiProperty() issuingCountryCode!: string;
}

/** A person as a disclosure carries them: only the properties of the fields sent are present. */
export class DisclosedPersonResponse {
  @ApiProperty({ enum: ['primary', 'involved'] }) role!: 'primary' | 'involved';
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
  @ApiPropertyOptional({ type: [DisclosedDocumentResponse] })
  documents?: DisclosedDocumentResponse[];
  @ApiPropertyOptional({ nullable: true, type: String }) phone?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) addressAbroad?: string | null;
  @ApiPropertyOptional({ type: [String] }) languages?: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) indigenousLanguage?: string | null;
}

export class DisclosedCaseResponse {
  @ApiPropertyOptional() primaryCategory?: string;
  @ApiPropertyOptional({ type: [String] }) secondaryCategories?: string[];
  @ApiPropertyOptional({ type: [String] }) vulnerabilityFlags?: string[];
  @ApiPropertyOptional() summary?: string;
}

export class DisclosurePayloadResponse {
  @ApiProperty({ enum: DISCLOSURE_FIELDS, isArray: true }) fields!: DisclosureField[];
  @ApiProperty({ type: [DisclosedPersonResponse] }) persons!: DisclosedPersonResponse[];
  @ApiProperty({ type: DisclosedCaseResponse }) case!: DisclosedCaseResponse;
}

export class DisclosureBlockerResponse {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ description: 'Their current consent lacks the purpose, or there is none' })
  purposeMissing!: boolean;
  @ApiProperty({ enum: DISCLOSURE_FIELDS, isArray: true }) fieldsMissing!: DisclosureField[];
  @ApiProperty({ description: 'Asylum safeguard: consent to their own authorities is missing' })
  homeAuthoritiesConsentMissing!: boolean;
}

export class DisclosurePreviewResponse {
  @ApiProperty({ type: DisclosurePayloadResponse, description: 'Exactly what would be sent' })
  payload!: DisclosurePayloadResponse;
  @ApiProperty({ type: [DisclosureBlockerResponse] }) blockers!: DisclosureBlockerResponse[];
  @ApiProperty({ description: 'No override can lift it' }) asylumSafeguard!: boolean;
  @ApiProperty({ description: 'The caller may override a missing consent, with a reason' })
  overrideAllowed!: boolean;
}
