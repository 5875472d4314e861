import { IncomingMessage, ServerResponse } from 'node:http';
import { assignRequestId, runInRequestContext } from '@amparo/core';

type ExpressLikeRequest = IncomingMessage & { id?: unknown; ip?: string };

export function requestContextMiddleware(
  req: ExpressLikeRequest,
  res: ServerResponse,
  next: () => void,
): void {
  const requestId = assignRequestId(req, res);
  runInRequestContext({ requestId, ip: req.ip ?? req.socket.remoteAddress }, next);
}
