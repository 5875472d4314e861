import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import {
  AppConfig,
  createRequestValidationPipe,
  noStore,
  requestContextMiddleware,
} from '@amparo/core';
import helmet from 'helmet';
import { setupOpenApi } from './openapi';

export const API_PREFIX = 'api/v1';

/** The probes stay at /health/… where orchestrators expect them. */
export const API_PREFIX_OPTIONS = {
  exclude: [
    { path: 'health/live', method: RequestMethod.GET },
    { path: 'health/ready', method: RequestMethod.GET },
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
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.setGlobalPrefix(API_PREFIX, API_PREFIX_OPTIONS);
  app.useGlobalPipes(createRequestValidationPipe());
  setupOpenApi(app);
  return app;
}
