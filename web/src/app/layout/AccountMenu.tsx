import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { LinkButton } from '@/components/LinkButton';
import { useLogout, useSession } from '@/lib/session';
import { ACCOUNT_NAV, MAIN_NAV, visibleItems } from './nav-items';

/** Desktop: the user's name opening their links, or log in / register for a visitor. */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
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

  const adminLinks = visibleItems(MAIN_NAV, session.isAdmin).filter((item) => item.adminOnly);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...ACCOUNT_NAV.map((item) => ({ key: item.to, label: <Link to={item.to} data-testid={`menu-${item.testId}`}>{t(item.labelKey)}</Link> })),
          ...(adminLinks.length
            ? [{ type: 'divider' as const }, ...adminLinks.map((item) => ({ key: item.to, label: <Link to={item.to} data-testid={`menu-${item.testId}`}>{t(item.labelKey)}</Link> }))]
            : []),
          { type: 'divider' as const },
          {
            key: 'logout',
            label: <span data-testid="logout">{t('auth.logout')}</span>,
            onClick: () => {
              logout();
              void navigate('/');
            },
          },
        ],
      }}
    >
      <Button type="text" data-testid="account-menu" data-role={session.user.role}>
        <Space size={4}>
          <UserOutlined />
          <span className="shop-account-name">{session.user.name}</span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}
