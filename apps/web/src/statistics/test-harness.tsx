import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { accessToken } from '../api/access-token';
import { answerWith } from '../test-setup';
import { AppLayout } from '../shell/app-layout';
import { i18n, type Language } from '../shell/i18n';
import { RequireSession } from '../shell/require-session';
import { SessionProvider } from '../shell/session';
import { themeFor } from '../shell/theme';
import { statisticsRoutes } from './routes';

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

const bi = (es: string, en: string) => ({ es, en });

export const ME = {
  id: '6c0c7a4e-2222-4222-8222-222222222222',
  email: 'analista.mx@demo.amparo.example',
  displayName: 'Rocío Valdivia',
  locale: 'es',
  countryCode: 'MX',
  mfaEnabled: true,
  grants: [{ role: 'analyst', consulateId: null, countryCode: 'MX' }],
  permissions: ['directory:read', 'statistics:read', 'statistics:export'],
};

export const CODE_LISTS = {
  caseCategories: [{ code: 'trafficking', label: bi('Trata de personas', 'Human trafficking') }],
  vulnerabilityFlags: [],
  caseStatuses: [],
  riskLevels: [],
  closureReasons: [],
  actionTypes: [],
  placeTypes: [],
  sexes: [],
  documentTypes: [],
  genders: [{ code: 'woman', label: bi('Mujer', 'Woman') }],
  hostCountryRoles: [{ code: 'transit', label: bi('Tránsito', 'Transit') }],
};

const COUNTRIES = {
  items: [
    { code: 'MX', alpha3: 'MEX', numeric: '484', nameEs: 'México', nameEn: 'Mexico', member: true },
    {
      code: 'HN',
      alpha3: 'HND',
      numeric: '340',
      nameEs: 'Honduras',
      nameEn: 'Honduras',
      member: true,
    },
  ],
  nextCursor: null,
};

export interface Seen {
  method: string;
  path: string;
  search: string;
  body: unknown;
  authorization: string | null;
}

/**
 * A fake API: the directory and code lists every form needs, and `routes` for the rest (by
 * "METHOD path"); every request is recorded in `seen`.
 */
export function fakeApi(
  routes: Record<string, (request: Request) => Response | Promise<Response>>,
  seen: Seen[] = [],
) {
  answerWith(async (request) => {
    const url = new URL(request.url);
    const text = request.method === 'POST' ? await request.text() : '';
    seen.push({
      method: request.method,
      path: url.pathname,
      search: url.search,
      body: text ? JSON.parse(text) : undefined,
      authorization: request.headers.get('Authorization'),
    });
    const route = routes[`${request.method} ${url.pathname}`];
    if (route) return route(request);
    switch (url.pathname) {
      case '/api/v1/me':
        // The account's language is the one the test renders in (the app switches to it).
        return json({ ...ME, locale: i18n.language });
      case '/api/v1/code-lists':
        return json(CODE_LISTS);
      case '/api/v1/countries':
        return json(COUNTRIES);
      case '/api/v1/consulates':
        return json({ items: [], nextCursor: null });
      default:
        return json({ status: 404, code: 'ROUTE_NOT_FOUND', title: 'x', detail: 'x' }, 404);
    }
  });
  return seen;
}

/** The app's layout and these screens at `url`, signed in, in `language`. */
export async function renderAt(url: string, language: Language = 'es') {
  await i18n.changeLanguage(language);
  accessToken.set('access-1', 900);
  const router = createMemoryRouter(
    [
      {
        element: <AppLayout />,
        children: [{ element: <RequireSession />, children: statisticsRoutes }],
      },
    ],
    { initialEntries: [url] },
  );
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  return {
    router,
    ...render(
      <ThemeProvider theme={themeFor(language)}>
        <CssBaseline />
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </ThemeProvider>,
    ),
  };
}
