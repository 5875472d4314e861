import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { REFRESH_COOKIE, refreshCookieOptions } from '../access/refresh-cookie';

/**
 * On a route that may issue a session: when the answer carries a refresh token, the browser gets it
 * as the httpOnly cookie too, so a reload keeps the session without the page ever storing it. The
 * JSON body is left as it is (API clients read the token there).
 */
@Injectable()
export class RefreshCookieInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    return next.handle().pipe(
      tap((body: unknown) => {
        const token = (body as { refreshToken?: unknown } | null | undefined)?.refreshToken;
        if (typeof token !== 'string') return;
        http
          .getResponse<Response>()
          .cookie(
            REFRESH_COOKIE,
            token,
            refreshCookieOptions(this.config, http.getRequest<Request>()),
          );
      }),
    );
  }
}
