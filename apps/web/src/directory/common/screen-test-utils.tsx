import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { adminRoutes } from '../../admin/routes';
import { accessToken } from '../../api/access-token';
import { SessionProvider } from '../../shell/session';
import { answerWith } from '../../test-setup';
import { directoryRoutes } from '../routes';
import '../../shell/i18n';

/** A request the fake API received. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

/**
 * A fake API at fetch level: `routes` maps "METHOD /path" to an answer (a function of the
 * request's query and body); every request is recorded in the returned list.
 */
export function fakeApi(
  routes: Record<string, (query: URLSearchParams, body: unknown) => Response>,
): SeenRequest[] {
  const seen: SeenRequest[] = [];
  answerWith(async (request) => {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const body = text ? JSON.parse(text) : undefined;
    seen.push({ method: request.method, path: url.pathname, query: url.searchParams, body });
    const route = routes[`${request.method} ${url.pathname}`];
    if (route) return route(url.searchParams, body);
    return json(
      { status: 404, code: 'ROUTE_NOT_FOUND', title: 'Not found', detail: url.pathname },
      404,
    );
  });
  return seen;
}

/**
 * One screen of the directory or administration (or of `routes`), signed in, at `path` (its router
 * is returned).
 */
export function renderScreen(
  path: string,
  routes: RouteObject[] = [...directoryRoutes, ...adminRoutes],
) {
  accessToken.set('access-token', 900);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>,
  );
  return router;
}

export const ADMIN_ME = {
  id: '00000000-0000-4000-8000-0000000000ad',
  email: 'admin.mx@demo.amparo.example',
  displayName: 'Lucía Herrera',
  locale: 'es',
  countryCode: 'MX',
  mfaEnabled: true,
  grants: [{ role: 'admin', consulateId: null, countryCode: 'MX', organisationId: null }],
  permissions: [
    'directory:read',
    'directory:manage',
    'consulates:manage',
    'users:read',
    'users:manage',
    'audit:read',
  ],
};

export const COUNTRIES = {
  items: [
    { code: 'MX', alpha3: 'MEX', numeric: '484', nameEs: 'México', nameEn: 'Mexico', member: true },
    {
      code: 'US',
      alpha3: 'USA',
      numeric: '840',
      nameEs: 'Estados Unidos',
      nameEn: 'United States',
      member: false,
    },
    {
      code: 'GT',
      alpha3: 'GTM',
      numeric: '320',
      nameEs: 'Guatemala',
      nameEn: 'Guatemala',
      member: true,
    },
  ],
  nextCursor: null,
};

export const HOUSTON = {
  id: '11111111-1111-4111-8111-111111111111',
  sendingCountryCode: 'MX',
  postCode: 'HOU',
  name: 'Consulado General de México en Houston',
  type: 'consulate_general',
  hostCountryCode: 'US',
  city: 'Houston',
  jurisdiction: ['US-TX'],
  address: null,
  phone: '+1 713 271 6800',
  emergencyPhone: null,
  email: null,
  website: null,
  active: true,
  createdAt: '2026-01-10T15:00:00.000Z',
  updatedAt: '2026-01-10T15:00:00.000Z',
  deactivatedAt: null,
};

export const CASA_REFUGIO = {
  id: '66666666-6666-4666-8666-666666666666',
  name: 'Casa Refugio',
  acronym: 'CR',
  type: 'civil_society',
  description: 'Albergue para familias migrantes',
  services: ['shelter', 'legal_aid'],
  coverageCountries: ['MX'],
  coverageSubdivisions: [],
  languages: ['es', 'mam'],
  email: 'contacto@casarefugio.example',
  phone: '+52 55 5555 0101',
  website: null,
  address: null,
  managedByCountryCode: 'MX',
  active: true,
  createdAt: '2026-01-10T15:00:00.000Z',
  updatedAt: '2026-01-10T15:00:00.000Z',
};
