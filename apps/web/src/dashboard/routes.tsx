import type { RouteObject } from 'react-router';

/** The supervisor's dashboard, loaded when first opened (its chart later still, on its own). */
export const dashboardRoutes: RouteObject[] = [
  {
    path: '/dashboard',
    lazy: async () => ({ Component: (await import('./dashboard-page')).DashboardPage }),
  },
];
