import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout, useSession } from '@/lib/session';
import { ACCOUNT_NAV, MAIN_NAV, visibleItems } from './nav-items';

/** Desktop: the signed-in user's name, opening their links (and admin's) and log out. */
export default function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  if (!session.user) return null;

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
