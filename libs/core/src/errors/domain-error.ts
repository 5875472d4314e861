import { Localized } from '../i18n/locale';
import { ErrorKind } from './error-kind';

export interface FieldError {
  field: string;
  code: string;
  message: Localized;
}

export interface DomainErrorDetails {
  /** Values for `{placeholders}` in the localized detail. Never personal data. */
  params?: Record<string, string | number>;
  fieldErrors?: FieldError[];
  /** When trying again may succeed, in whole seconds; the API answers it as Retry-After. */
  retryAfterSeconds?: number;
  /**
   * A refusal the audit trail must keep (a disclosure the consent rules refused): the API records
   * it, as denied, once the request's work has rolled back. Ids and codes only, never personal data.
   */
  refusal?: RefusalAudit;
}

export interface RefusalAudit {
  action: string;
  resourceType: string;
  resourceId?: string;
  consulateId?: string | null;
  countryCode?: string | null;
  details?: Record<string, unknown>;
}

/**
 * A failure the caller can act on, with a stable code (`CASE_NOT_FOUND`) whose localized title and
 * detail live in the message catalog.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly details: DomainErrorDetails = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** A 400 naming one field, why (a stable code) and what to do, in Spanish and English. */
export const invalidField = (field: string, code: string, es: string, en: string) =>
  new DomainError('VALIDATION_FAILED', 'invalid', {
    fieldErrors: [{ field, code, message: { es, en } }],
  });
