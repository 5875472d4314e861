import type { RouteObject } from 'react-router';

/** The mutual assistance screens, each loaded when first opened. */
export const assistanceRoutes: RouteObject[] = [
  {
    path: '/assistance',
    lazy: async () => ({
      Component: (await import('./assistance-list-page')).AssistanceListPage,
    }),
  },
  {
    path: '/assistance/:id',
    lazy: async () => ({
      Component: (await import('./assistance-detail-page')).AssistanceDetailPage,
    }),
  },
];
