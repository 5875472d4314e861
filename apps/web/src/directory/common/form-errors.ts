import { ApiError } from '../../api/call';
import type { SummaryError } from '../../shell/error-summary';

/**
 * The error-summary entries of a failed submit: each of the API's field errors linked to the
 * form's field (`fieldId` maps the API's dotted path, such as `grants.0.consulateId`, to an element
 * id, or gives none for a field the form does not show), else the problem's detail; a connection
 * message when the API never answered.
 */
export function problemErrors(
  error: unknown,
  fieldId: (apiField: string) => string | undefined,
  networkMessage: string,
): SummaryError[] {
  if (!(error instanceof ApiError)) return [{ message: networkMessage }];
  const fieldErrors = error.problem?.errors ?? [];
  if (fieldErrors.length === 0) return [{ message: error.message }];
  return fieldErrors.map((fieldError) => ({
    fieldId: fieldId(fieldError.field),
    message: fieldError.message,
  }));
}

/**
 * A `fieldId` for `problemErrors` over a form whose element ids are `<prefix>-<path with dots as
 * hyphens>`; an error about one item of a list (`topics.2`) lands on the list's field.
 */
export function fieldIds(prefix: string, fields: readonly string[]) {
  const known = new Set(fields);
  return (apiField: string): string | undefined => {
    const parts = apiField.split('.');
    while (parts.length > 0) {
      const path = parts.join('.');
      if (known.has(path)) return `${prefix}-${path.replaceAll('.', '-')}`;
      parts.pop();
    }
    return undefined;
  };
}
