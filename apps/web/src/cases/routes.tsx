import type { RouteObject } from 'react-router';

/** The case screens, each loaded when first opened. */
export const casesRoutes: RouteObject[] = [
  {
    path: '/cases',
    lazy: async () => ({ Component: (await import('./list/case-list-page')).CaseListPage }),
  },
  {
    path: '/cases/new',
    lazy: async () => ({ Component: (await import('./intake/intake-page')).IntakePage }),
  },
  {
    path: '/cases/:id',
    lazy: async () => ({ Component: (await import('./page/case-page')).CasePage }),
  },
  {
    path: '/cases/:id/refer',
    lazy: async () => ({ Component: (await import('./cooperation/refer-page')).ReferPage }),
  },
];
