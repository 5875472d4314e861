import { AppConfig } from '@amparo/core';
import { CookieOptions, Request } from 'express';
import { cookieValue, isCrossOrigin } from '../http/cookies';

/** The browser's copy of the refresh token; API clients keep using the one in the JSON body. */
export const REFRESH_COOKIE = 'amparo_refresh';

/** Only the token routes receive it: no other request of the API or the web app carries it. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/**
 * HttpOnly so page scripts never read it; SameSite=Strict so other sites cannot make the browser
 * send it. Secure over HTTPS: `req.secure` reads X-Forwarded-Proto only when HTTP_TRUST_PROXY is
 * on, so production marks it Secure regardless (as the queue dashboard's cookie), since a proxy
 * that is not trusted still terminates TLS there.
 */
export function refreshCookieOptions(config: AppConfig, req: Request): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure || config.env === 'production',
    path: REFRESH_COOKIE_PATH,
    // The session's absolute lifetime; the server refuses the token after it whatever the cookie.
    maxAge: config.auth.sessionLifetimeSeconds * 1000,
  };
}

/** Expires the cookie; the attributes must match the ones it was set with for browsers to drop it. */
export function clearedRefreshCookieOptions(config: AppConfig, req: Request): CookieOptions {
  const { maxAge: _maxAge, ...options } = refreshCookieOptions(config, req);
  return options;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The refresh token of the cookie, taken only from a JSON request of the page's own origin: a
 * cross-site form cannot send JSON without a CORS preflight, and a sibling subdomain (the same
 * site, so SameSite lets the cookie through) is told apart by the browser's Sec-Fetch-Site.
 */
export function refreshCookieOf(req: Request): string | undefined {
  if (isCrossOrigin(req.headers)) return undefined;
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return undefined;
  return cookieValue(req.headers.cookie, REFRESH_COOKIE);
}
