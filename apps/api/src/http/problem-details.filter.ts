import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import {
  DomainError,
  errorText,
  ERROR_KIND_STATUS,
  safeErrorForLog,
  interpolate,
  Locale,
  localeOf,
} from '@amparo/core';
import { MAX_FIELD_ERRORS, MAX_FIELD_PATH_LENGTH } from './field-error-limit';
import { requestIdOf } from './request-id';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem-details';
import { toDomainError } from './to-domain-error';

/** The one place where failures become HTTP: RFC 9457 bodies, localized, never a stack or SQL. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const requestId = requestIdOf(req);
    const domainError = toDomainError(exception);
    if (!domainError)
      this.logger.error({ error: safeErrorForLog(exception), requestId }, 'Unexpected error');
    else if (domainError.kind === 'unavailable' && !(exception instanceof DomainError))
      this.logger.warn(
        { error: safeErrorForLog(exception), requestId },
        'A backing service is unavailable',
      );
    const error = domainError ?? new DomainError('INTERNAL_ERROR', 'internal');
    const body = renderProblem(
      error,
      localeOf(req),
      requestId,
      req.originalUrl?.split('?')[0] ?? '/',
    );
    if (res.headersSent) {
      res.end();
      return;
    }
    if (error.details.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(error.details.retryAfterSeconds));
    res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}

export function renderProblem(
  error: DomainError,
  locale: Locale,
  requestId: string,
  instance: string,
): ProblemDetails {
  const text = errorText(error.code) ?? errorText('HTTP_ERROR')!;
  const params = { requestId, ...error.details.params };
  const problem: ProblemDetails = {
    type: problemType(error.code),
    title: text.title[locale],
    status: ERROR_KIND_STATUS[error.kind],
    detail: interpolate(text.detail[locale], params),
    instance,
    code: error.code,
    requestId,
  };
  const fieldErrors = error.details.fieldErrors;
  if (fieldErrors) {
    // Bounded whatever the input: at most MAX_FIELD_ERRORS entries, long (client-made) paths cut.
    problem.errors = fieldErrors.slice(0, MAX_FIELD_ERRORS).map((e) => ({
      field:
        e.field.length > MAX_FIELD_PATH_LENGTH
          ? `${e.field.slice(0, MAX_FIELD_PATH_LENGTH)}…`
          : e.field,
      code: e.code,
      message: e.message[locale],
    }));
    if (fieldErrors.length > MAX_FIELD_ERRORS)
      problem.moreErrors = fieldErrors.length - MAX_FIELD_ERRORS;
  }
  return problem;
}
