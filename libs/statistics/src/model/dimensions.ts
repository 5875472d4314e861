import {
  ACTION_TYPE_LABELS,
  AGE_GROUP_LABELS,
  ASSISTANCE_KIND_LABELS,
  Bilingual,
  CATEGORY_LABELS,
  CLOSURE_REASON_LABELS,
  GENDER_LABELS,
  HOST_COUNTRY_ROLE_LABELS,
  ORGANISATION_TYPE_LABELS,
  REFERRAL_SERVICE_LABELS,
  SEX_LABELS,
  STATUS_LABELS,
  RETURN_MODE_LABELS,
  TEMPORARY_WORKER_LABELS,
  VULNERABILITY_LABELS,
} from './code-labels';

/**
 * What one row of a measure's source stands for: a case, a consular action on a case, a person
 * linked to a case, a referral of a case to an organisation, an assistance request a case sent to
 * another country, or a transfer of a case between posts. Every source has the case as `c` (for an
 * assistance request, the requesting case), its consulate as `co` and a person as `p` (the case's
 * primary person, or the linked person for `person`); `action` adds the action as `a`, `referral`
 * the referral as `r` and its organisation as `o`, `assistance_request` the request as `ar`,
 * `transfer` the transfer as `t`, `detention` the detention as `dt` (its person as `p`), `return` the
 * person returned on a completed movement as `rp` (and that person as `p`).
 */
export type FactSource =
  | 'case'
  | 'action'
  | 'person'
  | 'referral'
  | 'assistance_request'
  | 'transfer'
  | 'detention'
  | 'return';

export const DIMENSION_IDS = [
  'period',
  'sending_country',
  'consulate',
  'host_country',
  'host_subdivision',
  'category',
  'vulnerability',
  'sex',
  'age_group',
  'status',
  'closure_reason',
  'action_type',
  'crisis_event',
  'organisation_type',
  'referral_service',
  'receiving_country',
  'assistance_kind',
  'return_mode',
  'origin_subdivision',
  'nationality',
  'host_country_role',
  'temporary_worker',
  'gender',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

/** Codes whose labels are read from the directory rather than from a fixed list. */
export type DirectoryCodeList = 'country' | 'consulate' | 'subdivision' | 'crisis_event' | 'period';

export interface Dimension {
  readonly id: DimensionId;
  /** The column in exports (SDMX-like). */
  readonly column: string;
  readonly label: Bilingual;
  /** SQL for the row's code; `period` is built from the measure's date instead. */
  readonly sql: string;
  /** Where a source knows more than the others (see `dimensionSql`): its own SQL for the code. */
  readonly sqlBySource?: Readonly<Partial<Record<FactSource, string>>>;
  /** A fixed code list (every code appears in tables, zeros included), or where labels live. */
  readonly codes: Readonly<Record<string, Bilingual>> | DirectoryCodeList;
  /** Needs the `ag` lateral join that computes the person's age at the case's opening. */
  readonly needsAge?: boolean;
  /** Reads the person `p` (see `PERSON_OF` for which person a source's row stands for). */
  readonly needsPerson?: boolean;
  /** Only meaningful for these sources. */
  readonly sources?: readonly FactSource[];
}

const AGE_GROUP_SQL = `CASE WHEN ag.years IS NULL THEN '_U'
  WHEN ag.years < 12 THEN 'Y0T11' WHEN ag.years < 18 THEN 'Y12T17'
  WHEN ag.years < 30 THEN 'Y18T29' WHEN ag.years < 60 THEN 'Y30T59' ELSE 'Y_GE60' END`;

export const DIMENSIONS: Readonly<Record<DimensionId, Dimension>> = {
  period: {
    id: 'period',
    column: 'TIME_PERIOD',
    label: { es: 'Período', en: 'Period' },
    sql: '',
    codes: 'period',
  },
  sending_country: {
    id: 'sending_country',
    column: 'SENDING_COUNTRY',
    label: { es: 'País de origen', en: 'Sending country' },
    sql: 'c.country_code::text',
    codes: 'country',
  },
  consulate: {
    id: 'consulate',
    column: 'CONSULATE',
    label: { es: 'Consulado', en: 'Consulate' },
    sql: `co.sending_country_code || '-' || co.post_code`,
    codes: 'consulate',
  },
  host_country: {
    id: 'host_country',
    column: 'HOST_COUNTRY',
    label: { es: 'País receptor', en: 'Host country' },
    sql: 'co.host_country_code::text',
    codes: 'country',
  },
  host_subdivision: {
    id: 'host_subdivision',
    column: 'HOST_SUBDIVISION',
    label: { es: 'Subdivisión del país receptor', en: 'Host subdivision' },
    sql: `COALESCE(c.event_subdivision_code, '_U')`,
    codes: 'subdivision',
  },
  category: {
    id: 'category',
    column: 'CATEGORY',
    label: { es: 'Categoría', en: 'Category' },
    sql: 'c.primary_category',
    codes: CATEGORY_LABELS,
  },
  vulnerability: {
    id: 'vulnerability',
    column: 'VULNERABILITY',
    label: { es: 'Condición de vulnerabilidad', en: 'Vulnerability flag' },
    // A case with several flags counts once, under `multiple`, so that every total adds up.
    sql: `CASE cardinality(c.vulnerability_flags) WHEN 0 THEN 'none'
      WHEN 1 THEN c.vulnerability_flags[1] ELSE 'multiple' END`,
    codes: VULNERABILITY_LABELS,
  },
  sex: {
    id: 'sex',
    column: 'SEX',
    label: { es: 'Sexo', en: 'Sex' },
    sql: `CASE p.sex WHEN 'female' THEN 'F' WHEN 'male' THEN 'M' WHEN 'intersex' THEN '_O' ELSE '_U' END`,
    codes: SEX_LABELS,
    needsPerson: true,
  },
  age_group: {
    id: 'age_group',
    column: 'AGE_GROUP',
    label: { es: 'Grupo de edad', en: 'Age group' },
    sql: AGE_GROUP_SQL,
    codes: AGE_GROUP_LABELS,
    needsAge: true,
    needsPerson: true,
  },
  status: {
    id: 'status',
    column: 'STATUS',
    label: { es: 'Estado del caso', en: 'Case status' },
    sql: 'c.status',
    codes: STATUS_LABELS,
  },
  closure_reason: {
    id: 'closure_reason',
    column: 'CLOSURE_REASON',
    label: { es: 'Motivo de cierre', en: 'Closure reason' },
    sql: `COALESCE(c.closure_reason, '_Z')`,
    codes: CLOSURE_REASON_LABELS,
  },
  action_type: {
    id: 'action_type',
    column: 'ACTION_TYPE',
    label: { es: 'Tipo de actuación', en: 'Action type' },
    sql: 'a.type',
    codes: ACTION_TYPE_LABELS,
    sources: ['action'],
  },
  crisis_event: {
    id: 'crisis_event',
    column: 'CRISIS_EVENT',
    label: { es: 'Evento de crisis', en: 'Crisis event' },
    sql: `COALESCE(c.crisis_event_id::text, '_Z')`,
    codes: 'crisis_event',
  },
  organisation_type: {
    id: 'organisation_type',
    column: 'ORGANISATION_TYPE',
    label: { es: 'Tipo de organización', en: 'Organisation type' },
    sql: 'o.type',
    codes: ORGANISATION_TYPE_LABELS,
    sources: ['referral'],
  },
  referral_service: {
    id: 'referral_service',
    column: 'REFERRAL_SERVICE',
    label: { es: 'Servicio solicitado', en: 'Service requested' },
    // A referral asking for several services counts once, under `multiple`, so every total adds up.
    sql: `CASE cardinality(r.services) WHEN 1 THEN r.services[1] ELSE 'multiple' END`,
    codes: REFERRAL_SERVICE_LABELS,
    sources: ['referral'],
  },
  receiving_country: {
    id: 'receiving_country',
    column: 'RECEIVING_COUNTRY',
    label: { es: 'País que recibe la solicitud', en: 'Receiving country' },
    sql: 'ar.receiving_country_code::text',
    codes: 'country',
    sources: ['assistance_request'],
  },
  assistance_kind: {
    id: 'assistance_kind',
    column: 'ASSISTANCE_KIND',
    label: { es: 'Tipo de solicitud', en: 'Request kind' },
    sql: 'ar.kind',
    codes: ASSISTANCE_KIND_LABELS,
    sources: ['assistance_request'],
  },
  return_mode: {
    id: 'return_mode',
    column: 'RETURN_MODE',
    label: { es: 'Medio del retorno', en: 'Return mode' },
    sql: 'rp.mode',
    codes: RETURN_MODE_LABELS,
    sources: ['return'],
  },
  origin_subdivision: {
    id: 'origin_subdivision',
    column: 'ORIGIN_SUBDIVISION',
    label: { es: 'Subdivisión de origen', en: 'Origin subdivision' },
    // First administrative level of the person's recorded place of origin.
    sql: `COALESCE(p.origin_subdivision_code, '_U')`,
    // A returned person without a recorded origin: where the movement took them.
    sqlBySource: { return: `COALESCE(p.origin_subdivision_code, rp.to_subdivision_code, '_U')` },
    codes: 'subdivision',
    needsPerson: true,
  },
  nationality: {
    id: 'nationality',
    column: 'NATIONALITY',
    label: { es: 'Nacionalidad', en: 'Nationality' },
    sql: 'p.nationality_code::text',
    codes: 'country',
    needsPerson: true,
  },
  host_country_role: {
    id: 'host_country_role',
    column: 'HOST_COUNTRY_ROLE',
    label: { es: 'Papel del país receptor', en: 'Role of the host country' },
    sql: `COALESCE(c.host_country_role, '_U')`,
    codes: HOST_COUNTRY_ROLE_LABELS,
  },
  temporary_worker: {
    id: 'temporary_worker',
    column: 'TEMPORARY_WORKER',
    label: { es: 'Programa de trabajo temporal', en: 'Temporary-worker programme' },
    sql: `CASE WHEN c.temporary_worker THEN 'Y' ELSE 'N' END`,
    codes: TEMPORARY_WORKER_LABELS,
  },
  gender: {
    id: 'gender',
    column: 'GENDER',
    label: { es: 'Género', en: 'Gender' },
    sql: `COALESCE(p.gender, '_U')`,
    codes: GENDER_LABELS,
    needsPerson: true,
  },
};

/** The SQL for a dimension's code in the rows of a source. */
export function dimensionSql(dimension: Dimension, source: FactSource): string {
  return dimension.sqlBySource?.[source] ?? dimension.sql;
}

/** Age in whole years at the case's opening, from the birth date or the dated estimate. */
export const AGE_LATERAL_JOIN = `CROSS JOIN LATERAL (SELECT CASE
    WHEN p.date_of_birth IS NOT NULL THEN extract(year FROM age(c.opened_at::date, p.date_of_birth))
    WHEN p.estimated_age IS NOT NULL THEN p.estimated_age
      + COALESCE(extract(year FROM age(c.opened_at::date, p.estimated_age_on)), 0)
  END AS years) ag`;

export function isDimensionId(value: string): value is DimensionId {
  return (DIMENSION_IDS as readonly string[]).includes(value);
}
