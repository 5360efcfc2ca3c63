import { Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { CartBadge } from '@/features/cart/components/CartBadge';
import { useIsMobile } from '@/lib/use-is-mobile';
import { useSession } from '@/lib/session';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { MobileNav } from './MobileNav';
import { activeKey, MAIN_NAV, visibleItems } from './nav-items';

export function AppHeader() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const session = useSession();
  const location = useLocation();
  const items = visibleItems(MAIN_NAV, session.isAdmin);

  return (
    <Layout.Header className="shop-header" data-testid="app-header">
      {isMobile && <MobileNav />}
      <Link to="/" className="shop-logo" data-testid="logo">
        {t('app.name')}
      </Link>
      {!isMobile && (
        <Menu
          mode="horizontal"
          className="shop-header-menu"
          selectedKeys={[activeKey(items, location.pathname) ?? '']}
          items={items.map((item) => ({ key: item.to, label: <Link to={item.to} data-testid={item.testId}>{t(item.labelKey)}</Link> }))}
        />
      )}
      <div className="shop-header-right">
        {!isMobile && <LanguageSwitch />}
        <CartBadge />
        {!isMobile && <AccountMenu />}
      </div>
    </Layout.Header>
  );
}
