import type { RouteObject } from 'react-router';

/** The network secretariat's workspace and the regional observatory, loaded when first opened. */
export const regionalRoutes: RouteObject[] = [
  {
    path: '/regional',
    lazy: async () => ({ Component: (await import('./regional-page')).RegionalPage }),
  },
  {
    path: '/regional/observatory',
    lazy: async () => ({ Component: (await import('./observatory-page')).ObservatoryPage }),
  },
];
