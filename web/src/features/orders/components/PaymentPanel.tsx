import { CreditCardOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '@/components/LinkButton';
import { QueryError } from '@/components/QueryError';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format-date';
import { formatFen } from '@/lib/money';
import { errorMessage } from '@/lib/problem';
import { useOrder } from '../api/get-order';
import { usePayOrder } from '../api/pay-order';
import { CheckoutSummary } from './CheckoutSummary';

const CARD_NUMBER = /^\d{12,19}$/;
const digitsOnly = (value: string) => value.replace(/[\s-]/g, '');

/** Step 2 of checkout (and "pay now" from an order): the simulated card payment. */
export function PaymentPanel({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const order = useOrder(orderId);
  const pay = usePayOrder();
  const [form] = Form.useForm<{ cardNumber: string }>();
  const [failure, setFailure] = useState<{ declined: boolean; message: string }>();

  if (order.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (order.isError) {
    if (order.error instanceof ApiError && order.error.status === 404) {
      return <Result status="404" title={t('orders.notFound')} extra={<Link to="/account/orders">{t('orders.myOrders')}</Link>} />;
    }
    return <QueryError error={order.error} onRetry={() => void order.refetch()} />;
  }

  const current = order.data;
  const viewOrder = (
    <LinkButton to={`/account/orders/${current.id}`} key="view" type="primary" data-testid="view-order">
      {t('checkout.viewOrder')}
    </LinkButton>
  );

  if (current.status === 'Cancelled' || current.status === 'Refunded') {
    return <Result status="warning" title={t('checkout.orderClosed')} subTitle={t(`orderStatus.${current.status}`)} extra={[viewOrder]} data-testid="payment-closed" />;
  }
  if (current.status !== 'PendingPayment') {
    return (
      <Result
        status="success"
        data-testid="payment-success"
        data-order-id={current.id}
        title={t('checkout.paid')}
        subTitle={current.payment ? t('checkout.paidWith', { last4: current.payment.last4 }) : undefined}
        extra={[
          viewOrder,
          <LinkButton to="/products" key="shop">
            {t('checkout.continueShopping')}
          </LinkButton>,
        ]}
      />
    );
  }

  const onFinish = ({ cardNumber }: { cardNumber: string }) => {
    setFailure(undefined);
    pay.mutate(
      { orderId: current.id, cardNumber: digitsOnly(cardNumber) },
      {
        onError: (error) => {
          // The two answers a shopper meets most get the page's language, not the API's English.
          if (error instanceof ApiError && error.status === 402) {
            setFailure({ declined: true, message: t('checkout.declinedDetail') });
            return;
          }
          if (error instanceof ApiError && error.status === 400) {
            form.setFields([{ name: 'cardNumber', errors: [t('checkout.cardInvalid')] }]);
            return;
          }
          if (error instanceof ApiError && error.status === 409) void order.refetch(); // paid elsewhere, or expired
          setFailure({ declined: false, message: errorMessage(error, t) });
        },
      },
    );
  };

  return (
    <div className="shop-checkout">
      <Card title={t('checkout.payment')} size="small" data-testid="payment-panel" data-order-id={current.id}>
        <Typography.Paragraph type="secondary">
          {t('checkout.payBefore', { time: formatDateTime(current.paymentDeadline) })}
        </Typography.Paragraph>
        {failure && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            data-testid={failure.declined ? 'payment-declined' : 'payment-error'}
            title={failure.declined ? t('checkout.declined') : t('checkout.paymentFailed')}
            description={failure.declined ? `${failure.message} ${t('checkout.tryAnotherCard')}` : failure.message}
          />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={() => setFailure(undefined)} requiredMark={false}>
          <Form.Item
            name="cardNumber"
            label={t('checkout.cardNumber')}
            normalize={(value: string) => value.replace(/[^\d\s-]/g, '')}
            rules={[
              { required: true, message: t('checkout.cardRequired') },
              { validator: (_, value: string | undefined) => (!value || CARD_NUMBER.test(digitsOnly(value)) ? Promise.resolve() : Promise.reject(new Error(t('checkout.cardInvalid')))) },
            ]}
            extra={t('checkout.testCards')}
          >
            <Input prefix={<CreditCardOutlined />} inputMode="numeric" autoComplete="cc-number" placeholder="4242 4242 4242 4242" maxLength={23} data-testid="card-number" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={pay.isPending} data-testid="pay-button">
            {t('checkout.payAmount', { amount: formatFen(current.total) })}
          </Button>
        </Form>
      </Card>
      <CheckoutSummary lines={current.items} subtotal={current.subtotal} shippingFee={current.shippingFee} total={current.total} />
    </div>
  );
}
