import { DisclosureField, DisclosurePayload } from '@amparo/cases';

export const ASSISTANCE_KINDS = ['assistance', 'notification'] as const;
/** `assistance` asks the other country's post to open a case; `notification` only informs it. */
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];

export const ASSISTANCE_REASONS = ['no_post_in_place', 'language', 'urgency', 'other'] as const;
export type AssistanceReason = (typeof ASSISTANCE_REASONS)[number];

export const ASSISTANCE_STATUSES = [
  'pending',
  'accepted',
  'rejected',
  'completed',
  'revoked',
] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];

/** Which end of a request the caller stands at (a caller may, rarely, stand at both). */
export type AssistanceSide = 'requesting' | 'receiving';

/** A post as either side sees the other: no contact with the other side's case. */
export interface AssistancePost {
  id: string;
  name: string;
  countryCode: string;
  postCode: string;
}

/** A request as stored; `AssistanceRequestView` is what one side may see of it. */
export interface AssistanceRequestRow {
  id: string;
  kind: AssistanceKind;
  status: AssistanceStatus;
  requestingCaseId: string;
  requestingConsulateId: string;
  requestingCountryCode: string;
  receivingConsulateId: string;
  receivingCountryCode: string;
  receivingCaseId: string | null;
  reason: AssistanceReason;
  reasonNote: string;
  fields: DisclosureField[];
  personIds: string[];
  payload: DisclosurePayload | null;
  overrideId: string | null;
  requestedBy: string;
  requestedAt: Date;
  decidedAt: Date | null;
  rejectionReason: string | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  completedAt: Date | null;
  purgedAt: Date | null;
}

export const REQUEST_COLUMNS = `
  r.id, r.kind, r.status, r.requesting_case_id AS "requestingCaseId",
  r.requesting_consulate_id AS "requestingConsulateId", r.requesting_country_code AS "requestingCountryCode",
  r.receiving_consulate_id AS "receivingConsulateId", r.receiving_country_code AS "receivingCountryCode",
  r.receiving_case_id AS "receivingCaseId", r.reason, r.reason_note AS "reasonNote", r.fields,
  r.person_ids AS "personIds", r.payload, r.override_id AS "overrideId", r.requested_by AS "requestedBy",
  r.requested_at AS "requestedAt", r.decided_at AS "decidedAt", r.rejection_reason AS "rejectionReason",
  r.revoked_at AS "revokedAt", r.revocation_reason AS "revocationReason", r.completed_at AS "completedAt",
  r.purged_at AS "purgedAt"`;

/**
 * One side's view of a request: the requesting side never sees the receiving case, the receiving
 * side never the requesting case (nor its reference); each reaches only its own.
 */
export interface AssistanceRequestView {
  id: string;
  kind: AssistanceKind;
  status: AssistanceStatus;
  /** The sides the caller stands at. */
  sides: AssistanceSide[];
  requestingPost: AssistancePost;
  receivingPost: AssistancePost;
  reason: AssistanceReason;
  reasonNote: string;
  fields: DisclosureField[];
  /** Null once purged (the person withdrew their consent before it was accepted). */
  payload: DisclosurePayload | null;
  /** The requesting side's own case. */
  requestingCaseId: string | null;
  /** The receiving side's own case, once accepted. */
  receivingCaseId: string | null;
  /** Sent on a consul's override of a missing consent. */
  overridden: boolean;
  requestedAt: Date;
  decidedAt: Date | null;
  rejectionReason: string | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  completedAt: Date | null;
  purgedAt: Date | null;
}

export interface NewAssistanceRequest {
  receivingConsulateId: string;
  kind: AssistanceKind;
  reason: AssistanceReason;
  reasonNote: string;
  fields: DisclosureField[];
  personIds?: string[];
  override?: { reason: string } | null;
}

export interface AssistanceAcceptance {
  primaryCategory: string;
  assignedOfficerId?: string;
  summary?: string;
  /** Required person fields the payload lacks, for the primary person. */
  person?: { givenNames?: string; familyNames?: string; sex?: string; nationalityCode?: string };
}

export interface AssistanceReport {
  id: string;
  requestId: string;
  side: AssistanceSide;
  consulateId: string;
  countryCode: string;
  actionType: string | null;
  text: string;
  writtenAt: Date;
}

export interface AssistanceCandidate {
  consulate: {
    id: string;
    name: string;
    sendingCountryCode: string;
    hostCountryCode: string;
    city: string;
  };
  coversPlace: boolean;
}

export interface AssistanceFilters {
  direction: 'incoming' | 'outgoing' | 'all';
  status?: AssistanceStatus;
  cursor?: string;
  limit?: number;
}
