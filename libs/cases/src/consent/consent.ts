/** What a person may consent to (docs/domain.md, Consent block). */
export const CONSENT_PURPOSES = [
  'services',
  'disclosure_to_organisations',
  'disclosure_to_other_country',
  /** Explicit consent that the authorities of the person's own country learn of them: the asylum safeguard asks for it. */
  'disclosure_to_home_authorities',
  'tracing',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** The purposes that send the person's data outside the post: what a referral or request checks. */
export type DisclosurePurpose = Extract<
  ConsentPurpose,
  'disclosure_to_organisations' | 'disclosure_to_other_country'
>;

/** Groups of fields a disclosure may carry; a consent names those the person allows. */
export const PERSON_DISCLOSURE_FIELDS = [
  'names',
  'date_of_birth',
  'sex',
  'gender',
  'nationality',
  'origin',
  'documents',
  'contact',
  'address_abroad',
  'languages',
] as const;
export const CASE_DISCLOSURE_FIELDS = [
  'categories',
  'vulnerability_flags',
  'case_summary',
] as const;
export const DISCLOSURE_FIELDS = [...PERSON_DISCLOSURE_FIELDS, ...CASE_DISCLOSURE_FIELDS] as const;
export type DisclosureField = (typeof DISCLOSURE_FIELDS)[number];

export const CONSENT_METHODS = ['signed_form', 'verbal_with_witness', 'intake_form'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** The fields the intake form's consent covers: identifying and reaching the person, the case; never documents or the address abroad. */
export const INTAKE_DISCLOSABLE_FIELDS: readonly DisclosureField[] = [
  'names',
  'date_of_birth',
  'sex',
  'gender',
  'nationality',
  'origin',
  'contact',
  'languages',
  'categories',
  'vulnerability_flags',
  'case_summary',
];

export interface NewConsent {
  personId: string;
  purposes: ConsentPurpose[];
  disclosableFields: DisclosureField[];
  method: ConsentMethod;
  witnessName?: string | null;
  givenBy: 'person' | 'guardian';
  guardianName?: string | null;
  /** When the person gave it; defaults to when it is recorded. */
  givenAt?: string;
}

export interface ConsentRecord {
  id: string;
  caseId: string;
  personId: string;
  purposes: ConsentPurpose[];
  disclosableFields: DisclosureField[];
  method: ConsentMethod;
  witnessName: string | null;
  givenBy: 'person' | 'guardian';
  guardianName: string | null;
  givenAt: Date;
  recordedBy: string;
  recordedAt: Date;
  supersededBy: string | null;
  withdrawnAt: Date | null;
  withdrawnRecordedBy: string | null;
  withdrawnRecordedAt: Date | null;
  withdrawalNote: string | null;
  /** Neither superseded nor withdrawn: the one disclosures check. */
  current: boolean;
}

export const CONSENT_COLUMNS = `
  k.id, k.case_id AS "caseId", k.person_id AS "personId", k.purposes, k.disclosable_fields AS "disclosableFields",
  k.method, k.witness_name AS "witnessName", k.given_by AS "givenBy", k.guardian_name AS "guardianName",
  k.given_at AS "givenAt", k.recorded_by AS "recordedBy", k.recorded_at AS "recordedAt",
  k.superseded_by AS "supersededBy", k.withdrawn_at AS "withdrawnAt",
  k.withdrawn_recorded_by AS "withdrawnRecordedBy", k.withdrawn_recorded_at AS "withdrawnRecordedAt",
  k.withdrawal_note AS "withdrawalNote", (k.superseded_by IS NULL AND k.withdrawn_at IS NULL) AS current`;

/** A consul's decision to disclose without the consent it needed, with the reason; reviewed later. */
export interface ConsentOverride {
  id: string;
  caseId: string;
  caseReference: string;
  consulateId: string;
  purpose: DisclosurePurpose;
  fields: DisclosureField[];
  personIds: string[];
  /** What the disclosure went to, e.g. `organisation:<id>` or `consulate:<id>`. */
  target: string;
  reason: string;
  overriddenBy: string;
  overriddenAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

export const OVERRIDE_COLUMNS = `
  o.id, o.case_id AS "caseId", c.reference AS "caseReference", c.consulate_id AS "consulateId", o.purpose,
  o.fields, o.person_ids AS "personIds", o.target, o.reason, o.overridden_by AS "overriddenBy",
  o.overridden_at AS "overriddenAt", o.reviewed_by AS "reviewedBy", o.reviewed_at AS "reviewedAt",
  o.review_note AS "reviewNote"`;

/** Exactly what a disclosure carries: only the fields asked for and consented to. */
export interface DisclosedPerson {
  role: 'primary' | 'involved';
  relationship?: string | null;
  givenNames?: string;
  familyNames?: string;
  otherNames?: string[];
  dateOfBirth?: string | null;
  estimatedAge?: number | null;
  sex?: string;
  gender?: string | null;
  nationalityCode?: string;
  originSubdivisionCode?: string | null;
  originMunicipality?: string | null;
  documents?: { type: string; number: string; issuingCountryCode: string }[];
  phone?: string | null;
  email?: string | null;
  addressAbroad?: string | null;
  languages?: string[];
  indigenousLanguage?: string | null;
}

export interface DisclosurePayload {
  fields: DisclosureField[];
  persons: DisclosedPerson[];
  case: {
    primaryCategory?: string;
    secondaryCategories?: string[];
    vulnerabilityFlags?: string[];
    summary?: string;
  };
}
