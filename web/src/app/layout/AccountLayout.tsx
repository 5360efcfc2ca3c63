import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { VerifyEmailBanner } from '@/features/auth/components/VerifyEmailBanner';
import { ACCOUNT_NAV, activeKey } from './nav-items';

/** The personal center's tabs: profile and orders. */
export function AccountLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div data-testid="account-layout">
      {/* The page's heading for screen readers; the tabs below say the same to the eye. */}
      <h1 className="shop-visually-hidden">{t('nav.account')}</h1>
      <Menu
        mode="horizontal"
        selectedKeys={[activeKey(ACCOUNT_NAV, location.pathname) ?? '']}
        style={{ marginBottom: 16, background: 'transparent' }}
        items={ACCOUNT_NAV.map((item) => ({ key: item.to, label: <Link to={item.to} data-testid={`tab-${item.testId}`}>{t(item.labelKey)}</Link> }))}
      />
      <VerifyEmailBanner />
      <Outlet />
    </div>
  );
}
