import { IncomingMessage, ServerResponse } from 'node:http';
import { runInRequestContext } from '@amparo/core';
import { assignRequestId } from './request-id';

type ExpressLikeRequest = IncomingMessage & { id?: unknown; ip?: string };

export function requestContextMiddleware(
  req: ExpressLikeRequest,
  res: ServerResponse,
  next: () => void,
): void {
  const requestId = assignRequestId(req, res);
  runInRequestContext({ requestId, ip: req.ip ?? req.socket.remoteAddress }, next);
}
