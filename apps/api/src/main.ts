import 'reflect-metadata';
import { describeMode, exitGracefullyOnSignals, readConfigOrExit } from '@amparo/core';
import { Logger } from 'nestjs-pino';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const app = await createApiApp(config);
  const logger = app.get(Logger);
  exitGracefullyOnSignals(app, logger, config.http.shutdownGraceMs);
  await app.listen(config.http.port, config.http.host);
  logger.log(describeMode(config));
  logger.log(
    `Amparo API listening on http://${config.http.host}:${config.http.port} (API /api/v1, docs /api/docs, health /health/ready)`,
  );
}

void main().catch((error: unknown) => {
  console.error(
    `Amparo API failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
