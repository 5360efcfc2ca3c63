import { Layout } from 'antd';
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
  const active = activeKey(items, location.pathname);

  return (
    <Layout.Header className="shop-header" data-testid="app-header">
      {isMobile && <MobileNav />}
      <Link to="/" className="shop-logo" data-testid="logo">
        {t('app.name')}
      </Link>
      {!isMobile && (
        // Plain links styled as antd's horizontal menu (styles.css): the same markup as the server's
        // first screen, and no menu component (with its overflow and popup machinery) on every page.
        <nav className="shop-nav" aria-label={t('nav.main')}>
          {items.map((item) => (
            <Link key={item.to} to={item.to} data-testid={item.testId} aria-current={item.to === active ? 'page' : undefined}>
              {t(item.labelKey)}
            </Link>
          ))}
        </nav>
      )}
      <div className="shop-header-right">
        {!isMobile && <LanguageSwitch />}
        <CartBadge />
        {!isMobile && <AccountMenu />}
      </div>
    </Layout.Header>
  );
}
