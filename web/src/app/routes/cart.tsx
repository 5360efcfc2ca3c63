import { useTranslation } from 'react-i18next';
import { CartView } from '@/features/cart/components/CartView';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function CartPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('cart.title'));
  return (
    <div data-testid="cart-page">
      {/* As antd's Typography draws a title (first-screen.css), without it in the page's download. */}
      <h1 className="shop-page-title shop-pre-heading">{t('cart.title')}</h1>
      <CartView />
    </div>
  );
}
