import type { RouteObject } from 'react-router';

/** Statistics and exports, each page loaded when first opened. */
export const statisticsRoutes: RouteObject[] = [
  {
    path: '/statistics',
    lazy: async () => ({ Component: (await import('./statistics-page')).StatisticsPage }),
  },
  {
    path: '/statistics/exports',
    lazy: async () => ({ Component: (await import('./exports-page')).ExportsPage }),
  },
];
