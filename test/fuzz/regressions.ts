/**
 * Requests the fuzzer found failing, kept as they were found (seed and index in the name) so that
 * each fix stays fixed. `{cases}` and the like are filled with real ids of the fixture network.
 */
export interface Regression {
  name: string;
  caller: string;
  method: string;
  path: string;
  body?: string;
  /** The status and problem code the request must get (and a field it must name). */
  status: number;
  code: string;
  field?: string;
}

const action = (cost: string) =>
  `{"type":"consular_visit","occurredAt":"2026-01-05T10:00:00Z","cost":${cost},"currency":"USD"}`;

export const REGRESSIONS: Regression[] = [
  {
    name: 'a cost in exponent form (seed 1 #255) is refused, not a 500',
    caller: 'officer.MX',
    method: 'POST',
    path: '/api/v1/cases/{cases}/actions/{actions}/corrections',
    body: action('9e-323'),
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'cost',
  },
  {
    name: 'a cost beyond numeric(12,2) is refused, not a 500',
    caller: 'officer.MX',
    method: 'POST',
    path: '/api/v1/cases/{cases}/actions',
    body: action('12345678901.5'),
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'cost',
  },
];
