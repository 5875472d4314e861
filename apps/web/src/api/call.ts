import { isProblem, type Problem } from './problem';

/** A failed API call: the API's problem details when it answered, none when it could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(problem ? (problem.detail ?? problem.title) : `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/**
 * The data of an openapi-fetch call, or an `ApiError` thrown with the problem the API answered.
 * For react-query: `queryFn: () => unwrap(api.GET('/api/v1/…'))`, so every screen fails the same way.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  throw new ApiError(response.status, isProblem(error) ? error : undefined);
}
