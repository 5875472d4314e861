import { INestApplication } from '@nestjs/common';
import { AppConfig, describeMode } from '@amparo/core';
import { DemoOnFirstStart } from '@amparo/demo';
import { BootstrapAdmin } from '@amparo/identity';
import { Logger, PinoLogger } from 'nestjs-pino';
import pino from 'pino';

/** Where the start-up lines go: log lines, and plain text printed after them in order. */
export interface StartLog {
  log(message: string): void;
  print(text: string): void;
}

/**
 * pino writes to stdout asynchronously (and its flush does not wait for a write in flight), so
 * plain text written to process.stdout would overtake the last log lines: it goes through the
 * destination of the app's logger instead, queued behind them. (PinoLogger.root is another pino
 * instance, with a destination of its own.)
 */
export function pinoStartLog(logger: Logger): StartLog {
  const app = (logger as unknown as { logger: PinoLogger }).logger.logger;
  const destination = (app as unknown as Record<symbol, { write(text: string): void }>)[
    pino.symbols.streamSym
  ];
  return {
    log: (message) => logger.log(message),
    print: (text) => destination.write(text),
  };
}

/**
 * The last lines of a start: the mode, where the API listens, then (first start of the embedded
 * default only) the generated first administrator's and the demo users' passwords as a plain box,
 * after every log line.
 */
export function announceStart(app: INestApplication, config: AppConfig, log: StartLog): void {
  log.log(describeMode(config));
  log.log(
    `Amparo API listening on http://${config.http.host}:${config.http.port} (API /api/v1, docs /api/docs, health /health/ready)`,
  );
  const firstAdmin = app.get(BootstrapAdmin).takeGeneratedCredential();
  const notice = app
    .get(DemoOnFirstStart)
    .takeCredentialsNotice(
      firstAdmin ? [{ ...firstAdmin, roles: ['system_admin (first administrator)'] }] : [],
    );
  if (notice) log.print(notice);
}
