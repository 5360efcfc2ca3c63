import { Button, Input, Popconfirm, Select, Space, Table, Typography, type ButtonProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OrderStatusTag } from '@/components/OrderStatusTag';
import { OrderTimeline } from '@/components/OrderTimeline';
import { Price } from '@/components/Price';
import { QueryError } from '@/components/QueryError';
import { useFeedback } from '@/lib/feedback';
import { formatDateTime } from '@/lib/format-date';
import { orderNumber } from '@/lib/order-number';
import { errorMessage } from '@/lib/problem';
import { ORDER_STATUSES, type Order, type OrderStatus } from '@/types/api';
import { useDeliverOrder } from '../api/deliver-order';
import { ADMIN_ORDER_SORTS, type AdminOrderSort, useAdminOrders } from '../api/get-admin-orders';
import { useRefundOrder } from '../api/refund-order';
import { ShipOrderModal } from './ShipOrderModal';

const PAGE_SIZE = 20;

function OrderExpansion({ order }: { order: Order }) {
  const { t } = useTranslation();
  const a = order.shippingAddress;
  return (
    <div className="shop-order-detail">
      <div>
        {order.items.map((line) => (
          <div key={line.productId} className="shop-summary-row">
            <span>
              {line.name} × {line.quantity}
            </span>
            <Price fen={line.lineTotal} size="small" />
          </div>
        ))}
        <div className="shop-summary-row">
          <span>{t('checkout.shipping')}</span>
          <Price fen={order.shippingFee} size="small" />
        </div>
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {a.name}, {a.phone}
          <br />
          {[a.province, a.city, a.line1, a.postalCode].filter(Boolean).join(' ')}
        </Typography.Paragraph>
        {order.note && <Typography.Paragraph type="secondary">{order.note}</Typography.Paragraph>}
      </div>
      <OrderTimeline order={order} />
    </div>
  );
}

export function AdminOrdersView() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = ORDER_STATUSES.includes(statusParam as OrderStatus) ? (statusParam as OrderStatus) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const search = params.get('search')?.trim() || undefined;
  const sortParam = params.get('sort') as AdminOrderSort | null;
  const sort = sortParam && ADMIN_ORDER_SORTS.includes(sortParam) ? sortParam : undefined;
  const orders = useAdminOrders({ status, search, sort, page, pageSize: PAGE_SIZE });
  const deliver = useDeliverOrder();
  const refund = useRefundOrder();
  const [shipping, setShipping] = useState<Order>();

  // Every filter lives in the URL; changing one goes back to page 1.
  const setQuery = (next: { status?: OrderStatus; search?: string; sort?: AdminOrderSort; page?: number }) => {
    const query = new URLSearchParams();
    if (next.status) query.set('status', next.status);
    if (next.search) query.set('search', next.search);
    if (next.sort) query.set('sort', next.sort);
    if (next.page && next.page > 1) query.set('page', String(next.page));
    setParams(query);
  };
  const current = { status, search, sort };
  const feedback = (success: string) => ({
    onSuccess: () => void message.success(success),
    onError: (error: unknown) => void message.error(errorMessage(error, t)),
  });

  return (
    <div data-testid="admin-orders">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('admin.orders')}
        </Typography.Title>
        <Select
          allowClear
          virtual={false}
          placeholder={t('admin.allStatuses')}
          aria-label={t('admin.statusFilter')}
          value={status}
          onChange={(value?: OrderStatus) => setQuery({ ...current, status: value })}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`), 'data-testid': `status-option-${s}` }))}
          style={{ width: 180 }}
          data-testid="admin-order-status-filter"
        />
        <Input.Search
          allowClear
          defaultValue={search}
          key={search ?? ''}
          placeholder={t('admin.orderSearch')}
          aria-label={t('admin.orderSearch')}
          onSearch={(value) => setQuery({ ...current, search: value.trim() || undefined })}
          style={{ width: 280 }}
          data-testid="admin-order-search"
        />
        <Select
          virtual={false}
          aria-label={t('admin.orderSort')}
          value={sort ?? 'newest'}
          onChange={(value: AdminOrderSort) => setQuery({ ...current, sort: value === 'newest' ? undefined : value })}
          options={ADMIN_ORDER_SORTS.map((s) => ({ value: s, label: t(`admin.orderSorts.${s}`) }))}
          style={{ width: 180 }}
          data-testid="admin-order-sort"
        />
      </Space>
      {orders.isError && !orders.data ? (
        <QueryError error={orders.error} onRetry={() => void orders.refetch()} />
      ) : (
        <Table<Order>
          rowKey="id"
          size="middle"
          loading={orders.isFetching}
          dataSource={orders.data?.items}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (order) => <OrderExpansion order={order} />,
            // The expand buttons' column needs a header for screen readers.
            columnTitle: <span className="shop-visually-hidden">{t('admin.orderLines')}</span>,
          }}
          onRow={(record) => ({ 'data-testid': 'admin-order-row', 'data-order-id': record.id, 'data-status': record.status }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: orders.data?.total ?? 0,
            showSizeChanger: false,
            // The API counts up to 10,000: beyond, the list says so instead of a number it does not know.
            showTotal: (total) => t(total >= 10_000 ? 'admin.orderTotalMany' : 'admin.orderTotal', { count: total }),
            onChange: (next) => setQuery({ ...current, page: next }),
          }}
          columns={[
            { title: t('orders.number'), dataIndex: 'id', render: (id: string) => <Typography.Text copyable={{ text: id }}>{orderNumber(id)}</Typography.Text> },
            { title: t('orders.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
            { title: t('admin.customer'), key: 'customer', render: (_, o) => o.shippingAddress?.name },
            { title: t('checkout.total'), dataIndex: 'total', align: 'right', render: (fen: number) => <Price fen={fen} /> },
            { title: t('admin.status'), dataIndex: 'status', render: (s: OrderStatus) => <OrderStatusTag status={s} /> },
            {
              title: t('admin.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_, o) => (
                <Space size={4} wrap>
                  {o.status === 'Paid' && (
                    <Button size="small" type="primary" onClick={() => setShipping(o)} data-testid="admin-order-ship">
                      {t('admin.ship')}
                    </Button>
                  )}
                  {o.status === 'Shipped' && (
                    <Popconfirm title={t('admin.confirmDeliver')} okText={t('common.yes')} cancelText={t('common.no')} okButtonProps={{ 'data-testid': 'admin-order-deliver-confirm' } as ButtonProps} onConfirm={() => deliver.mutate(o.id, feedback(t('admin.delivered')))}>
                      <Button size="small" data-testid="admin-order-deliver">
                        {t('admin.deliver')}
                      </Button>
                    </Popconfirm>
                  )}
                  {o.status === 'Paid' && (
                    <Popconfirm title={t('admin.confirmRefund')} okText={t('common.yes')} cancelText={t('common.no')} okButtonProps={{ 'data-testid': 'admin-order-refund-confirm' } as ButtonProps} onConfirm={() => refund.mutate(o.id, feedback(t('admin.refunded')))}>
                      <Button size="small" danger data-testid="admin-order-refund">
                        {t('admin.refund')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <ShipOrderModal order={shipping} onClose={() => setShipping(undefined)} />
    </div>
  );
}
