export type ConsolidationErrorCode =
  | 'TOO_FEW_EXPORTS'
  | 'SCHEMA_VERSION_MISMATCH'
  | 'INVALID_EXPORT'
  | 'NOT_REGIONAL'
  | 'MEASURES_MISMATCH'
  | 'DIMENSIONS_MISMATCH'
  | 'PERIOD_MISMATCH'
  | 'DISCLOSURE_MISMATCH'
  | 'FILTERS_MISMATCH'
  | 'SCOPE_MISMATCH'
  | 'OVERLAPPING_SCOPE'
  | 'ROW_OUTSIDE_SCOPE';

/**
 * Regional exports that cannot be joined into one table. The people who read it run the
 * consolidation across national deployments, so the message comes in English and in Spanish;
 * `message` holds both on one line.
 */
export class ConsolidationError extends Error {
  constructor(
    readonly code: ConsolidationErrorCode,
    readonly messages: { readonly en: string; readonly es: string },
  ) {
    super(`${messages.en} / ${messages.es}`);
    this.name = 'ConsolidationError';
  }
}
