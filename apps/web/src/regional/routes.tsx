import type { RouteObject } from 'react-router';

/** The network secretariat's workspace, loaded when first opened. */
export const regionalRoutes: RouteObject[] = [
  {
    path: '/regional',
    lazy: async () => ({ Component: (await import('./regional-page')).RegionalPage }),
  },
];
