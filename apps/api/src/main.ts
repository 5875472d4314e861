import 'reflect-metadata';
import { exitGracefullyOnSignals, readConfigOrExit } from '@amparo/core';
import { Logger } from 'nestjs-pino';
import { announceStart, pinoStartLog } from './announce-start';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const app = await createApiApp(config);
  const logger = app.get(Logger);
  exitGracefullyOnSignals(app, logger, config.http.shutdownGraceMs);
  await app.listen(config.http.port, config.http.host);
  announceStart(app, config, pinoStartLog(logger));
}

void main().catch((error: unknown) => {
  console.error(
    `Amparo API failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
