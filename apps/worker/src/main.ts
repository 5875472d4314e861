import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { describeMode, exitGracefullyOnSignals, readConfigOrExit } from '@amparo/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = readConfigOrExit();
  if (config.jobs.mode !== 'redis' || config.database.mode !== 'external') {
    console.error(
      'Configuration error: the worker needs DATABASE_URL and REDIS_URL (without them, jobs run inside the API process)',
    );
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  exitGracefullyOnSignals(app, logger, config.http.shutdownGraceMs);
  logger.log(describeMode(config));
  logger.log(`Amparo worker processing queues with concurrency ${config.jobs.concurrency}`);
}

void main().catch((error: unknown) => {
  console.error(
    `Amparo worker failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
