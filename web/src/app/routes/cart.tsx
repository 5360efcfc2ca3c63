import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CartView } from '@/features/cart/components/CartView';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function CartPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('cart.title'));
  return (
    <div data-testid="cart-page">
      <Typography.Title level={1} className="shop-page-title">
        {t('cart.title')}
      </Typography.Title>
      <CartView />
    </div>
  );
}
