import { AppConfig } from '@amparo/core';
import { Caller } from '@amparo/identity';
import { CookieOptions } from 'express';
import { IncomingHttpHeaders } from 'node:http';
import { cookieValue } from '../http/cookies';

/** Outside the `/api/v1` prefix: the dashboard is an HTML application, not part of the API. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Carries the access token for browser navigations to the dashboard, which cannot send an
 * Authorization header. It is sent to the dashboard's path only; the API itself never reads it.
 */
export const QUEUE_DASHBOARD_COOKIE = 'amparo_queue_dashboard';

/**
 * The dashboard can retry, remove and add jobs on every queue of the deployment, so it is for the
 * deployment's operators only, whatever permissions other roles may gain later.
 */
export function mayOpenQueueDashboard(caller: Caller): boolean {
  return caller.roles.includes('system_admin');
}

export interface DashboardCredential {
  /** An `Authorization` header value, in the form the API's bearer strategy reads. */
  authorization: string;
  /** Cookies ride along with any same-site request, so their requests get a cross-site check. */
  source: 'header' | 'cookie';
}

/** The header wins over the cookie: a client that sends a token means that one. */
export function dashboardCredentialOf(headers: IncomingHttpHeaders): DashboardCredential | null {
  if (headers.authorization) return { authorization: headers.authorization, source: 'header' };
  const token = cookieValue(headers.cookie, QUEUE_DASHBOARD_COOKIE);
  return token ? { authorization: `Bearer ${token}`, source: 'cookie' } : null;
}

export function bearerTokenOf(headers: IncomingHttpHeaders): string | null {
  return /^bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1] ?? null;
}

/**
 * HttpOnly so page scripts never read the token; SameSite=Strict so other sites cannot make the
 * browser send it; scoped to the dashboard's path; gone when the access token expires anyway.
 */
export function dashboardCookieOptions(config: AppConfig): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.env === 'production',
    path: QUEUE_DASHBOARD_PATH,
    maxAge: config.auth.accessTokenTtlSeconds * 1000,
  };
}
