import createClient, { type Middleware } from 'openapi-fetch';
import { accessToken } from './access-token';
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

/**
 * The one client of the API, typed from docs/openapi.json (schema.d.ts, `npm run web:types`). Its
 * paths carry the `/api/v1` prefix as the document declares them, so the base is the page's own
 * origin: the API serves this app.
 */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(language, bearer);
