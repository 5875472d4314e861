import { createBrowserRouter } from 'react-router';
import { adminRoutes } from '../admin/routes';
import { directoryRoutes } from '../directory/routes';
import { AccountPage } from './account-page';
import { AppLayout } from './app-layout';
import { HomePage } from './home-page';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';
import { SignInPage } from './sign-in/sign-in-page';

/**
 * Every path of the app; the API answers each of them with index.html (apps/api/src/web). A
 * screen's folder exports its routes (pages lazy-loaded, so the first load stays small) and they
 * are listed under RequireSession.
 */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/account', element: <AccountPage /> },
          ...directoryRoutes,
          ...adminRoutes,
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
