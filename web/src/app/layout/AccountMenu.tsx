import { Space } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { LinkButton } from '@/components/LinkButton';
import { useSession } from '@/lib/session';

const UserMenu = lazy(() => import('./UserMenu'));

/** Desktop: the user's name opening their links, or log in / register for a visitor. */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();

  if (!session.user) {
    const back = location.pathname.startsWith('/login') || location.pathname.startsWith('/register') ? '' : `?redirect=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <Space size={4}>
        <LinkButton to={`/login${back}`} type="text" data-testid="header-login">
          {t('auth.login')}
        </LinkButton>
        <LinkButton to="/register" type="primary" ghost data-testid="header-register">
          {t('auth.register')}
        </LinkButton>
      </Space>
    );
  }

  // The signed-in menu (a dropdown) loads on its own: a visitor's first page does not need it.
  return (
    <Suspense fallback={<span className="shop-account-name">{session.user.name}</span>}>
      <UserMenu />
    </Suspense>
  );
}
