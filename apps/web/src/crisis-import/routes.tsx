import type { RouteObject } from 'react-router';

/** The bulk import of a crisis event's roster, loaded when first opened. */
export const crisisImportRoutes: RouteObject[] = [
  {
    path: '/crisis/:id/import',
    lazy: async () => ({ Component: (await import('./import-page')).ImportPage }),
  },
];
