import { Localized } from '@amparo/core';

/** The durable solutions a best-interest assessment may recommend for a child. */
export const DURABLE_SOLUTIONS = [
  'return_to_family_in_origin',
  'family_reunification_in_host_country',
  'local_integration',
  'third_country_resettlement',
  'alternative_care_in_origin',
  'other',
] as const;
export type DurableSolution = (typeof DURABLE_SOLUTIONS)[number];

export const DURABLE_SOLUTION_LABELS: Record<DurableSolution, Localized> = {
  return_to_family_in_origin: {
    es: 'Retorno con la familia en el país de origen',
    en: 'Return to family in the country of origin',
  },
  family_reunification_in_host_country: {
    es: 'Reunificación familiar en el país de acogida',
    en: 'Family reunification in the host country',
  },
  local_integration: { es: 'Integración local', en: 'Local integration' },
  third_country_resettlement: {
    es: 'Reasentamiento en un tercer país',
    en: 'Resettlement in a third country',
  },
  alternative_care_in_origin: {
    es: 'Cuidado alternativo en el país de origen',
    en: 'Alternative care in the country of origin',
  },
  other: { es: 'Otra', en: 'Other' },
};

/** A best-interest assessment of a child on a case: append-only, corrected by new records. */
export interface BestInterestAssessment {
  id: string;
  caseId: string;
  /** The child assessed. */
  personId: string;
  /** The user who assessed, when the assessor is a user of the registry. */
  assessedBy: string | null;
  /** An external professional who assessed (a child-protection authority's psychologist…). */
  assessorName: string | null;
  assessorRole: string | null;
  assessedAt: Date;
  findings: string;
  recommendedSolution: DurableSolution;
  correctsAssessmentId: string | null;
  /** Set when a later record corrects this one. */
  correctedByAssessmentId: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export interface NewBestInterestAssessment {
  personId: string;
  assessedAt: string;
  /** Given when an external professional assessed; otherwise the recording user did. */
  assessorName?: string | null;
  assessorRole?: string | null;
  findings: string;
  recommendedSolution: DurableSolution;
  correctsAssessmentId?: string | null;
}

export const ASSESSMENT_COLUMNS = `
  b.id, b.case_id AS "caseId", b.person_id AS "personId", b.assessed_by AS "assessedBy",
  b.assessor_name AS "assessorName", b.assessor_role AS "assessorRole", b.assessed_at AS "assessedAt",
  b.findings, b.recommended_solution AS "recommendedSolution",
  b.corrects_assessment_id AS "correctsAssessmentId",
  (SELECT n.id FROM best_interest_assessments n WHERE n.corrects_assessment_id = b.id
    ORDER BY n.recorded_at DESC LIMIT 1) AS "correctedByAssessmentId",
  b.recorded_by AS "recordedBy", b.recorded_at AS "recordedAt"`;
