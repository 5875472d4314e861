import { CaseCategory, CaseStatus, RiskLevel, VulnerabilityFlag } from '../case-codes';

export const TRANSFER_STATUSES = ['pending', 'accepted', 'rejected', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** Incoming: to a post you work (a supervisor: every transfer of the country); outgoing: from one. */
export const TRANSFER_DIRECTIONS = ['incoming', 'outgoing', 'all'] as const;
export type TransferDirection = (typeof TRANSFER_DIRECTIONS)[number];

/**
 * The operational (T0) fields of the case that a receiving post weighs a transfer by: never a
 * person, a summary or the case itself, which stay the sending post's until acceptance.
 */
export interface TransferCaseSummary {
  primaryCategory: CaseCategory;
  vulnerabilityFlags: VulnerabilityFlag[];
  riskLevel: RiskLevel;
  status: CaseStatus;
  restricted: boolean;
}

/** A row of `case_transfers`. */
export interface CaseTransferRow {
  id: string;
  caseId: string;
  countryCode: string;
  /** The case's reference when proposed: at its sending post. */
  caseReference: string;
  status: TransferStatus;
  fromConsulateId: string;
  toConsulateId: string;
  reason: string;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  /** The reference the case took at the receiving post, once accepted. */
  newReference: string | null;
  /** The case when the transfer was decided; null while pending (the case is read then). */
  caseSummary: TransferCaseSummary | null;
}

/** A transfer as its parties see it: the case's summary, and names of posts and people. */
export interface CaseTransfer extends Omit<CaseTransferRow, 'caseSummary'> {
  case: TransferCaseSummary;
  fromConsulateName: string | null;
  toConsulateName: string | null;
  proposedByName: string | null;
  decidedByName: string | null;
}

export interface TransferFilters {
  direction?: TransferDirection;
  status?: TransferStatus;
  cursor?: string;
  limit?: number;
}

export const TRANSFER_COLUMNS = `
  t.id, t.case_id AS "caseId", t.country_code AS "countryCode", t.case_reference AS "caseReference",
  t.status, t.from_consulate_id AS "fromConsulateId", t.to_consulate_id AS "toConsulateId", t.reason,
  t.proposed_by AS "proposedBy", t.proposed_at AS "proposedAt", t.decided_by AS "decidedBy",
  t.decided_at AS "decidedAt", t.rejection_reason AS "rejectionReason", t.new_reference AS "newReference",
  t.case_summary AS "caseSummary"`;

/** The summary columns of `cases c`, under the names of `TransferCaseSummary`. */
export const CASE_SUMMARY_COLUMNS = `
  c.primary_category AS "primaryCategory", c.vulnerability_flags AS "vulnerabilityFlags",
  c.risk_level AS "riskLevel", c.status, c.restricted`;

export function summaryOf(c: TransferCaseSummary): TransferCaseSummary {
  return {
    primaryCategory: c.primaryCategory,
    vulnerabilityFlags: c.vulnerabilityFlags,
    riskLevel: c.riskLevel,
    status: c.status,
    restricted: c.restricted,
  };
}
