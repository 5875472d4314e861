import { Navigate, type RouteObject } from 'react-router';
import { DirectoryLayout } from './directory-layout';

/** The directory's screens, each page loaded when first opened. */
export const directoryRoutes: RouteObject[] = [
  {
    path: '/directory',
    element: <DirectoryLayout />,
    children: [
      { index: true, element: <Navigate to="consulates" replace /> },
      {
        path: 'consulates',
        lazy: async () => ({
          Component: (await import('./consulates/consulates-page')).ConsulatesPage,
        }),
      },
      {
        path: 'consulates/new',
        lazy: async () => ({
          Component: (await import('./consulates/consulate-form-page')).ConsulateFormPage,
        }),
      },
      {
        path: 'consulates/:id',
        lazy: async () => ({
          Component: (await import('./consulates/consulate-page')).ConsulatePage,
        }),
      },
      {
        path: 'consulates/:id/edit',
        lazy: async () => ({
          Component: (await import('./consulates/consulate-form-page')).ConsulateFormPage,
        }),
      },
      {
        path: 'officials',
        lazy: async () => ({
          Component: (await import('./officials/officials-page')).OfficialsPage,
        }),
      },
      {
        path: 'officials/new',
        lazy: async () => ({
          Component: (await import('./officials/official-form-page')).OfficialFormPage,
        }),
      },
      {
        path: 'officials/:id',
        lazy: async () => ({ Component: (await import('./officials/official-page')).OfficialPage }),
      },
      {
        path: 'officials/:id/edit',
        lazy: async () => ({
          Component: (await import('./officials/official-form-page')).OfficialFormPage,
        }),
      },
      {
        path: 'organisations',
        lazy: async () => ({
          Component: (await import('./organisations/organisations-page')).OrganisationsPage,
        }),
      },
      {
        path: 'organisations/new',
        lazy: async () => ({
          Component: (await import('./organisations/organisation-form-page')).OrganisationFormPage,
        }),
      },
      {
        path: 'organisations/:id',
        lazy: async () => ({
          Component: (await import('./organisations/organisation-page')).OrganisationPage,
        }),
      },
      {
        path: 'organisations/:id/edit',
        lazy: async () => ({
          Component: (await import('./organisations/organisation-form-page')).OrganisationFormPage,
        }),
      },
    ],
  },
];
