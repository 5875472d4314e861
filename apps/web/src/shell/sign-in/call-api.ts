import { isProblem } from '../../api/problem';
import type { SummaryError } from '../error-summary';

type Outcome<T> = { data: T; error?: undefined } | { data?: undefined; error: SummaryError[] };

/**
 * Runs one API call of the sign-in flow and turns its failure into error-summary messages: the
 * API's own localized problem detail, or a network message when there was no answer.
 */
export async function callApi<T>(
  call: () => Promise<{ data?: T; error?: unknown }>,
  networkError: string,
): Promise<Outcome<T>> {
  try {
    const { data, error } = await call();
    if (data !== undefined) return { data };
    return {
      error: [{ message: isProblem(error) ? (error.detail ?? error.title) : networkError }],
    };
  } catch {
    return { error: [{ message: networkError }] };
  }
}
