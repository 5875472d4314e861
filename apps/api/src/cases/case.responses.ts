import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  CHILD_WHEREABOUTS_FIELDS,
  CONSUL_APPROVAL_REASONS,
  CaseAbilities,
  CaseRecord,
  GENDERS,
  Gender,
  HOST_COUNTRY_ROLES,
  HostCountryRole,
  Person,
  initials,
} from '@amparo/cases';

export class PersonResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() givenNames!: string;
  @ApiProperty() familyNames!: string;
  @ApiProperty({ type: [String] }) otherNames!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dateOfBirth!: string | null;
  @ApiProperty({ nullable: true, type: Number }) estimatedAge!: number | null;
  @ApiProperty() sex!: string;
  @ApiProperty({ enum: GENDERS, nullable: true, type: String, description: 'null: not recorded' })
  gender!: Gender | null;
  @ApiProperty({ nullable: true, type: String }) genderIdentity!: string | null;
  @ApiProperty() nationalityCode!: string;
  @ApiProperty({ nullable: true, type: String }) originSubdivisionCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) originMunicipality!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) documents!: {
    type: string;
    number: string;
    issuingCountryCode: string;
  }[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ nullable: true, type: String }) indigenousPeople!: string | null;
  @ApiProperty({ nullable: true, type: String }) indigenousLanguage!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) addressAbroad!: string | null;

  static from(p: Person): PersonResponse {
    return {
      id: p.id,
      givenNames: p.givenNames,
      familyNames: p.familyNames,
      otherNames: p.otherNames,
      dateOfBirth: p.dateOfBirth,
      estimatedAge: p.estimatedAge,
      sex: p.sex,
      gender: p.gender,
      genderIdentity: p.genderIdentity,
      nationalityCode: p.nationalityCode,
      originSubdivisionCode: p.originSubdivisionCode,
      originMunicipality: p.originMunicipality,
      documents: p.documents,
      languages: p.languages,
      indigenousPeople: p.indigenousPeople,
      indigenousLanguage: p.indigenousLanguage,
      phone: p.phone,
      email: p.email,
      addressAbroad: p.addressAbroad,
    };
  }
}

export class CasePersonResponse {
  @ApiProperty({ enum: ['primary', 'involved'] }) role!: string;
  @ApiProperty({ nullable: true, type: String }) relationship!: string | null;
  @ApiProperty({ type: PersonResponse }) person!: PersonResponse;
}

/** What a list shows of the primary person: the name only to those who work the case (T1). */
export class PersonSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Full name, or initials when masked' }) name!: string;
  @ApiProperty({ nullable: true, type: Number }) birthYear!: number | null;
  @ApiProperty() masked!: boolean;
}

export class CaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'MX-LAX-2026-000123' }) reference!: string;
  @ApiProperty({ format: 'uuid' }) consulateId!: string;
  @ApiProperty() countryCode!: string;
  @ApiProperty() primaryCategory!: string;
  @ApiProperty({ type: [String] }) secondaryCategories!: string[];
  @ApiProperty({ type: [String] }) vulnerabilityFlags!: string[];
  @ApiProperty() riskLevel!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String }) assignedOfficerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) eventCountryCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) eventSubdivisionCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) eventCity!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Where the person is sheltered (T3); in case details only',
  })
  shelter?: string | null;
  @ApiProperty({
    enum: HOST_COUNTRY_ROLES,
    nullable: true,
    type: String,
    description: 'The part the host country plays in the national’s migration; null: not recorded',
  })
  hostCountryRole!: HostCountryRole | null;
  @ApiProperty({ description: 'The national is abroad under a temporary-worker programme' })
  temporaryWorker!: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closureReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) requestedClosureReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) duplicateOfCaseId!: string | null;
  @ApiPropertyOptional() summary?: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'What is to be done next; in lists null for cases whose identifying fields you do not see',
  })
  nextStep!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When the next step is due (YYYY-MM-DD); kept when the case closes',
  })
  nextStepDue!: string | null;
  @ApiPropertyOptional({ type: Object }) consent?: object;
  @ApiProperty() restricted!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ type: [CasePersonResponse] }) persons?: CasePersonResponse[];
  @ApiPropertyOptional({
    type: PersonSummary,
    nullable: true,
    description: 'In lists only; null when you may not see the person',
  })
  primaryPerson?: PersonSummary | null;

  /** T0 fields, shown to everyone in scope. */
  static operational(c: CaseRecord): CaseResponse {
    return {
      id: c.id,
      reference: c.reference,
      consulateId: c.consulateId,
      countryCode: c.countryCode,
      primaryCategory: c.primaryCategory,
      secondaryCategories: c.secondaryCategories,
      vulnerabilityFlags: c.vulnerabilityFlags,
      riskLevel: c.riskLevel,
      status: c.status,
      assignedOfficerId: c.assignedOfficerId,
      eventCountryCode: c.eventCountryCode,
      eventSubdivisionCode: c.eventSubdivisionCode,
      eventCity: c.restricted ? null : c.eventCity,
      hostCountryRole: c.hostCountryRole,
      temporaryWorker: c.temporaryWorker,
      openedAt: new Date(c.openedAt).toISOString(),
      closedAt: c.closedAt ? new Date(c.closedAt).toISOString() : null,
      closureReason: c.closureReason,
      requestedClosureReason: c.requestedClosureReason,
      duplicateOfCaseId: c.duplicateOfCaseId,
      nextStep: null,
      nextStepDue: c.nextStepDue,
      restricted: c.restricted,
      version: c.version,
      createdAt: new Date(c.createdAt).toISOString(),
      updatedAt: new Date(c.updatedAt).toISOString(),
    };
  }

  /** The whole case, for a reader allowed to see it. */
  static full(
    c: CaseRecord,
    persons: { role: string; relationship: string | null; person: Person }[],
  ): CaseResponse {
    return {
      ...CaseResponse.operational(c),
      eventCity: c.eventCity,
      shelter: c.shelter,
      summary: c.summary,
      nextStep: c.nextStep,
      consent: c.consent,
      persons: persons.map((p) => ({
        role: p.role,
        relationship: p.relationship,
        person: PersonResponse.from(p.person),
      })),
    };
  }

  /** A list row: T0 fields, and the primary person's name only for those who work the case. */
  static listItem(
    c: CaseRecord,
    primary: Person | undefined,
    showIdentity: boolean,
    showPerson: boolean,
  ): CaseResponse {
    const birthYear = primary?.dateOfBirth ? Number(primary.dateOfBirth.slice(0, 4)) : null;
    return {
      ...CaseResponse.operational(c),
      // Narrative like the summary: only beside the name, for those who work the case.
      nextStep: showIdentity ? c.nextStep : null,
      primaryPerson:
        primary && showPerson
          ? {
              id: primary.id,
              name: showIdentity
                ? `${primary.givenNames} ${primary.familyNames}`
                : initials(primary.givenNames, primary.familyNames),
              birthYear: showIdentity ? birthYear : null,
              masked: !showIdentity,
            }
          : null,
    };
  }
}

export class AllowedTransitionResponse {
  @ApiProperty({ enum: CASE_STATUSES }) to!: string;
  @ApiProperty({ description: 'Send a reason with this transition' }) reasonRequired!: boolean;
  @ApiProperty({
    description:
      'Send a closureReason with this transition (approving a closure request keeps the requested one)',
  })
  closureReasonRequired!: boolean;
}

export class CallerMayResponse {
  @ApiProperty({ description: 'PATCH /cases/{id} would be accepted' }) update!: boolean;
  @ApiProperty({ description: 'POST /cases/{id}/assignment would be accepted' }) assign!: boolean;
  @ApiProperty({
    description: 'POST /cases/{id}/actions (and corrections) would be accepted',
  })
  recordActions!: boolean;
  @ApiProperty({
    description:
      'POST /cases/{id}/transfers would be accepted, unless a transfer of the case is already pending',
  })
  transfer!: boolean;
}

/** A case read on its own: with what the caller may do with it next. */
export class CaseDetailResponse extends CaseResponse {
  @ApiProperty({
    type: [AllowedTransitionResponse],
    description:
      'The transitions POST /cases/{id}/transitions would accept from you now (given the fields each needs)',
  })
  allowedTransitions!: AllowedTransitionResponse[];
  @ApiProperty({ type: CallerMayResponse }) callerMay!: CallerMayResponse;
  @ApiProperty({
    enum: CONSUL_APPROVAL_REASONS,
    nullable: true,
    type: String,
    description:
      "Why an officer's closure of this case goes through closure_requested (child by category, flag or age; trafficking indicators; critical risk); null when an officer may close it directly",
  })
  closureApprovalRule!: string | null;
  @ApiProperty({
    enum: CHILD_WHEREABOUTS_FIELDS,
    isArray: true,
    description:
      'Fields withheld from you (null in this response): on a child’s case, where the child is (T3) is shown only to the assigned officer, the consuls of the post and break-the-glass holders',
  })
  masked!: string[];
  @ApiProperty({
    enum: ['child_whereabouts'],
    nullable: true,
    type: String,
    description: 'Why fields are masked; null when none are',
  })
  maskedReason!: string | null;

  static of(
    c: CaseRecord,
    persons: { role: string; relationship: string | null; person: Person }[],
    abilities: CaseAbilities,
    masked: readonly string[] = [],
  ): CaseDetailResponse {
    return {
      ...CaseResponse.full(c, persons),
      ...abilities,
      masked: [...masked],
      maskedReason: masked.length ? 'child_whereabouts' : null,
    };
  }
}

export class PossibleDuplicateResponse {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ example: 'M. L.' }) initials!: string;
  @ApiProperty({ type: 'integer', nullable: true }) birthYear!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) estimatedAge!: number | null;
  @ApiProperty({ enum: ['name', 'birth_date', 'age_band', 'document'], isArray: true })
  matchedOn!: string[];
  @ApiProperty({ type: 'number' }) score!: number;
}

export class CreatedCaseResponse extends CaseDetailResponse {
  @ApiProperty({
    type: [PossibleDuplicateResponse],
    description: 'Persons of the same country who may be one of the new persons',
  })
  possibleDuplicates!: PossibleDuplicateResponse[];
}

const ANY_JSON: ApiPropertyOptions = {
  description: "The field's value (any JSON); null when masked",
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object' },
    { type: 'null' },
  ],
};

/** One entry of `GET /cases/{id}/history`: a field's change, and for a status change its reason. */
export class CaseHistoryEntryResponse {
  @ApiProperty({ description: 'Increasing in the order the changes were made', example: '42' })
  id!: string;
  @ApiProperty({ format: 'uuid' }) changedBy!: string;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty() field!: string;
  @ApiProperty({ enum: ['T0', 'T1', 'T2', 'T3'], description: 'Sensitivity tier of the field' })
  tier!: string;
  @ApiProperty(ANY_JSON) oldValue!: unknown;
  @ApiProperty(ANY_JSON) newValue!: unknown;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description:
      'Why the status changed (on hold, closure request sent back, reopening), as given with the transition; on the post, reference and assignee a transfer moved, the transfer’s reason; null on other fields',
  })
  reason!: string | null;
  @ApiProperty({ description: 'The values are hidden from you by the field tier' })
  masked!: boolean;
}

export class AccessRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'MX-LAX-2026-000123' }) caseReference!: string;
  @ApiProperty({ format: 'uuid' }) consulateId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reviewedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ enum: ['justified', 'unjustified'], nullable: true })
  reviewOutcome!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewNote!: string | null;
}
