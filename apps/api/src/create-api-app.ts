import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@amparo/core';
import { Logger } from 'nestjs-pino';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { AppModule } from './app.module';
import { configureHttp } from './http/configure-http';
import { serveWebApp } from './web/web-app';

/**
 * Builds the API application, ready to `listen`. Tests pass extra controllers to exercise the
 * conventions (errors, access) on routes the product does not have.
 */
export async function createApiApp(
  config: AppConfig,
  extraControllers: Type[] = [],
): Promise<NestExpressApplication> {
  const root: DynamicModule = AppModule.forRoot(config);
  root.controllers = [...(root.controllers ?? []), ...extraControllers];
  const app = await NestFactory.create<NestExpressApplication>(root, {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  configureHttp(app, config);
  mountQueueDashboard(app, config);
  serveWebApp(app, config);
  return app;
}
