import { ShoppingCartOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCart } from '../api/get-cart';

export function CartBadge() {
  const { t } = useTranslation();
  const cart = useCart();
  const count = cart.data?.itemCount ?? 0;
  return (
    <Link to="/cart" aria-label={t('nav.cartWithCount', { count })} data-testid="cart-badge" data-count={count} className="shop-header-icon">
      <Badge count={count} size="small" overflowCount={99}>
        <ShoppingCartOutlined style={{ fontSize: 22 }} />
      </Badge>
    </Link>
  );
}
