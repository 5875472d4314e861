/** The lib whose code may name a table in SQL: a context, or database for infrastructure tables. */
export type TableOwner =
  'identity' | 'audit' | 'directory' | 'cases' | 'statistics' | 'jobs' | 'database';

/**
 * Every table (and view) the migrations create, with the one lib that owns it. Other libs reach its
 * data through the owner's exported services (or a read-only view the owner publishes).
 */
export const TABLE_OWNERS: Readonly<Record<string, TableOwner>> = {
  users: 'identity',
  role_grants: 'identity',
  activation_tokens: 'identity',
  refresh_tokens: 'identity',
  login_throttles: 'identity',
  mfa_recovery_codes: 'identity',
  mfa_replacements: 'identity',
  mfa_resets: 'identity',
  audit_events: 'audit',
  audit_seals: 'audit',
  countries: 'directory',
  subdivisions: 'directory',
  consulates: 'directory',
  officials: 'directory',
  organisations: 'directory',
  cases: 'cases',
  case_reference_counters: 'cases',
  persons: 'cases',
  person_documents: 'cases',
  case_persons: 'cases',
  consular_actions: 'cases',
  case_history: 'cases',
  case_access_requests: 'cases',
  statistics_exports: 'statistics',
  system_pings: 'jobs',
  idempotency_keys: 'database',
};
