/** RFC 9457 problem details, as every Amparo error response carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: { field: string; code: string; message: string }[];
  /** How many field errors were left out of `errors` to keep the answer short. */
  moreErrors?: number;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `urn:amparo:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
