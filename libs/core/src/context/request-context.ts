import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  ip: string | undefined;
  /** Set when the caller came from the API's cache: see `CallerCheck`. */
  callerCheck?: CallerCheck;
}

/**
 * A caller the API took from its cache, still to be checked against the database: before the
 * request's first statement runs, or with it, in the BEGIN of its first walled transaction
 * (`@amparo/database`'s caller-check.ts), and in any case before its answer is sent.
 */
export interface CallerCheck {
  /** SQL without parameters that fails with SQLSTATE `AM401` when the caller has changed. */
  readonly sql: string;
  /** `checking`: sent, its answer awaited (by `checking`, carried by `carrier` when set). */
  state: 'pending' | 'checking' | 'current' | 'stale';
  checking?: Promise<void>;
  carrier?: object;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The request id and client IP of the HTTP request being served, for audit events and logs. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs the serving of one request (and everything it awaits) within its context. */
export function runInRequestContext(context: RequestContext, serve: () => void): void {
  storage.run(context, serve);
}
