import { isProblem } from '../../api/problem';
import type { SummaryError } from '../error-summary';

type Outcome<T> = { data: T; error?: undefined } | { data?: undefined; error: SummaryError[] };

/**
 * Runs one API call of the sign-in flow and turns its failure into error-summary messages: the
 * API's own localized problem detail, or a network message when there was no answer. A problem
 * about one field (`fieldOf`: problem code to field id) links to that field and shows beside it.
 */
export async function callApi<T>(
  call: () => Promise<{ data?: T; error?: unknown }>,
  networkError: string,
  fieldOf: Record<string, string> = {},
): Promise<Outcome<T>> {
  try {
    const { data, error } = await call();
    if (data !== undefined) return { data };
    if (!isProblem(error)) return { error: [{ message: networkError }] };
    return { error: [{ fieldId: fieldOf[error.code], message: error.detail ?? error.title }] };
  } catch {
    return { error: [{ message: networkError }] };
  }
}
