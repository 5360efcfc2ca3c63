import { Card, Empty, Pagination, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LinkButton } from '@/components/LinkButton';
import { OrderStatusTag } from '@/components/OrderStatusTag';
import { Price } from '@/components/Price';
import { QueryError } from '@/components/QueryError';
import { formatDateTime } from '@/lib/format-date';
import { orderNumber } from '@/lib/order-number';
import type { Order } from '@/types/api';
import { useOrders } from '../api/get-orders';

const PAGE_SIZE = 10;

function itemsSummary(order: Order, t: (key: string, options?: Record<string, unknown>) => string): string {
  const [first, ...rest] = order.items;
  if (!first) return '';
  const head = `${first.name} × ${first.quantity}`;
  return rest.length ? t('orders.andMore', { first: head, count: rest.length }) : head;
}

/** The shopper's orders, newest first, as cards: one layout that reads well on phone and desktop. */
export function OrderList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const orders = useOrders(page, PAGE_SIZE);

  if (orders.isPending) return <Skeleton active paragraph={{ rows: 8 }} data-testid="orders-loading" />;
  if (orders.isError) return <QueryError error={orders.error} onRetry={() => void orders.refetch()} />;
  if (orders.data.items.length === 0) {
    return (
      <Empty description={t('orders.empty')} data-testid="orders-empty">
        <LinkButton to="/products" type="primary">
          {t('cart.goShopping')}
        </LinkButton>
      </Empty>
    );
  }

  return (
    <div data-testid="order-list">
      {orders.data.items.map((order) => (
        <Card
          key={order.id}
          size="small"
          style={{ marginBottom: 12 }}
          data-testid="order-row"
          data-order-id={order.id}
          data-status={order.status}
          title={
            <span style={{ fontWeight: 'normal' }}>
              {formatDateTime(order.createdAt)}
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }} copyable={{ text: order.id }}>
                {t('orders.number')}: {orderNumber(order.id)}
              </Typography.Text>
            </span>
          }
          extra={<OrderStatusTag status={order.status} />}
        >
          <div className="shop-summary-row" style={{ flexWrap: 'wrap', gap: 8 }}>
            <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
              {itemsSummary(order, t)}
            </Typography.Text>
            <span style={{ display: 'flex', gap: 12, alignItems: 'center', marginLeft: 'auto' }}>
              <Price fen={order.total} strong />
              <Link to={`/account/orders/${order.id}`} data-testid="order-details-link">
                {t('orders.details')}
              </Link>
            </span>
          </div>
        </Card>
      ))}
      {orders.data.total > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 16, justifyContent: 'center' }}
          current={page}
          pageSize={PAGE_SIZE}
          total={orders.data.total}
          onChange={(next) => setParams(next > 1 ? { page: String(next) } : {})}
        />
      )}
    </div>
  );
}
