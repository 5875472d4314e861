import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@amparo/core';
import helmet from 'helmet';
import { MAX_FIELD_ERRORS } from './field-error-limit';
import { binaryBodyParser } from './binary-body';
import { CREDENTIALS_JSON_SHAPE, DEFAULT_JSON_SHAPE, jsonBodyParser } from './json-body';
import { noStore } from './no-store.middleware';
import { setupOpenApi } from './openapi';
import { requestContextMiddleware } from './request-context.middleware';
import { createRequestValidationPipe } from './request-validation.pipe';
import { UnsafeInputPipe } from './unsafe-input.pipe';

export const API_PREFIX = 'api/v1';

/** Routes that take a file (multipart/form-data) instead of JSON: the crisis import's preview. */
const UPLOAD_PATHS = [/^\/api\/v1\/crisis-events\/[^/]+\/imports\/preview$/];

/**
 * The probes stay at /health/… where orchestrators expect them, and the published export key at
 * the well-known URL (RFC 8615) where other deployments look for it.
 */
export const API_PREFIX_OPTIONS = {
  exclude: [
    { path: 'health/live', method: RequestMethod.GET },
    { path: 'health/ready', method: RequestMethod.GET },
    { path: '.well-known/amparo-export-keys.json', method: RequestMethod.GET },
  ],
};

/** The HTTP conventions every endpoint inherits; used by `main` and by the e2e test app alike. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(requestContextMiddleware);
  app.use(helmet());
  app.use(noStore);
  app.enableCors({
    origin: config.http.corsOrigins.length ? config.http.corsOrigins : false,
    exposedHeaders: ['X-Request-Id', 'Location', 'ETag', 'Retry-After'],
  });
  app.use(
    binaryBodyParser([
      {
        method: 'POST',
        path: new RegExp(`^/${API_PREFIX}/good-practices/[^/]+/documents/?$`),
        limit: () => config.practices.documentMaxBytes,
        code: 'DOCUMENT_TOO_LARGE',
      },
    ]),
  );
  app.use(
    jsonBodyParser({
      limit: sizeInBytes(config.http.bodyLimit),
      shape: DEFAULT_JSON_SHAPE,
      // Sign-in and tokens: a few flat strings, and most of these routes are public.
      routes: [{ prefix: `/${API_PREFIX}/auth/`, shape: CREDENTIALS_JSON_SHAPE }],
      maxFieldErrors: MAX_FIELD_ERRORS,
      uploads: UPLOAD_PATHS,
    }),
  );
  app.setGlobalPrefix(API_PREFIX, API_PREFIX_OPTIONS);
  app.useGlobalPipes(new UnsafeInputPipe(), createRequestValidationPipe());
  setupOpenApi(app);
  return app;
}

/** `HTTP_BODY_LIMIT` (`100kb`, `1mb`, validated at start-up) in bytes. */
export function sizeInBytes(size: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(size) ?? [];
  if (!amount) throw new Error(`Not a size: ${size}`);
  return Number(amount) * { b: 1, kb: 1024, mb: 1024 * 1024 }[unit.toLowerCase() as 'b'];
}
