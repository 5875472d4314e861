import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './session';

/** Screens behind it need a session; without one the user signs in and comes back. */
export function RequireSession() {
  const { signedIn } = useSession();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}
