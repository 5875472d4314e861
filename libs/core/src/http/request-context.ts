import { AsyncLocalStorage } from 'node:async_hooks';
import { IncomingMessage, ServerResponse } from 'node:http';
import { assignRequestId } from './request-id';

export interface RequestContext {
  requestId: string;
  ip: string | undefined;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The request id and client IP of the HTTP request being served, for audit events and logs. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

type ExpressLikeRequest = IncomingMessage & { id?: unknown; ip?: string };

export function requestContextMiddleware(
  req: ExpressLikeRequest,
  res: ServerResponse,
  next: () => void,
): void {
  const requestId = assignRequestId(req, res);
  storage.run({ requestId, ip: req.ip ?? req.socket.remoteAddress }, next);
}
