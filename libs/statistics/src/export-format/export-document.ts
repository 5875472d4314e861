// The JSON form of a statistics export, schema version 1.0 (docs/statistics-export-format.md).
// These types mirror libs/statistics/schema/statistics-export.v1.schema.json; the schema is the
// contract that files from other deployments are checked against, these types are for our code.

export const EXPORT_SCHEMA_VERSION = '1.0';

/** The measures of docs/statistics-export-format.md (the same ids as the statistics model). */
export type StatisticsMeasureId =
  | 'cases_opened'
  | 'cases_closed'
  | 'cases_open_at_end'
  | 'actions'
  | 'persons_assisted'
  | 'median_days_to_closure'
  | 'referrals'
  | 'assistance_requests'
  | 'transfers'
  | 'notification_delay'
  | 'notification_delay_p90'
  | 'returns';

/** The dimensions of docs/statistics-export-format.md; the schema fixes each one's column. */
export type StatisticsDimensionId =
  | 'period'
  | 'sending_country'
  | 'consulate'
  | 'host_country'
  | 'host_subdivision'
  | 'category'
  | 'vulnerability'
  | 'sex'
  | 'age_group'
  | 'status'
  | 'closure_reason'
  | 'action_type'
  | 'crisis_event'
  | 'organisation_type'
  | 'referral_service'
  | 'receiving_country'
  | 'assistance_kind'
  | 'return_mode'
  | 'origin_subdivision'
  | 'nationality'
  | 'host_country_role'
  | 'temporary_worker'
  | 'gender';

export type StatisticsExportKind = 'statistics' | 'regional' | 'consolidated';
export type StatisticsExportPeriod = 'month' | 'quarter' | 'semester' | 'year';

export interface StatisticsExportLabel {
  es: string;
  en: string;
}

export interface StatisticsExportSoftware {
  name: string;
  version: string;
}

export interface StatisticsExportScope {
  /** ISO 3166-1 alpha-2 sending countries. */
  countries: string[];
  /** `<sending country>-<post code>`; present only when the scope is a list of posts. */
  consulates?: string[];
}

export interface StatisticsExportDisclosure {
  /** The rule as a sentence in English. */
  rule: string;
  method: string;
  k: number;
}

export interface StatisticsExportMeasure {
  id: StatisticsMeasureId;
  label: StatisticsExportLabel;
}

export interface StatisticsExportCode {
  code: string;
  label: StatisticsExportLabel;
}

export interface StatisticsExportDimension {
  id: StatisticsDimensionId;
  /** e.g. `CATEGORY` for `category`. */
  column: string;
  label: StatisticsExportLabel;
  codes: StatisticsExportCode[];
}

/** A regional export that went into a consolidated one. */
export interface StatisticsExportSource {
  exportId: string;
  countries: string[];
  generatedAt: string;
  software: StatisticsExportSoftware;
}

export interface StatisticsExportMetadata {
  /** A UUID; null only on a consolidated export, which no single deployment issued. */
  exportId: string | null;
  kind: StatisticsExportKind;
  /** ISO 8601 date-time. */
  generatedAt: string;
  software: StatisticsExportSoftware;
  scope: StatisticsExportScope;
  period: StatisticsExportPeriod;
  /** ISO 8601 date (YYYY-MM-DD), inclusive. */
  from: string;
  /** ISO 8601 date (YYYY-MM-DD), inclusive. */
  to: string;
  /** Dimension id to the codes the table was restricted to. */
  filters: Partial<Record<string, string[]>>;
  disclosure: StatisticsExportDisclosure;
  measures: StatisticsExportMeasure[];
  dimensions: StatisticsExportDimension[];
  /** Consolidated exports only. */
  sources?: StatisticsExportSource[];
}

/** F published, C suppressed (never says whether primary or secondary). */
export type StatisticsConfStatus = 'F' | 'C';

/**
 * One observation. Besides the named columns, a row has one column per dimension of the export
 * (e.g. `CATEGORY: 'trafficking'`, `SEX: '_T'`). The schema ties CONF_STATUS to OBS_VALUE:
 * C has a null value, F a number.
 */
export interface StatisticsExportRow {
  MEASURE: StatisticsMeasureId;
  /** Sending country of the slice; on every row of a regional or consolidated export only. */
  REF_AREA?: string;
  OBS_VALUE: number | null;
  CONF_STATUS: StatisticsConfStatus;
  [column: string]: string | number | null | undefined;
}

export interface StatisticsExportDocument {
  schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  metadata: StatisticsExportMetadata;
  rows: StatisticsExportRow[];
}
