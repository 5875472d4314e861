import type { TFunction } from 'i18next';
import { ApiError } from '../api/call';
import type { SummaryError } from '../shell/error-summary';

/**
 * A failed write as error-summary items: each of the API's field errors (`problem.errors`, dotted
 * paths such as `persons.0.person.sex`) linked to the form's field when the form has one, else the
 * problem's own detail; a connection message when the API never answered.
 */
export function submitErrors(
  error: unknown,
  fieldIdOf: (apiField: string) => string | undefined,
  t: TFunction,
): SummaryError[] {
  if (!(error instanceof ApiError))
    return [{ message: t('problem.network', { ns: 'translation' }) }];
  const fields = error.problem?.errors ?? [];
  if (fields.length === 0) return [{ message: error.message }];
  return fields.map((field) => ({ fieldId: fieldIdOf(field.field), message: field.message }));
}
