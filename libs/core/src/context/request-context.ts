import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  ip: string | undefined;
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
