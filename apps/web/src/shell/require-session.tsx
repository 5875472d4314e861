import { Navigate, Outlet, useLocation } from 'react-router';
import { IdleSignOut } from './idle-sign-out';
import { RestoringSession } from './restoring-session';
import { useSession } from './session';

/** Screens behind it need a session; without one the user signs in and comes back to the same URL. */
export function RequireSession() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <RestoringSession />;
  if (status === 'signed-out') {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/sign-in" replace state={{ from }} />;
  }
  return (
    <>
      <IdleSignOut />
      <Outlet />
    </>
  );
}
