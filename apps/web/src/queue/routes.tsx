import type { RouteObject } from 'react-router';

/** The work queue: the landing page of officers and consuls, loaded when first opened. */
export const queueRoutes: RouteObject[] = [
  { path: '/queue', lazy: async () => ({ Component: (await import('./queue-page')).QueuePage }) },
];
