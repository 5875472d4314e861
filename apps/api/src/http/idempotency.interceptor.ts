import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { DomainError, registerErrorTexts } from '@amparo/core';
import { IdempotencyKeyInProgress, IdempotencyStore } from '@amparo/database';
import { AuthenticatedRequest } from '../access/authenticated-request';
import { Response } from 'express';
import { createHash } from 'node:crypto';
import { Observable, from, lastValueFrom, map } from 'rxjs';

registerErrorTexts({
  IDEMPOTENCY_KEY_REUSED: {
    title: { es: 'Clave de idempotencia reutilizada', en: 'Idempotency key reused' },
    detail: {
      es: 'Esta clave ya se usó con otra solicitud; use una clave nueva para una solicitud distinta.',
      en: 'This key was already used with a different request; use a new key for a different request.',
    },
  },
  IDEMPOTENCY_IN_PROGRESS: {
    title: { es: 'Solicitud en curso', en: 'Request in progress' },
    detail: {
      es: 'Una solicitud con esta clave aún se está procesando; vuelva a intentarlo en unos segundos.',
      en: 'A request with this key is still being processed; retry in a few seconds.',
    },
  },
  INVALID_IDEMPOTENCY_KEY: {
    title: { es: 'Clave de idempotencia no válida', en: 'Invalid idempotency key' },
    detail: {
      es: 'La cabecera Idempotency-Key debe tener de 1 a 255 caracteres visibles.',
      en: 'The Idempotency-Key header must have 1 to 255 visible characters.',
    },
  },
});

const IDEMPOTENT = 'amparo:idempotent';
const REPLAYED_HEADERS = ['location', 'etag'];

/** Marks a creating POST: a retry with the same Idempotency-Key gets the first response. */
export const Idempotent = () => SetMetadata(IDEMPOTENT, true);

export function isIdempotent(handler: object): boolean {
  return Reflect.getMetadata(IDEMPOTENT, handler) === true;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Idempotency-Key on routes marked `@Idempotent()`, per user: the same key and body replay the first
 * status and body (no second record); the same key with another body is 422; concurrent requests
 * with one key create one record. The response is stored in the transaction of the work, so a
 * request that dies before its commit leaves the key free, and one that committed leaves its
 * response (IdempotencyStore).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT, context.getHandler())) return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    if (key === undefined) return next.handle();
    if (!/^[\x21-\x7E]{1,255}$/.test(key))
      throw new DomainError('INVALID_IDEMPOTENCY_KEY', 'invalid');
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl.split('?')[0]} ${canonical(req.body)}`)
      .digest('hex');
    const status =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const respond = () => ({
      status,
      headers: Object.fromEntries(
        REPLAYED_HEADERS.flatMap((name) =>
          res.getHeader(name) === undefined ? [] : [[name, String(res.getHeader(name))]],
        ),
      ),
    });
    const run = this.store
      .execute(
        { userId: req.user!.userId, key, requestHash },
        () => lastValueFrom(next.handle()),
        respond,
      )
      .catch((error: unknown) => {
        if (error instanceof IdempotencyKeyInProgress)
          throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'conflict', {
            retryAfterSeconds: 2,
          });
        throw error;
      });
    return from(run).pipe(
      map((outcome) => {
        if (outcome.kind === 'mismatch')
          throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'unprocessable');
        if (outcome.kind === 'done') return outcome.body;
        for (const [name, value] of Object.entries(outcome.response.headers))
          res.setHeader(name, value);
        res.setHeader('Idempotent-Replayed', 'true');
        res.status(outcome.response.status);
        return outcome.response.body;
      }),
    );
  }
}
