import { createBrowserRouter } from 'react-router';
import { adminRoutes } from '../admin/routes';
import { assistanceRoutes } from '../assistance/routes';
import { crisisRoutes } from '../crisis/routes';
import { directoryRoutes } from '../directory/routes';
import { casesRoutes } from '../cases/routes';
import { crisisImportRoutes } from '../crisis-import/routes';
import { dashboardRoutes } from '../dashboard/routes';
import { myOrganisationRoutes } from '../my-organisation/routes';
import { practicesRoutes } from '../practices/routes';
import { queueRoutes } from '../queue/routes';
import { AccountPage } from './account-page';
import { ActivatePage } from './activate-page';
import { AppLayout } from './app-layout';
import { HomePage } from './home-page';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';
import { SignInPage } from './sign-in/sign-in-page';
import { statisticsRoutes } from '../statistics/routes';
import { returnsRoutes } from '../returns/routes';
import { regionalRoutes } from '../regional/routes';
import { transfersRoutes } from '../transfers/routes';

/**
 * Every path of the app; the API answers each of them with index.html (apps/api/src/web). A
 * screen's folder exports its routes (pages lazy-loaded, so the first load stays small) and they
 * are listed under RequireSession.
 */
export const createRouter = () =>
  createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { path: '/sign-in', element: <SignInPage /> },
        { path: '/activate', element: <ActivatePage /> },
        {
          element: <RequireSession />,
          children: [
            { path: '/', element: <HomePage /> },
            { path: '/account', element: <AccountPage /> },
            ...queueRoutes,
            ...casesRoutes,
            ...assistanceRoutes,
            ...transfersRoutes,
            ...crisisRoutes,
            ...crisisImportRoutes,
            ...returnsRoutes,
            ...regionalRoutes,
            ...dashboardRoutes,
            ...practicesRoutes,
            ...statisticsRoutes,
            ...directoryRoutes,
            ...adminRoutes,
            ...myOrganisationRoutes,
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
