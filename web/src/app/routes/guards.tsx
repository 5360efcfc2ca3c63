import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LinkButton } from '@/components/LinkButton';
import { PageSkeleton } from '@/components/PageSkeleton';
import { loginPathFor } from '@/lib/safe-redirect';
import { useSession } from '@/lib/session';

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
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <PageSkeleton />;
  if (!session.isAdmin) {
    return (
      <Result
        status="403"
        title={t('errors.forbiddenTitle')}
        subTitle={t('errors.forbidden')}
        extra={
          <LinkButton to="/" type="primary">
            {t('nav.home')}
          </LinkButton>
        }
        data-testid="forbidden"
      />
    );
  }
  return <Outlet />;
}
