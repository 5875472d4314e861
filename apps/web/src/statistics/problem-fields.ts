import { ApiError } from '../api/call';
import type { SummaryError } from '../shell/error-summary';

export interface FormProblems {
  /** For the error summary: the API's detail, then one linked entry per field. */
  summary: SummaryError[];
  /** The first message per field, by the API's field name (`from`, `filters.category`). */
  byField: Record<string, string>;
}

/**
 * A refused request as a form shows it: the problem's detail and its field errors, each linked to
 * its field when the form has one for it (`fieldIds`: API field name → element id).
 */
export function formProblemsOf(
  error: unknown,
  fieldIds: (field: string) => string | undefined,
): FormProblems | undefined {
  if (!(error instanceof ApiError) || !error.problem) return undefined;
  const byField: Record<string, string> = {};
  const fields: SummaryError[] = [];
  for (const { field, message } of error.problem.errors ?? []) {
    byField[field] ??= message;
    fields.push({ fieldId: fieldIds(field), message });
  }
  return { summary: [{ message: error.message }, ...fields], byField };
}

/** Client-side checks and API answers share one shape, so the form shows both the same way. */
export function localProblems(
  errors: Record<string, string>,
  fieldIds: (field: string) => string | undefined,
): FormProblems | undefined {
  const entries = Object.entries(errors);
  if (entries.length === 0) return undefined;
  return {
    summary: entries.map(([field, message]) => ({ fieldId: fieldIds(field), message })),
    byField: errors,
  };
}
