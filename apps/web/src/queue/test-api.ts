/** A fake API for the queue's tests: a restored session, /me, and the routes each test answers. */

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

export const OFFICER_ID = '0f1c3a52-2222-4222-8222-222222222222';
export const POST_ID = '4a7d1c9e-3333-4333-8333-333333333333';

export const meWith = (role: 'officer' | 'consul' | 'supervisor', permissions: string[]) => ({
  id: OFFICER_ID,
  email: `${role}.mx@demo.amparo.example`,
  displayName: 'Rosa Medina',
  locale: 'es',
  countryCode: 'MX',
  mfaEnabled: role === 'supervisor',
  grants: [
    role === 'supervisor'
      ? { role, consulateId: null, countryCode: 'MX' }
      : { role, consulateId: POST_ID, countryCode: 'MX' },
  ],
  permissions,
});

const CODE_LISTS = {
  caseCategories: [{ code: 'trafficking', label: { es: 'Trata de personas', en: 'Trafficking' } }],
  caseStatuses: [
    { code: 'open', label: { es: 'Abierto', en: 'Open' } },
    { code: 'in_progress', label: { es: 'En curso', en: 'In progress' } },
  ],
  riskLevels: [{ code: 'high', label: { es: 'Alto', en: 'High' } }],
  vulnerabilityFlags: [],
  closureReasons: [],
  actionTypes: [],
  placeTypes: [],
  sexes: [],
  documentTypes: [],
  genders: [],
  hostCountryRoles: [],
};

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Route = (request: Request, url: URL) => Response | Promise<Response> | undefined;

/**
 * A browser whose refresh cookie still holds a session of `me`; `route` answers the screen's
 * calls (undefined: 404), and every call is recorded in `seen`.
 */
export function signedInApi(me: object, seen: Seen[], route: Route) {
  return async (request: Request) => {
    const url = new URL(request.url);
    const text = request.method === 'POST' ? await request.clone().text() : '';
    seen.push({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body: text ? JSON.parse(text) : undefined,
    });
    switch (url.pathname) {
      case '/api/v1/auth/refresh':
        return json({ accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900 });
      case '/api/v1/me':
        return json(me);
      case '/api/v1/code-lists':
        return json(CODE_LISTS);
    }
    const answered = await route(request, url);
    if (answered) return answered;
    // The overdue detentions section, empty unless a test answers it.
    if (url.pathname === '/api/v1/work-queue/detentions')
      return json({
        rule: { notificationOverdueHours: 72, firstContactOverdueHours: 72, visitOverdueDays: 30 },
        items: [],
        posts: [],
      });
    return json({ status: 404, code: 'ROUTE_NOT_FOUND', title: 'No encontrado' }, 404);
  };
}
