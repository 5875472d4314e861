import { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { AuditService } from '@amparo/audit';
import { AppConfig, DomainError } from '@amparo/core';
import { ALL_QUEUES } from '@amparo/jobs';
import { Queue } from 'bullmq';
import { Express, NextFunction, Request, Response } from 'express';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard-access';
import { queueDashboardAuth } from './queue-dashboard-auth.middleware';
import './queue-dashboard.errors';

/**
 * @bull-board/express 9.10.1 pins its own @bull-board/api 9.10.1 beside the 9.10.2 we use: the
 * server-adapter protocol is the same (identical typings), but TypeScript sees two declarations.
 */
type BoardServer = Parameters<typeof createBullBoard>[0]['serverAdapter'];

/**
 * Bull Board at `/admin/queues`, behind the dashboard's access check, on the API's own Express
 * instance (it is not a Nest route, so it sits outside the global prefix and the global guard).
 * Helmet's CSP stays as it is: the board's only inline script is a JSON data block, its inline
 * styles and Google Fonts stylesheet are allowed by helmet's `style-src 'self' https:
 * 'unsafe-inline'`, and its code loads from `'self'`.
 *
 * Call after `configureHttp` (request context, helmet, no-store, JSON bodies apply first) and
 * before `init` (so the API's not-found and error handlers come after it).
 */
export function mountQueueDashboard(app: NestExpressApplication, config: AppConfig): void {
  if (config.jobs.mode !== 'redis') {
    app.use(QUEUE_DASHBOARD_PATH, dashboardNotAvailable);
    return;
  }
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    // Every queue the jobs module registers, including ones added after this was written.
    queues: ALL_QUEUES.map(
      (name) => new BullMQAdapter(app.get<string, Queue>(getQueueToken(name), { strict: false })),
    ),
    serverAdapter: board as unknown as BoardServer,
  });
  const boardApp = board.getRouter() as Express;
  // A mounted Express app keeps its own settings; the API does not announce its framework.
  boardApp.disable('x-powered-by');
  app.use(QUEUE_DASHBOARD_PATH, queueDashboardAuth(app.get(AuditService)), boardApp);
}

/**
 * Without Redis, jobs run in-process and there are no queues to show: a 404 (the resource does not
 * exist in this deployment, and retrying will not change that) that says why.
 */
function dashboardNotAvailable(_req: Request, _res: Response, next: NextFunction): void {
  next(new DomainError('QUEUE_DASHBOARD_NOT_AVAILABLE', 'not_found'));
}
