import {
  CaseCategory,
  CaseStatus,
  ClosureReason,
  HostCountryRole,
  RiskLevel,
  VulnerabilityFlag,
} from '../case-codes';
import { PersonInput } from '../persons/person';

export interface Consent {
  services: boolean;
  disclosureToOrganisations: boolean;
  disclosureToOtherCountry: boolean;
  tracing: boolean;
  recordedBy?: string;
  recordedAt?: string;
}

export interface CaseRecord {
  id: string;
  reference: string;
  consulateId: string;
  countryCode: string;
  primaryCategory: CaseCategory;
  secondaryCategories: CaseCategory[];
  vulnerabilityFlags: VulnerabilityFlag[];
  riskLevel: RiskLevel;
  status: CaseStatus;
  assignedOfficerId: string | null;
  primaryPersonId: string;
  eventCountryCode: string | null;
  eventSubdivisionCode: string | null;
  eventCity: string | null;
  /** Where the person (a child, a victim) is sheltered: T3, masked as whereabouts are. */
  shelter: string | null;
  hostCountryRole: HostCountryRole | null;
  /** The national is abroad under a temporary-worker programme. */
  temporaryWorker: boolean;
  openedAt: Date;
  closedAt: Date | null;
  closureReason: ClosureReason | null;
  requestedClosureReason: ClosureReason | null;
  duplicateOfCaseId: string | null;
  summary: string;
  /** What is to be done next, and by when (`YYYY-MM-DD`): the work queue reads them. */
  nextStep: string | null;
  nextStepDue: string | null;
  consent: Consent | Record<string, never>;
  restricted: boolean;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CasePersonLink {
  personId?: string;
  person?: PersonInput;
  role: 'primary' | 'involved';
  relationship?: string | null;
}

export interface NewCase {
  consulateId: string;
  primaryCategory: CaseCategory;
  secondaryCategories?: CaseCategory[];
  vulnerabilityFlags?: VulnerabilityFlag[];
  riskLevel?: RiskLevel;
  eventCountryCode?: string | null;
  eventSubdivisionCode?: string | null;
  eventCity?: string | null;
  shelter?: string | null;
  hostCountryRole?: HostCountryRole | null;
  temporaryWorker?: boolean;
  openedAt?: string;
  summary?: string;
  nextStep?: string | null;
  nextStepDue?: string | null;
  consent?: Omit<Consent, 'recordedBy' | 'recordedAt'>;
  restricted?: boolean;
  assignedOfficerId?: string;
  persons: CasePersonLink[];
  /** The crisis event the case comes from (set by the crisis context's demobilisation only). */
  crisisEventId?: string | null;
}

export type CaseChanges = Partial<
  Pick<
    NewCase,
    | 'primaryCategory'
    | 'secondaryCategories'
    | 'vulnerabilityFlags'
    | 'riskLevel'
    | 'eventCountryCode'
    | 'eventSubdivisionCode'
    | 'eventCity'
    | 'shelter'
    | 'hostCountryRole'
    | 'temporaryWorker'
    | 'summary'
    | 'nextStep'
    | 'nextStepDue'
    | 'consent'
    | 'restricted'
  >
>;

export interface CaseFilters {
  /** The case's reference, or one it had at a post it was transferred from. */
  reference?: string;
  status?: CaseStatus[];
  category?: CaseCategory;
  flag?: VulnerabilityFlag;
  riskLevel?: RiskLevel;
  assignedOfficerId?: string;
  consulateId?: string;
  nationalityCode?: string;
  openedFrom?: string;
  openedTo?: string;
  closedFrom?: string;
  closedTo?: string;
  crisisEventId?: string;
  /** Next step due on or before this date (`YYYY-MM-DD`); cases without one are left out. */
  nextStepDueTo?: string;
  /** Only cases of posts with no active consul (whose closure requests the supervisor decides). */
  withoutConsul?: boolean;
  /** Set by the service from `withoutConsul`: the posts that have an active consul. */
  exceptConsulateIds?: string[];
  sort?: string;
  cursor?: string;
  limit?: number;
}

export const CASE_COLUMNS = `
  c.id, c.reference, c.consulate_id AS "consulateId", c.country_code AS "countryCode",
  c.primary_category AS "primaryCategory", c.secondary_categories AS "secondaryCategories",
  c.vulnerability_flags AS "vulnerabilityFlags", c.risk_level AS "riskLevel", c.status,
  c.assigned_officer_id AS "assignedOfficerId", c.primary_person_id AS "primaryPersonId",
  c.event_country_code AS "eventCountryCode", c.event_subdivision_code AS "eventSubdivisionCode",
  c.event_city AS "eventCity", c.shelter, c.host_country_role AS "hostCountryRole",
  c.temporary_worker AS "temporaryWorker", c.opened_at AS "openedAt", c.closed_at AS "closedAt",
  c.closure_reason AS "closureReason", c.requested_closure_reason AS "requestedClosureReason",
  c.duplicate_of_case_id AS "duplicateOfCaseId", c.summary, c.next_step AS "nextStep",
  to_char(c.next_step_due, 'YYYY-MM-DD') AS "nextStepDue", c.consent, c.restricted, c.version,
  c.created_by AS "createdBy", c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

/** Sensitivity tier of each case field whose changes the history records (docs/domain.md). */
export const FIELD_TIERS: Record<string, 'T0' | 'T1' | 'T2' | 'T3'> = {
  consulateId: 'T0',
  reference: 'T0',
  primaryCategory: 'T0',
  secondaryCategories: 'T0',
  vulnerabilityFlags: 'T2',
  riskLevel: 'T0',
  status: 'T0',
  assignedOfficerId: 'T0',
  eventCountryCode: 'T0',
  eventSubdivisionCode: 'T0',
  eventCity: 'T3',
  shelter: 'T3',
  hostCountryRole: 'T0',
  temporaryWorker: 'T0',
  summary: 'T2',
  nextStep: 'T2',
  nextStepDue: 'T0',
  consent: 'T2',
  restricted: 'T0',
  closureReason: 'T0',
  requestedClosureReason: 'T0',
  duplicateOfCaseId: 'T0',
};
