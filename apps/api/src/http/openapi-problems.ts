import { ERROR_KIND_STATUS, ErrorKind } from '@amparo/core';
import { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { JSON_BODY_ERROR_CODES } from './json-body';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { RouteFacts } from './openapi-routes';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
type Responses = Operation['responses'];
type Parameter = { in: string; name: string };

export const PROBLEM_SCHEMA_NAME = 'Problem';

/** RFC 9457 problem details as `ProblemDetailsFilter` writes them. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description:
    'RFC 9457 problem details. `code` is stable (switch on it); `title` and `detail` are in the language of Accept-Language (es by default, en).',
  required: ['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'urn:amparo:problem:case-not-found' },
    title: { type: 'string', example: 'Caso no encontrado' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: {
      type: 'string',
      description: 'The path of the request',
      example: '/api/v1/cases/…',
    },
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', example: 'CASE_NOT_FOUND' },
    requestId: {
      type: 'string',
      description: 'Also in the X-Request-Id header and the server log',
    },
    errors: {
      type: 'array',
      description: 'The fields that failed validation (with VALIDATION_FAILED and a few others)',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: {
          field: { type: 'string', description: 'Dotted path, e.g. persons.0.person.sex' },
          code: { type: 'string', example: 'isIn' },
          message: { type: 'string' },
        },
      },
    },
  },
};

export const INTERNAL_ERROR_RESPONSE_NAME = 'InternalError';

export const INTERNAL_ERROR_RESPONSE = {
  description: 'Unexpected failure (INTERNAL_ERROR); the body names only the request id',
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema(['INTERNAL_ERROR']) } },
};

const RETRY_AFTER = {
  description: 'Seconds to wait before trying again',
  schema: { type: 'integer', minimum: 0 },
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in, or the token is invalid or expired',
  403: 'Not allowed',
  404: 'Not found, or outside your scope',
  409: 'Conflicts with the current state',
  410: 'No longer available',
  412: 'The If-Match version is not the current one',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Understood but cannot be processed',
  428: 'If-Match required',
  429: 'Too many requests',
  503: 'Temporarily unavailable',
};

/**
 * The problem codes of an operation: those every route of its kind shares, derived from the
 * operation (body, query, If-Match) and its access declaration, plus what the route declares.
 */
export function problemCodesOf(operation: Operation, facts: RouteFacts): Map<ErrorKind, string[]> {
  const codes = new Map<ErrorKind, Set<string>>();
  const add = (kind: ErrorKind, ...list: readonly string[]) => {
    const set = codes.get(kind) ?? new Set<string>();
    list.forEach((code) => set.add(code));
    codes.set(kind, set);
  };
  const parameters = (operation.parameters ?? []) as Parameter[];
  const query = parameters.filter((p) => p.in === 'query').map((p) => p.name);
  if (operation.requestBody) {
    add('invalid', 'VALIDATION_FAILED', ...JSON_BODY_ERROR_CODES);
    add('payload_too_large', 'PAYLOAD_TOO_LARGE');
    add('unsupported_media_type', 'UNSUPPORTED_MEDIA_TYPE');
  }
  if (query.length) add('invalid', 'VALIDATION_FAILED');
  // NUL or a lone surrogate in a parameter is VALIDATION_FAILED; undecodable bytes MALFORMED_PATH.
  if (parameters.some((p) => p.in === 'path'))
    add('invalid', 'VALIDATION_FAILED', 'MALFORMED_PATH');
  if (query.includes('cursor')) add('invalid', 'INVALID_CURSOR');
  if (query.includes('sort')) add('invalid', 'INVALID_SORT');
  if (facts.access?.kind !== 'public') add('unauthenticated', 'UNAUTHENTICATED');
  if (facts.access?.kind === 'authenticated' && facts.access.acceptsEnrolmentChallenge)
    add('unauthenticated', 'INVALID_CHALLENGE');
  if (facts.access?.kind !== 'public' && facts.access?.kind !== 'authenticated')
    add('forbidden', 'FORBIDDEN');
  if (parameters.some((p) => p.in === 'header' && p.name === 'If-Match')) {
    add('precondition_required', 'PRECONDITION_REQUIRED');
    add('precondition_failed', 'VERSION_CONFLICT');
  }
  if (facts.idempotent) {
    add('invalid', 'INVALID_IDEMPOTENCY_KEY');
    add('conflict', 'IDEMPOTENCY_IN_PROGRESS');
    add('unprocessable', 'IDEMPOTENCY_KEY_REUSED');
  }
  // Every route but the liveness probe reads the database (the caller, at least): an outage of it,
  // or of Redis where a job is queued, is a 503 with Retry-After.
  if (operation.operationId !== 'health_live' && operation.operationId !== 'health_ready')
    add('unavailable', 'SERVICE_UNAVAILABLE');
  for (const [kind, list] of Object.entries(facts.problems)) add(kind as ErrorKind, ...list);
  return new Map([...codes].map(([kind, set]) => [kind, [...set].sort()]));
}

/** Adds the operation's problem responses (keeping the description a route gave one). */
export function addProblemResponses(operation: Operation, facts: RouteFacts): void {
  const responses: Responses = operation.responses;
  const byStatus = new Map<number, string[]>();
  for (const [kind, codes] of problemCodesOf(operation, facts)) {
    const status = ERROR_KIND_STATUS[kind];
    byStatus.set(status, [...(byStatus.get(status) ?? []), ...codes].sort());
  }
  for (const [status, codes] of byStatus) {
    const declared = responses[status] as { description?: string } | undefined;
    const retry = status === 429 || status === 503 || codes.includes('IDEMPOTENCY_IN_PROGRESS');
    responses[status] = {
      description: `${declared?.description ?? STATUS_TEXT[status] ?? 'Refused'} (${codes.join(', ')})`,
      ...(retry
        ? {
            headers: {
              'Retry-After': { ...RETRY_AFTER, required: status === 429 || status === 503 },
            },
          }
        : {}),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema(codes) } },
    };
  }
  responses['500'] = { $ref: `#/components/responses/${INTERNAL_ERROR_RESPONSE_NAME}` };
}

function problemSchema(codes: readonly string[]): SchemaObject {
  return {
    allOf: [
      { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` },
      { properties: { code: { enum: [...codes] } } },
    ],
  };
}
