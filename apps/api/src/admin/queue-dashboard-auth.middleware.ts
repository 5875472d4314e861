import { AuditRecord, AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { Caller, actorOf } from '@amparo/identity';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import passport from 'passport';
import {
  DashboardCredential,
  dashboardCredentialOf,
  mayOpenQueueDashboard,
} from './queue-dashboard-access';
import './queue-dashboard.errors';
import { isCrossOrigin } from '../http/cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards every request under the dashboard (page, XHR API and static files): 401 without a valid
 * access token, 403 for anyone but a system_admin. Errors go to `next`, so the API's exception
 * filter renders them as problem details like any other.
 *
 * Reads are not audited (the page polls every few seconds); refusals to signed-in users and every
 * request that changes a queue are.
 */
export function queueDashboardAuth(audit: AuditService): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    authorize(req, audit).then(() => next(), next);
  };
}

async function authorize(req: Request, audit: AuditService): Promise<void> {
  const credential = dashboardCredentialOf(req.headers);
  const caller = credential && (await callerOf(credential));
  if (!caller) throw new DomainError('UNAUTHENTICATED', 'unauthenticated');
  if (!mayOpenQueueDashboard(caller)) {
    await audit.record(dashboardEvent(req, caller, 'queue_dashboard.access', 'denied'));
    throw new DomainError('FORBIDDEN', 'forbidden');
  }
  if (SAFE_METHODS.has(req.method)) return;
  if (credential.source === 'cookie' && isCrossOrigin(req.headers)) {
    throw new DomainError('QUEUE_DASHBOARD_CROSS_SITE', 'forbidden');
  }
  await audit.record(dashboardEvent(req, caller, 'queue_dashboard.action', 'success'));
}

/**
 * The caller of an access token, checked by the very passport strategy the API's guard uses (same
 * keys, claims and database checks: a logout or a disabled account ends dashboard access at once).
 * The strategy only reads the Authorization header, so it gets just that, whatever its source.
 */
function callerOf(credential: DashboardCredential): Promise<Caller | null> {
  return new Promise((resolve, reject) => {
    const authenticate = passport.authenticate(
      'jwt',
      { session: false },
      (error: unknown, user: Caller | false | undefined) => {
        // As the API's guard: a domain error keeps its meaning, any other failure is "not signed in".
        if (error instanceof DomainError) reject(error);
        else resolve(error || !user ? null : user);
      },
    ) as (req: object, res: object, next: (error?: unknown) => void) => void;
    authenticate({ headers: { authorization: credential.authorization } }, {}, reject);
  });
}

function dashboardEvent(
  req: Request,
  caller: Caller,
  action: string,
  outcome: AuditRecord['outcome'],
): AuditRecord {
  return {
    action,
    outcome,
    actor: actorOf(caller),
    resourceType: 'queue_dashboard',
    countryCode: caller.countryCode,
    // Queue names and job ids only: job payloads carry ids, never personal data.
    details: { method: req.method, path: req.originalUrl.split('?')[0] },
  };
}
