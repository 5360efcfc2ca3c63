import { lazy } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageSkeleton } from '@/components/PageSkeleton';
import { loginPathFor } from '@/lib/safe-redirect';
import { useSession } from '@/lib/session';

// Its own chunk: antd's Result (with its illustrations) would otherwise weigh on every start-up.
const ForbiddenPage = lazy(() => import('./forbidden'));

/** Pages that need an account: visitors go to login and come back here afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isLoading) return <PageSkeleton />;
  if (!session.isAuthenticated) return <Navigate to={loginPathFor(location)} replace />;
  return <Outlet />;
}

/** Admin pages: a logged-in shopper gets a plain "not allowed", not a login loop. */
export function RequireAdmin() {
  const session = useSession();
  if (session.isLoading) return <PageSkeleton />;
  return session.isAdmin ? <Outlet /> : <ForbiddenPage />;
}
