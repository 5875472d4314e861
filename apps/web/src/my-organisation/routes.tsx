import type { RouteObject } from 'react-router';

/** An organisation focal point's screens: their organisation's entry, and its edit. */
export const myOrganisationRoutes: RouteObject[] = [
  {
    path: '/my-organisation',
    lazy: async () => ({
      Component: (await import('./my-organisation-page')).MyOrganisationPage,
    }),
  },
  {
    path: '/my-organisation/edit',
    lazy: async () => ({
      Component: (await import('./my-organisation-edit-page')).MyOrganisationEditPage,
    }),
  },
];
