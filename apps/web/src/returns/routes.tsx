import type { RouteObject } from 'react-router';

/** The return screens, each loaded when first opened. */
export const returnsRoutes: RouteObject[] = [
  {
    path: '/returns',
    lazy: async () => ({ Component: (await import('./returns-list-page')).ReturnsListPage }),
  },
  {
    path: '/returns/new',
    lazy: async () => ({ Component: (await import('./plan-return-page')).PlanReturnPage }),
  },
  {
    path: '/returns/:id',
    lazy: async () => ({ Component: (await import('./movement-page')).MovementPage }),
  },
];
