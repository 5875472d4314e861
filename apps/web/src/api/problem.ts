import type { components } from './schema';

/** An RFC 9457 answer of the API, as the document declares it. */
export type Problem = components['schemas']['Problem'];

/** Whether an openapi-fetch `error` is the API's problem details (it may be a network failure). */
export function isProblem(error: unknown): error is Problem {
  return typeof error === 'object' && error !== null && 'code' in error && 'status' in error;
}
