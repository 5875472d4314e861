import { HttpException, HttpStatus } from '@nestjs/common';
import {
  DomainError,
  ErrorKind,
  isServiceUnavailableError,
  serviceUnavailable,
} from '@amparo/core';

const STATUS_CODES: Partial<Record<number, { code: string; kind: ErrorKind }>> = {
  [HttpStatus.NOT_FOUND]: { code: 'ROUTE_NOT_FOUND', kind: 'not_found' },
  [HttpStatus.UNAUTHORIZED]: { code: 'UNAUTHENTICATED', kind: 'unauthenticated' },
  [HttpStatus.FORBIDDEN]: { code: 'FORBIDDEN', kind: 'forbidden' },
  [HttpStatus.PAYLOAD_TOO_LARGE]: { code: 'PAYLOAD_TOO_LARGE', kind: 'payload_too_large' },
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    kind: 'unsupported_media_type',
  },
  [HttpStatus.TOO_MANY_REQUESTS]: { code: 'TOO_MANY_REQUESTS', kind: 'too_many_requests' },
};

interface BodyParserError {
  type: string;
  status: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).type === 'string' &&
    typeof (error as BodyParserError).status === 'number'
  );
}

/**
 * Turns what reached the filter into a DomainError; `undefined` means an unexpected failure (500)
 * whose details must stay in the server log.
 */
export function toDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (isServiceUnavailableError(error)) return serviceUnavailable();
  if (isBodyParserError(error)) return fromBodyParser(error);
  if (isUndecodablePath(error)) return new DomainError('MALFORMED_PATH', 'invalid');
  if (error instanceof HttpException) {
    const cause = error.cause ?? (error.getResponse() as object);
    if (isBodyParserError(cause)) return fromBodyParser(cause);
    const status = error.getStatus();
    if (status === HttpStatus.SERVICE_UNAVAILABLE) return serviceUnavailable();
    if (status >= 500) return undefined;
    const known = STATUS_CODES[status];
    if (known) return new DomainError(known.code, known.kind);
    if (status === HttpStatus.BAD_REQUEST && /JSON/i.test(error.message)) {
      return new DomainError('MALFORMED_BODY', 'invalid');
    }
    return new DomainError('HTTP_ERROR', kindOfStatus(status));
  }
  return undefined;
}

/**
 * The router refuses a path parameter it cannot percent-decode (%C3%28, %ED%A0%80) with a URIError,
 * which Nest turns into a BadRequestException carrying only the router's message.
 */
function isUndecodablePath(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message;
  return (
    typeof message === 'string' &&
    message.startsWith('Failed to decode param') &&
    (error instanceof HttpException
      ? error.getStatus() === HttpStatus.BAD_REQUEST
      : (error as { name?: unknown }).name === 'URIError')
  );
}

function fromBodyParser(error: BodyParserError): DomainError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new DomainError('PAYLOAD_TOO_LARGE', 'payload_too_large', {
        params: { limit: `${error.limit ?? '?'} bytes` },
      });
    case 'entity.parse.failed':
      return new DomainError('MALFORMED_BODY', 'invalid');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type');
    default:
      return error.status < 500
        ? new DomainError('HTTP_ERROR', kindOfStatus(error.status))
        : undefined;
  }
}

function kindOfStatus(status: number): ErrorKind {
  return status === 409 ? 'conflict' : status === 422 ? 'unprocessable' : 'invalid';
}
