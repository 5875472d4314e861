import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { recordCallerEvent } from '@amparo/identity';
import { Observable, catchError, from, mergeMap, throwError } from 'rxjs';
import { AuthenticatedRequest } from './authenticated-request';

/**
 * Records the refusals a domain error asks to keep (`details.refusal`) as denied audit events. It
 * wraps every other interceptor: the request's own transaction (an Idempotency-Key's) has rolled
 * back by then, so the event is written on its own and survives the refusal it records.
 */
@Injectable()
export class RefusalAuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const refusal = error instanceof DomainError ? error.details.refusal : undefined;
        const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
        if (!refusal || !caller) return throwError(() => error);
        return from(recordCallerEvent(this.audit, caller, { ...refusal, outcome: 'denied' })).pipe(
          mergeMap(() => throwError(() => error)),
        );
      }),
    );
  }
}
