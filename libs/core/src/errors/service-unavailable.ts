import { DomainError } from './domain-error';

/** Seconds a client is asked to wait before retrying when a backing service is out. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// SQLSTATEs of a server that is unreachable, shutting down, starting or out of connections:
// class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect now),
// 53300 (too many connections).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres and its pool report a lost or never-made connection only in the message.
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|Reached the max retries per request limit|Stream isn't writeable)/;

// TypeORM releases a query runner by itself when its connection reports an error (the server
// shutting down or terminating the backend between two queries of a transaction); the next query
// then fails with one of these instead of the driver's error. This code releases runners only
// once it is done with them, so inside a request they mean the connection is gone.
const RELEASED_RUNNER = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/**
 * Whether a failure means a backing service (PostgreSQL, Redis) cannot be reached right now, as
 * opposed to a defect: such failures become 503 with Retry-After, never 401 or 500. Looks through
 * the wrappers TypeORM and others put around the driver's error.
 */
export function isServiceUnavailableError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { name, code, message, driverError, cause } = current as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))
    )
      return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    if (typeof name === 'string' && RELEASED_RUNNER.has(name)) return true;
    if (Array.isArray((current as { errors?: unknown }).errors))
      return (current as { errors: unknown[] }).errors.some(isServiceUnavailableError);
    current = driverError ?? cause;
  }
  return false;
}

export function serviceUnavailable(): DomainError {
  return new DomainError('SERVICE_UNAVAILABLE', 'unavailable', {
    retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
  });
}
