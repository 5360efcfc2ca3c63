import { Empty, Skeleton, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LinkButton } from '@/components/LinkButton';
import { QueryError } from '@/components/QueryError';
import { useCart } from '@/features/cart/api/get-cart';
import { CheckoutAddressStep } from '@/features/orders/components/CheckoutAddressStep';
import { PaymentPanel } from '@/features/orders/components/PaymentPanel';
import { useSession } from '@/lib/session';

/**
 * Checkout in two steps. Once the order exists its id goes into the URL (?order=), so a reload
 * during payment comes back to the payment step instead of an (emptied) cart.
 */
export default function CheckoutPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const orderId = params.get('order');
  const session = useSession();
  const cart = useCart();

  let body;
  if (orderId) {
    body = <PaymentPanel orderId={orderId} />;
  } else if (cart.isPending) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (cart.isError) {
    body = <QueryError error={cart.error} onRetry={() => void cart.refetch()} />;
  } else if (cart.data.items.length === 0) {
    body = (
      <Empty description={t('cart.empty')} data-testid="checkout-empty">
        <LinkButton to="/products" type="primary">
          {t('cart.goShopping')}
        </LinkButton>
      </Empty>
    );
  } else {
    body = (
      <CheckoutAddressStep
        lines={cart.data.items}
        subtotal={cart.data.subtotal}
        defaultAddress={session.user?.defaultAddress ?? undefined}
        onCreated={(order) => setParams({ order: order.id }, { replace: true })}
      />
    );
  }

  return (
    <div data-testid="checkout-page">
      <Typography.Title level={1} className="shop-page-title">
        {t('checkout.title')}
      </Typography.Title>
      <Steps
        current={orderId ? 1 : 0}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: t('checkout.stepAddress') }, { title: t('checkout.stepPayment') }, { title: t('checkout.stepDone') }]}
      />
      {body}
    </div>
  );
}
