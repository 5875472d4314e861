import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, asyncStdout } from '@amparo/core';
import { LoggerModule } from 'nestjs-pino';
import { IncomingMessage, ServerResponse } from 'node:http';
import { assignRequestId } from './request-id';

type LoggedRequest = IncomingMessage & { id?: string; originalUrl?: string };

/**
 * Structured JSON logs of the API, with one line per request: method, path (never the query
 * string, which can hold names), status and time; bodies and headers are never logged. Every line
 * carries the request id.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: [
          {
            level: config.log.level,
            genReqId: (req: IncomingMessage, res: ServerResponse) => assignRequestId(req, res),
            quietReqLogger: true,
            customAttributeKeys: { reqId: 'requestId' },
            serializers: {
              req: (req: LoggedRequest) => ({
                id: req.id,
                method: req.method,
                path: (req.originalUrl ?? req.url ?? '').split('?')[0],
              }),
              res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
            },
            autoLogging: {
              ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/'),
            },
          },
          asyncStdout(),
        ],
        forRoutes: ['*path'],
      }),
    }),
  ],
})
export class RequestLoggingModule {}
