import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, DomainError } from '@amparo/core';
import { NextFunction, Request, Response } from 'express';
import { resolve } from 'node:path';
import { QUEUE_DASHBOARD_PATH } from '../admin/queue-dashboard-access';
import './web-app.errors';

/** Vite names every file under assets/ by its content hash: a new build means new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the unhashed files (favicon) are revalidated on every visit. */
const REVALIDATE = 'no-cache';

/**
 * Paths the web application never answers: the API, the probes, the queue dashboard and the
 * well-known URLs (the published export key).
 */
const NOT_THE_APP = new RegExp(
  `^/(api|health|\\.well-known|${QUEUE_DASHBOARD_PATH.slice(1)})(/|$)`,
);

/**
 * Serves the built single-page application at `/` from `HTTP_WEB_DIR`, on the API's own Express
 * instance, so the app, the API and its auth cookie share one origin. Hashed assets are cached for a
 * year; any other path that is not a file (a deep link like `/cases/123`) gets index.html, except
 * under `/assets/`, where a missing file is a 404 (a stale chunk must fail, not load the page as
 * JavaScript). Without a build the API runs as before and the app's paths answer a problem saying so.
 *
 * Call after `configureHttp` (helmet's CSP, request context) and before `init` (the API's not-found
 * and error handlers come after it).
 */
export function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const root = resolve(config.http.webDir);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_APP.test(req.path)) {
      next();
      return;
    }
    if (req.path.startsWith('/assets/')) {
      sendFile(res, root, req.path, IMMUTABLE, () => next());
      return;
    }
    const sendIndex = () =>
      sendFile(res, root, '/index.html', REVALIDATE, () =>
        next(new DomainError('WEB_APP_NOT_BUILT', 'not_found')),
      );
    if (req.path === '/') sendIndex();
    else sendFile(res, root, req.path, REVALIDATE, sendIndex);
  });
}

/**
 * Sends one file from the build, or calls `otherwise` when there is none (missing, a folder, or a
 * path that tries to leave the folder, which `send` refuses).
 */
function sendFile(
  res: Response,
  root: string,
  path: string,
  cacheControl: string,
  otherwise: () => void,
): void {
  // These files are public and carry no personal data: the API's no-store does not apply.
  res.removeHeader('Pragma');
  res.sendFile(
    path,
    {
      root,
      dotfiles: 'deny',
      cacheControl: false,
      headers: { 'Cache-Control': cacheControl },
    },
    (error?: Error) => {
      if (error && !res.headersSent) {
        res.setHeader('Pragma', 'no-cache');
        otherwise();
      }
    },
  );
}
