import { AsyncResource } from 'node:async_hooks';
import { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '@amparo/core';

export interface BinaryRoute {
  method: string;
  /** Matches the path without the query string. */
  path: RegExp;
  /** Largest body in bytes; larger gets 413 with `code` without being read further. */
  limit: () => number;
  code: string;
}

type BodyRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

/**
 * The one exception to JSON bodies: file uploads on the routes listed, read as raw bytes within
 * their own limit (the JSON parser then leaves them alone). The route's service checks the bytes'
 * type; the declared Content-Type is not trusted either way.
 */
export function binaryBodyParser(routes: BinaryRoute[]) {
  return (req: BodyRequest, _res: ServerResponse, next: (error?: unknown) => void): void => {
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    const route = routes.find((r) => r.method === req.method && r.path.test(path));
    if (!route) return next();
    const limit = route.limit();
    const tooLarge = () => new DomainError(route.code, 'payload_too_large', { params: { limit } });
    if (Number(req.headers['content-length']) > limit) {
      req.resume();
      return next(tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = AsyncResource.bind((error?: unknown) => {
      if (finished) return;
      finished = true;
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      if (error) {
        req.resume();
        return next(error);
      }
      req.body = Buffer.concat(chunks, size);
      next();
    });
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', (error) => finish(error));
  };
}
