import { Button, Divider, Drawer, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { LinkButton } from '@/components/LinkButton';
import { useLogout, useSession } from '@/lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { ACCOUNT_NAV, activeKey, MAIN_NAV, visibleItems } from './nav-items';

/** The phone's menu: the header's links, the language, and log in / out. */
export default function MobileNavDrawer({ open, onClose: close }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();

  const items = [
    ...visibleItems(MAIN_NAV, session.isAdmin),
    ...(session.user ? ACCOUNT_NAV : []),
  ];

  return (
    <Drawer open={open} onClose={close} placement="left" size={280} title={t('app.name')} data-testid="mobile-menu">
      <Menu
        mode="inline"
        selectedKeys={[activeKey(items, location.pathname) ?? '']}
        style={{ borderInlineEnd: 'none' }}
        onClick={close}
        items={items.map((item) => ({ key: item.to, label: <Link to={item.to} data-testid={`drawer-${item.testId}`}>{t(item.labelKey)}</Link> }))}
      />
      <Divider />
      <div style={{ padding: '0 16px', display: 'grid', gap: 16 }}>
        <LanguageSwitch />
        {session.user ? (
          <Button
            block
            onClick={() => {
              close();
              logout();
              void navigate('/');
            }}
            data-testid="drawer-logout"
          >
            {t('auth.logout')}
          </Button>
        ) : (
          <>
            <LinkButton to="/login" type="primary" block onClick={close} data-testid="drawer-login">
              {t('auth.login')}
            </LinkButton>
            <LinkButton to="/register" block onClick={close} data-testid="drawer-register">
              {t('auth.register')}
            </LinkButton>
          </>
        )}
      </div>
    </Drawer>
  );
}
