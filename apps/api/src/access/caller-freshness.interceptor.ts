import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentRequestContext } from '@amparo/core';
import { StaleCallerError, ensureCallerCurrent } from '@amparo/database';
import { Observable, catchError, from, mergeMap, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { AccessGuard } from './access.guard';
import { AuthenticatedRequest } from './authenticated-request';

/**
 * For a request whose caller came from the cache (CallerLoader): makes sure the database has found
 * that caller current before the answer goes out (a request that sent no statement checks it
 * here), and when it has not, or when the request failed before the check was made (a refusal the
 * cached grants decided), serves the request once more with the caller read again, the route's
 * permission checked anew. Nothing ran for the stale caller: the check precedes or opens every
 * statement (caller-check.ts). Wraps every other interceptor, so that they run again too.
 */
@Injectable()
export class CallerFreshnessInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly guard: AccessGuard,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!currentRequestContext()?.callerCheck) return next.handle();
    return next.handle().pipe(
      mergeMap(async (answer) => {
        await ensureCallerCurrent(this.dataSource);
        return answer;
      }),
      catchError((error: unknown) =>
        from(this.changed(error)).pipe(
          mergeMap((changed) => (changed ? this.again(context, next) : throwError(() => error))),
        ),
      ),
    );
  }

  /** Whether the request's cached caller has changed (checking it now if it was not yet). */
  private async changed(error: unknown): Promise<boolean> {
    if (error instanceof StaleCallerError) return true;
    const check = currentRequestContext()?.callerCheck;
    if (!check || check.state === 'current') return false;
    try {
      await ensureCallerCurrent(this.dataSource);
      return false;
    } catch (failure) {
      if (failure instanceof StaleCallerError) return true;
      throw failure;
    }
  }

  private again(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return from(this.guard.freshCaller(req)).pipe(
      mergeMap((caller) => {
        this.guard.assertPermits(context, caller);
        return next.handle();
      }),
    );
  }
}
