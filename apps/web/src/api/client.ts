import createClient, { type Middleware } from 'openapi-fetch';
import { accessToken } from './access-token';
import { availability } from './availability';
import { refreshSession } from './session-refresh';
import type { paths } from './schema';

/**
 * The request's language follows the page's: the language switch sets `<html lang>`, and the API
 * answers problem details (titles, details, field errors) in it.
 */
const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', document.documentElement.lang || 'es');
    return request;
  },
};

const bearer: Middleware = {
  onRequest({ request }) {
    const token = accessToken.get();
    if (token && !request.headers.has('Authorization'))
      request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

/** Every answer (or its absence) tells whether the API is up; see availability.ts. */
const availabilityWatch: Middleware = {
  onResponse({ response }) {
    availability.observe(response);
  },
  onError() {
    availability.unreachable();
  },
};

/** Copies of requests sent with a bearer token, to send once more after a refresh. */
const sent = new Map<string, Request>();

/**
 * An access token that expired (a laptop asleep, a timer that came late) is not the end of the
 * session: a 401 gets one refresh, shared with every other 401 of the moment, and the call is sent
 * once more with the new token. Only a refused refresh ends the session (session-refresh.ts).
 */
const retryAfterRefresh: Middleware = {
  onRequest({ request, id }) {
    if (request.headers.has('Authorization')) sent.set(id, request.clone());
  },
  async onResponse({ response, id, options }) {
    const copy = sent.get(id);
    sent.delete(id);
    if (response.status !== 401 || !copy) return response;
    const used = copy.headers.get('Authorization');
    // A refresh that finished while this call was under way already gave a newer token.
    if (used === `Bearer ${accessToken.get() ?? ''}`) {
      const outcome = await refreshSession();
      if (outcome.kind === 'unavailable') return outcome.response ?? response;
      if (outcome.kind === 'ended') return response;
    }
    const token = accessToken.get();
    if (!token) return response;
    copy.headers.set('Authorization', `Bearer ${token}`);
    return options.fetch(copy);
  },
  onError({ id }) {
    sent.delete(id);
  },
};

/**
 * The one client of the API, typed from docs/openapi.json (schema.d.ts, `npm run web:types`). Its
 * paths carry the `/api/v1` prefix as the document declares them, so the base is the page's own
 * origin: the API serves this app. Middleware order matters: answers pass through them in reverse,
 * so the availability watch sees the answer of a retried call.
 */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(availabilityWatch, language, bearer, retryAfterRefresh);
