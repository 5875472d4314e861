import { createBrowserRouter } from 'react-router';
import { AccountPage } from './account-page';
import { ActivatePage } from './activate-page';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';
import { SignInPage } from './sign-in/sign-in-page';

/** Every path of the app; the API answers each of them with index.html (apps/api/src/web). */
export const createRouter = () =>
  createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { path: '/sign-in', element: <SignInPage /> },
        { path: '/activate', element: <ActivatePage /> },
        { element: <RequireSession />, children: [{ path: '/', element: <AccountPage /> }] },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
