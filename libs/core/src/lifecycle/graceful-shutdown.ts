import { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * On SIGTERM/SIGINT: stop taking work, let in-flight requests and jobs finish, close connections,
 * and exit. Anything still running after the grace period is abandoned (BullMQ hands an abandoned
 * job to another worker once its lock expires), so the process always exits within 10 s.
 */
export function exitGracefullyOnSignals(
  app: INestApplicationContext,
  logger: LoggerService,
  graceMs: number,
): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: finishing in-flight work (at most ${graceMs} ms)`);
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${graceMs} ms; exiting anyway`);
      process.exit(1);
    }, graceMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
