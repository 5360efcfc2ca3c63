import { Button, Card, Descriptions, Popconfirm, Result, Skeleton, Space, Table, Typography, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { OrderStatusTag } from '@/components/OrderStatusTag';
import { OrderTimeline } from '@/components/OrderTimeline';
import { Price } from '@/components/Price';
import { QueryError } from '@/components/QueryError';
import { ApiError } from '@/lib/api-client';
import { useFeedback } from '@/lib/feedback';
import { formatDateTime } from '@/lib/format-date';
import { orderNumber } from '@/lib/order-number';
import { errorMessage } from '@/lib/problem';
import type { Order, OrderLine } from '@/types/api';
import { useCancelOrder } from '../api/cancel-order';
import { useOrder } from '../api/get-order';

const CANCELLABLE = new Set(['PendingPayment', 'Paid']);

interface OrderDetailViewProps {
  orderId: string;
  /** What a line offers beside it (the reviews feature's "write a review"), supplied by the page. */
  renderLineAction?: (order: Order, line: OrderLine) => ReactNode;
}

export function OrderDetailView({ orderId, renderLineAction }: OrderDetailViewProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const order = useOrder(orderId);
  const cancel = useCancelOrder();

  if (order.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (order.isError) {
    if (order.error instanceof ApiError && order.error.status === 404) {
      return <Result status="404" title={t('orders.notFound')} extra={<Link to="/account/orders">{t('orders.myOrders')}</Link>} data-testid="order-not-found" />;
    }
    return <QueryError error={order.error} onRetry={() => void order.refetch()} />;
  }

  const o = order.data;
  const address = o.shippingAddress;
  const onCancel = () =>
    cancel.mutate(o.id, {
      onSuccess: (updated) => void message.success(updated.status === 'Refunded' ? t('orders.refunded') : t('orders.cancelled')),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  return (
    <div data-testid="order-detail" data-order-id={o.id} data-status={o.status}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('orders.orderNumber', { id: orderNumber(o.id) })}
          </Typography.Title>
          <OrderStatusTag status={o.status} />
        </Space>
        <Space wrap>
          {o.status === 'PendingPayment' && (
            <Button type="primary" onClick={() => void navigate(`/checkout?order=${encodeURIComponent(o.id)}`)} data-testid="pay-now">
              {t('orders.payNow')}
            </Button>
          )}
          {CANCELLABLE.has(o.status) && (
            <Popconfirm
              title={o.status === 'Paid' ? t('orders.confirmRefund') : t('orders.confirmCancel')}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={onCancel}
              okButtonProps={{ 'data-testid': 'cancel-order-confirm' } as ButtonProps}
            >
              <Button danger loading={cancel.isPending} data-testid="cancel-order">
                {o.status === 'Paid' ? t('orders.cancelAndRefund') : t('orders.cancel')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>

      <div className="shop-order-detail">
        <div>
          <Card size="small" title={t('orders.items')} style={{ marginBottom: 16 }}>
            <Table<OrderLine>
              size="small"
              rowKey="productId"
              pagination={false}
              dataSource={o.items}
              columns={[
                {
                  title: t('orders.product'),
                  dataIndex: 'name',
                  render: (name: string, line) => (
                    <>
                      <Link to={`/products/${line.productId}`}>{name}</Link>
                      {renderLineAction && <div style={{ marginTop: 4 }}>{renderLineAction(o, line)}</div>}
                    </>
                  ),
                },
                // On a phone the unit price gives way, so that the line total fits beside the name.
                { title: t('cart.unitPrice'), dataIndex: 'unitPrice', align: 'right', responsive: ['sm'], render: (fen: number) => <Price fen={fen} size="small" /> },
                { title: t('cart.quantity'), dataIndex: 'quantity', align: 'right' },
                { title: t('orders.lineTotal'), dataIndex: 'lineTotal', align: 'right', render: (fen: number) => <Price fen={fen} size="small" /> },
              ]}
            />
            <div style={{ maxWidth: 320, marginLeft: 'auto', marginTop: 12 }}>
              <div className="shop-summary-row">
                <span>{t('cart.subtotal')}</span>
                <Price fen={o.subtotal} />
              </div>
              <div className="shop-summary-row">
                <span>{t('checkout.shipping')}</span>
                {o.shippingFee === 0 ? <Typography.Text type="success">{t('checkout.freeShipping')}</Typography.Text> : <Price fen={o.shippingFee} />}
              </div>
              <div className="shop-summary-row">
                <Typography.Text strong>{t('checkout.total')}</Typography.Text>
                <Price fen={o.total} strong size="large" testId="order-total" />
              </div>
            </div>
          </Card>
          <Card size="small" title={t('orders.info')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'created', label: t('orders.createdAt'), children: formatDateTime(o.createdAt) },
                ...(o.status === 'PendingPayment' ? [{ key: 'deadline', label: t('orders.payBefore'), children: formatDateTime(o.paymentDeadline) }] : []),
                {
                  key: 'address',
                  label: t('checkout.shippingAddress'),
                  children: (
                    <span data-testid="order-address">
                      {address.name}, {address.phone}
                      <br />
                      {[address.province, address.city, address.line1, address.postalCode].filter(Boolean).join(' ')}
                    </span>
                  ),
                },
                ...(o.note ? [{ key: 'note', label: t('checkout.note'), children: o.note }] : []),
                ...(o.payment
                  ? [{ key: 'payment', label: t('orders.payment'), children: t('orders.paidByCard', { last4: o.payment.last4, time: formatDateTime(o.payment.paidAt) }) }]
                  : []),
                ...(o.shipment
                  ? [
                      {
                        key: 'shipment',
                        label: t('orders.shipment'),
                        children: `${t('common.shipmentLine', { carrier: o.shipment.carrier, trackingNumber: o.shipment.trackingNumber })} · ${formatDateTime(o.shipment.shippedAt)}`,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </div>
        <Card size="small" title={t('orders.timeline')}>
          <OrderTimeline order={o} />
        </Card>
      </div>
    </div>
  );
}
