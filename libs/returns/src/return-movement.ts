export const RETURN_MODES = ['land', 'air', 'sea'] as const;
export type ReturnMode = (typeof RETURN_MODES)[number];

export const RETURN_STATUSES = ['planned', 'in_transit', 'completed', 'cancelled'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_MODE_LABELS: Record<ReturnMode, { es: string; en: string }> = {
  land: { es: 'Terrestre', en: 'Land' },
  air: { es: 'Aérea', en: 'Air' },
  sea: { es: 'Marítima', en: 'Sea' },
};

/** Someone travelling with the returning persons: a consular official, a social worker… */
export interface ReturnEscort {
  id: string;
  name: string;
  role: string;
  officialId: string | null;
  organisation: string | null;
  addedAt: Date;
}

/** The receipt of a child by the child-protection authority at origin. */
export interface ReturnHandover {
  id: string;
  caseId: string;
  personId: string;
  authorityId: string;
  authorityName: string;
  officialName: string;
  officialTitle: string;
  handedOverAt: Date;
  recordedBy: string;
  recordedAt: Date;
}

/** A case on a movement, with the persons of it who return. */
export interface ReturnCase {
  caseId: string;
  caseReference: string;
  personIds: string[];
  /** A child's case (category, flag or a person under 18): the movement is an accompanied child return. */
  childReturn: boolean;
  /** You may not read the case's content (restricted): its persons are left out. */
  withheld: boolean;
  addedAt: Date;
}

export interface ReturnMovement {
  id: string;
  countryCode: string;
  consulateId: string;
  mode: ReturnMode;
  status: ReturnStatus;
  cancellationReason: string | null;
  plannedDepartureAt: Date;
  plannedArrivalAt: Date | null;
  actualDepartureAt: Date | null;
  actualArrivalAt: Date | null;
  fromCountryCode: string;
  fromPlace: string;
  toSubdivisionCode: string | null;
  toPlace: string;
  receivingInstitutionId: string | null;
  notes: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface ReturnMovementDetail extends ReturnMovement {
  /** Any child's case on it makes it an accompanied child return (escort, assessment, handover). */
  accompaniedChildReturn: boolean;
  cases: ReturnCase[];
  escorts: ReturnEscort[];
  handovers: ReturnHandover[];
}

export interface NewReturnMovement {
  consulateId?: string;
  mode: ReturnMode;
  plannedDepartureAt: string;
  plannedArrivalAt?: string | null;
  fromCountryCode: string;
  fromPlace: string;
  toSubdivisionCode?: string | null;
  toPlace: string;
  receivingInstitutionId?: string | null;
  notes?: string | null;
}

export type ReturnMovementChanges = Partial<Omit<NewReturnMovement, 'consulateId'>>;

export interface NewEscort {
  name: string;
  role: string;
  officialId?: string | null;
  organisation?: string | null;
}

export interface NewHandover {
  caseId: string;
  personId: string;
  authorityId: string;
  officialName: string;
  officialTitle: string;
  handedOverAt: string;
}

export interface ReturnMovementFilters {
  status?: ReturnStatus;
  mode?: ReturnMode;
  cursor?: string;
  limit?: number;
}

export const MOVEMENT_COLUMNS = `
  SELECT m.id, m.country_code AS "countryCode", m.consulate_id AS "consulateId", m.mode, m.status,
         m.cancellation_reason AS "cancellationReason", m.planned_departure_at AS "plannedDepartureAt",
         m.planned_arrival_at AS "plannedArrivalAt", m.actual_departure_at AS "actualDepartureAt",
         m.actual_arrival_at AS "actualArrivalAt", m.from_country_code AS "fromCountryCode",
         m.from_place AS "fromPlace", m.to_subdivision_code AS "toSubdivisionCode", m.to_place AS "toPlace",
         m.receiving_institution_id AS "receivingInstitutionId", m.notes, m.created_by AS "createdBy",
         m.created_at AS "createdAt", m.updated_at AS "updatedAt", m.version`;

/** A person on a case of the movement, as the movement page lists them. */
export interface ReturnPersonView {
  id: string;
  name: string;
  returning: boolean;
  /** A child handed over at origin (a returning minor of a child's case). */
  handoverNeeded: boolean;
}

export interface ReturnCaseView extends ReturnCase {
  /** null when the caller may not read the case's content (restricted). */
  persons: ReturnPersonView[] | null;
  reintegrationReferrals: {
    id: string;
    organisationId: string;
    organisationName: string;
    status: string;
    createdAt: Date;
  }[];
}

export interface ReturnMovementView extends Omit<ReturnMovementDetail, 'cases'> {
  cases: ReturnCaseView[];
}
