import type { RouteObject } from 'react-router';

/** The crisis screens, each loaded when first opened (the import screen is crisis-import's). */
export const crisisRoutes: RouteObject[] = [
  {
    path: '/crisis',
    lazy: async () => ({ Component: (await import('./events-page')).EventsPage }),
  },
  {
    path: '/crisis/:id',
    lazy: async () => ({ Component: (await import('./event-page')).EventPage }),
  },
  {
    path: '/crisis/:id/intake',
    lazy: async () => ({ Component: (await import('./intake-page')).IntakePage }),
  },
  {
    path: '/crisis/:id/roster',
    lazy: async () => ({ Component: (await import('./roster-page')).RosterPage }),
  },
  {
    path: '/crisis/:id/enquiries',
    lazy: async () => ({ Component: (await import('./enquiries-page')).EnquiriesPage }),
  },
  {
    path: '/crisis/:id/movements',
    lazy: async () => ({ Component: (await import('./movements-page')).MovementsPage }),
  },
  {
    path: '/crisis/:id/movements/:movementId',
    lazy: async () => ({ Component: (await import('./movement-page')).MovementPage }),
  },
];
