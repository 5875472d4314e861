import type { RouteObject } from 'react-router';

/** The good-practice catalogue's screens, each loaded when first opened. */
export const practicesRoutes: RouteObject[] = [
  {
    path: '/practices',
    lazy: async () => ({ Component: (await import('./catalogue-page')).CataloguePage }),
  },
  {
    path: '/practices/review',
    lazy: async () => ({ Component: (await import('./review-queue-page')).ReviewQueuePage }),
  },
  {
    path: '/practices/matrix',
    lazy: async () => ({ Component: (await import('./matrix-page')).MatrixPage }),
  },
  {
    path: '/practices/new',
    lazy: async () => ({ Component: (await import('./practice-form-page')).PracticeFormPage }),
  },
  {
    path: '/practices/:id/edit',
    lazy: async () => ({ Component: (await import('./practice-form-page')).PracticeFormPage }),
  },
  {
    path: '/practices/:id',
    lazy: async () => ({ Component: (await import('./practice-page')).PracticePage }),
  },
];
