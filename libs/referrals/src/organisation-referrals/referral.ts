import { DisclosureField, DisclosurePayload } from '@amparo/cases';
import { OrganisationService } from '@amparo/directory';

export const REFERRAL_STATUSES = [
  'pending',
  'accepted',
  'rejected',
  'completed',
  'revoked',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The statuses in which a referral still asks something of the organisation (and may be revoked). */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['pending', 'accepted'];

/** A case referred to an organisation of the directory, with exactly what was disclosed to it. */
export interface OrganisationReferral {
  id: string;
  caseId: string;
  caseReference: string;
  consulateId: string;
  organisationId: string;
  organisationName: string;
  services: OrganisationService[];
  need: string;
  fields: DisclosureField[];
  personIds: string[];
  /** What was sent, as built at the moment of sending. */
  payload: DisclosurePayload;
  consentIds: string[];
  overrideId: string | null;
  status: ReferralStatus;
  statusReason: string | null;
  followUpDue: string | null;
  createdBy: string;
  createdAt: Date;
  answeredAt: Date | null;
  completedAt: Date | null;
  completionNotes: string | null;
  revokedAt: Date | null;
  version: number;
}

/** The referral row with where its case sits (for scope and audit). */
export interface StoredReferral extends OrganisationReferral {
  countryCode: string;
}

export interface NewReferral {
  organisationId: string;
  services: OrganisationService[];
  need: string;
  fields: DisclosureField[];
  personIds?: string[];
  followUpDue?: string | null;
  override?: { reason: string } | null;
}

export interface ReferralPreviewRequest {
  organisationId: string;
  services: OrganisationService[];
  fields: DisclosureField[];
  personIds?: string[];
}

export interface ReferralAnswer {
  outcome: 'accepted' | 'rejected';
  reason?: string | null;
  answeredAt?: string;
}

export interface ReferralFilters {
  status?: ReferralStatus;
  overdue?: boolean;
  cursor?: string;
  limit?: number;
}

export const REFERRAL_COLUMNS = `
  SELECT r.id, r.case_id AS "caseId", r.case_reference AS "caseReference", r.consulate_id AS "consulateId",
         r.country_code AS "countryCode", r.organisation_id AS "organisationId",
         r.organisation_name AS "organisationName", r.services, r.need, r.fields, r.person_ids AS "personIds",
         r.payload, r.consent_ids AS "consentIds", r.override_id AS "overrideId", r.status,
         r.status_reason AS "statusReason", to_char(r.follow_up_due, 'YYYY-MM-DD') AS "followUpDue",
         r.created_by AS "createdBy", r.created_at AS "createdAt", r.answered_at AS "answeredAt",
         r.completed_at AS "completedAt", r.completion_notes AS "completionNotes",
         r.revoked_at AS "revokedAt", r.version`;
