import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CartView } from '@/features/cart/components/CartView';

export default function CartPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="cart-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('cart.title')}
      </Typography.Title>
      <CartView />
    </div>
  );
}
