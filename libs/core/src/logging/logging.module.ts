import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { assignRequestId } from '../http/request-id';
import { IncomingMessage, ServerResponse } from 'node:http';

type LoggedRequest = IncomingMessage & { id?: string; originalUrl?: string };

/**
 * Structured JSON logs. Requests are logged by method, path (never the query string, which can
 * hold names), status and time; bodies and headers are never logged.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
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
          autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
        },
        forRoutes: ['*path'],
      }),
    }),
  ],
})
export class LoggingModule {}
