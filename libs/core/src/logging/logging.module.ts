import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { asyncStdout } from './log-destination';

/**
 * Structured JSON logs of a process, at the configured level. The API logs its requests as well,
 * through its own RequestLoggingModule (apps/api), which replaces this one there.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: [{ level: config.log.level }, asyncStdout()],
      }),
    }),
  ],
})
export class LoggingModule {}
