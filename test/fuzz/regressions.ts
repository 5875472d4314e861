/**
 * Requests the fuzzer found failing, kept as they were found (seed and index in the name) so that
 * each fix stays fixed. `{cases}` and the like are filled with real ids of the fixture network.
 */
export interface Regression {
  name: string;
  operation: string;
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
    operation: 'caseActions_correct',
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
    operation: 'caseActions_add',
    caller: 'officer.MX',
    method: 'POST',
    path: '/api/v1/cases/{cases}/actions',
    body: action('12345678901.5'),
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'cost',
  },
  {
    name: 'a bare JSON value as a body (seed 1 #5) gets a documented problem code',
    operation: 'auth_login',
    caller: 'anonymous',
    method: 'POST',
    path: '/api/v1/auth/login',
    body: '"0000-00-00"',
    status: 400,
    code: 'BODY_NOT_AN_OBJECT',
  },
  {
    name: 'a body nested too deeply (seed 1 #40) gets a documented problem code',
    operation: 'officials_update',
    caller: 'admin.MX',
    method: 'PATCH',
    path: '/api/v1/officials/{officials}',
    body: `{"workEmail":${'['.repeat(20)}${']'.repeat(20)}}`,
    status: 400,
    code: 'BODY_TOO_DEEP',
  },
  {
    name: 'a list too long in a body (seed 1 #168) gets a documented problem code',
    operation: 'users_create',
    caller: 'admin.MX',
    method: 'POST',
    path: '/api/v1/users',
    body: `{"locale":[${Array(1001).fill('"es"').join(',')}]}`,
    status: 400,
    code: 'BODY_LIST_TOO_LONG',
  },
  {
    name: 'a NUL in a path parameter (seed 1 #202) gets a documented 400',
    operation: 'consulates_get',
    caller: 'analyst.MX',
    method: 'GET',
    path: '/api/v1/consulates/a%00b',
    status: 400,
    code: 'VALIDATION_FAILED',
    field: 'id',
  },
  {
    name: 'a path parameter that is not UTF-8 (seed 1 #250) gets a documented 400 of its own',
    operation: 'cases_get',
    caller: 'admin.GT',
    method: 'GET',
    path: '/api/v1/cases/%C3%28',
    status: 400,
    code: 'MALFORMED_PATH',
  },
  {
    name: 'a lone surrogate in a path parameter (seed 1 #44) gets a documented 400 of its own',
    operation: 'organisations_update',
    caller: 'admin.MX',
    method: 'PATCH',
    path: '/api/v1/organisations/%ED%A0%80',
    body: '{}',
    status: 400,
    code: 'MALFORMED_PATH',
  },
  {
    name: 'a sort named after an Object.prototype member (seed 777 #1039) is refused, not a 500',
    operation: 'officials_list',
    caller: 'system_admin.GT',
    method: 'GET',
    path: '/api/v1/officials?limit=1&sort=valueOf',
    status: 400,
    code: 'INVALID_SORT',
    field: 'sort',
  },
  {
    name: 'a descending sort on an Object.prototype member (seed 777 #4761) is refused, not a 500',
    operation: 'organisations_list',
    caller: 'admin.GT',
    method: 'GET',
    path: '/api/v1/organisations?sort=-constructor',
    status: 400,
    code: 'INVALID_SORT',
    field: 'sort',
  },
];
