import type { RouteObject } from 'react-router';

/** The cooperation screens (transfers between posts, the post's referrals), each loaded when first opened. */
export const transfersRoutes: RouteObject[] = [
  {
    path: '/cooperation',
    lazy: async () => ({ Component: (await import('./cooperation-page')).CooperationPage }),
  },
  {
    path: '/transfers',
    lazy: async () => ({ Component: (await import('./transfers-page')).TransfersPage }),
  },
  {
    path: '/referrals',
    lazy: async () => ({ Component: (await import('./referrals-list-page')).ReferralsListPage }),
  },
];
