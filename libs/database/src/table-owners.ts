/** The bounded contexts (and infrastructure) that may own tables. */
export type TableOwner =
  | 'identity'
  | 'audit'
  | 'directory'
  | 'cases'
  | 'practices'
  | 'referrals'
  | 'crisis'
  | 'returns'
  | 'statistics'
  | 'database'
  | 'jobs';

/**
 * Which context owns each table (and sequence) the migrations create. Only the owner names a table
 * in SQL; another context reaches the data through the owner's exported service, or through a
 * read-only view the owner publishes (PUBLISHED_VIEWS).
 */
export const TABLE_OWNERS: Record<string, TableOwner> = {
  users: 'identity',
  role_grants: 'identity',
  activation_tokens: 'identity',
  refresh_tokens: 'identity',
  login_throttles: 'identity',
  mfa_recovery_codes: 'identity',
  mfa_resets: 'identity',
  mfa_replacements: 'identity',

  audit_events: 'audit',
  audit_events_seq: 'audit',
  audit_seals: 'audit',

  // consulates is created by the identity migration (grants reference it) but belongs to the directory.
  consulates: 'directory',
  countries: 'directory',
  subdivisions: 'directory',
  officials: 'directory',
  organisations: 'directory',

  persons: 'cases',
  person_documents: 'cases',
  case_reference_counters: 'cases',
  cases: 'cases',
  case_persons: 'cases',
  consular_actions: 'cases',
  case_history: 'cases',
  case_access_requests: 'cases',
  case_consents: 'cases',
  consent_overrides: 'cases',
  case_detentions: 'cases',
  best_interest_assessments: 'cases',

  organisation_referrals: 'referrals',
  case_transfers: 'cases',
  case_references: 'cases',
  assistance_requests: 'referrals',
  assistance_reports: 'referrals',

  crisis_events: 'crisis',
  crisis_roster_entries: 'crisis',
  crisis_welfare_changes: 'crisis',
  crisis_enquiries: 'crisis',
  crisis_movements: 'crisis',
  crisis_movement_passengers: 'crisis',
  crisis_imports: 'crisis',
  crisis_import_rows: 'crisis',
  return_movements: 'returns',
  return_movement_escorts: 'returns',
  return_movement_cases: 'returns',
  return_handovers: 'returns',
  good_practices: 'practices',
  good_practice_documents: 'practices',

  statistics_exports: 'statistics',
  regional_keys: 'statistics',
  regional_exports: 'statistics',
  regional_reports: 'statistics',
  regional_report_files: 'statistics',

  idempotency_keys: 'database',
  schema_migrations: 'database',

  system_pings: 'jobs',
};

/** A read-only view an owner publishes for named other contexts (statistics reads, never writes). */
export interface PublishedView {
  owner: TableOwner;
  readers: readonly TableOwner[];
}

/** Views created by migrations, by name: their owner and the contexts allowed to read them. */
export const PUBLISHED_VIEWS: Record<string, PublishedView> = {
  cases_for_statistics: { owner: 'cases', readers: ['statistics'] },
  case_persons_for_statistics: { owner: 'cases', readers: ['statistics'] },
  persons_for_statistics: { owner: 'cases', readers: ['statistics'] },
  consular_actions_for_statistics: { owner: 'cases', readers: ['statistics'] },
  consulates_for_statistics: { owner: 'directory', readers: ['statistics'] },
  countries_for_statistics: { owner: 'directory', readers: ['statistics'] },
  subdivisions_for_statistics: { owner: 'directory', readers: ['statistics'] },
  organisations_for_statistics: { owner: 'directory', readers: ['statistics'] },
  case_transfers_for_statistics: { owner: 'cases', readers: ['statistics'] },
  case_detentions_for_statistics: { owner: 'cases', readers: ['statistics'] },
  organisation_referrals_for_statistics: { owner: 'referrals', readers: ['statistics'] },
  assistance_requests_for_statistics: { owner: 'referrals', readers: ['statistics'] },
  crisis_events_for_statistics: { owner: 'crisis', readers: ['statistics'] },
  return_persons_for_statistics: { owner: 'returns', readers: ['statistics'] },
};
