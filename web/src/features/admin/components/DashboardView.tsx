import { Badge, Card, Col, DatePicker, Row, Segmented, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORDER_STATUS_COLOR } from '@/components/OrderStatusTag';
import { Price } from '@/components/Price';
import { QueryError } from '@/components/QueryError';
import { formatDateTime } from '@/lib/format-date';
import { formatFen } from '@/lib/money';
import { ORDER_STATUSES, type Dashboard, type DaySales } from '@/types/api';
import { type SalesRanking, useDashboard, useTopProducts } from '../api/get-dashboard';

const SalesChart = lazy(() => import('./SalesChart'));

/** "+12%" against yesterday; nothing when yesterday had none to compare with. */
function Change({ today, yesterday }: { today: number; yesterday: number }) {
  const { t } = useTranslation();
  if (yesterday === 0) return <Typography.Text type="secondary">{t('admin.dashboard.noYesterday')}</Typography.Text>;
  const percent = Math.round(((today - yesterday) / yesterday) * 100);
  return (
    <Typography.Text type={percent >= 0 ? 'success' : 'danger'}>
      {t('admin.dashboard.vsYesterday', { change: `${percent >= 0 ? '+' : ''}${percent}%` })}
    </Typography.Text>
  );
}

function TodayCards({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={8}>
        <Card>
          <Statistic title={t('admin.dashboard.todayOrders')} value={data.today.orders} data-testid="today-orders" />
          <Change today={data.today.orders} yesterday={data.yesterday.orders} />
        </Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card>
          <Statistic title={t('admin.dashboard.todayRevenue')} value={formatFen(data.today.revenue)} data-testid="today-revenue" />
          <Change today={data.today.revenue} yesterday={data.yesterday.revenue} />
        </Card>
      </Col>
      <Col xs={24} sm={8}>
        <Card>
          <Statistic title={t('admin.dashboard.awaitingPayment')} value={data.ordersByStatus.PendingPayment ?? 0} />
          <Typography.Text type="secondary">{t('admin.dashboard.yesterdayLine', { orders: data.yesterday.orders, revenue: formatFen(data.yesterday.revenue) })}</Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

function StatusCounts({ counts }: { counts: Dashboard['ordersByStatus'] }) {
  const { t } = useTranslation();
  return (
    <Space wrap data-testid="orders-by-status">
      {ORDER_STATUSES.map((status) => (
        <Link key={status} to={`/admin/orders?status=${status}`} data-status={status}>
          {/* The status colour as a dot: text on antd's light tag colours is below 4.5:1 contrast. */}
          <Tag style={{ fontSize: 14, padding: '4px 10px' }}>
            <Badge color={ORDER_STATUS_COLOR[status] === 'default' ? '#8c8c8c' : ORDER_STATUS_COLOR[status]} /> {t(`orderStatus.${status}`)} <strong>{counts[status] ?? 0}</strong>
          </Tag>
        </Link>
      ))}
    </Space>
  );
}

function Last30Days({ days }: { days: DaySales[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('admin.dashboard.last30Days')}>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 280 }} />}>
        <SalesChart days={days} />
      </Suspense>
      <Typography.Text type="secondary">
        {t('admin.dashboard.totals', {
          orders: days.reduce((sum, d) => sum + d.orders, 0),
          revenue: formatFen(days.reduce((sum, d) => sum + d.revenue, 0)),
        })}
      </Typography.Text>
    </Card>
  );
}

function TopProductsCard() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const [by, setBy] = useState<SalesRanking>('units');
  const top = useTopProducts({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), by });
  return (
    <Card title={t('admin.dashboard.topProducts')}>
      {/* In the body, not the header: on a phone the header's extra squeezed the title out. */}
      <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
            aria-label={t('admin.dashboard.range')}
          />
          <Segmented<SalesRanking>
            value={by}
            onChange={setBy}
            options={[
              { value: 'units', label: t('admin.dashboard.byUnits') },
              { value: 'revenue', label: t('admin.dashboard.byRevenue') },
            ]}
          />
      </Space>
      {top.isError ? (
        <QueryError error={top.error} onRetry={() => void top.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={top.isFetching}
          dataSource={top.data?.items}
          data-testid="top-products"
          locale={{ emptyText: <Typography.Text type="secondary">{t('admin.dashboard.noSales')}</Typography.Text> }}
          columns={[
            { title: '#', key: 'rank', width: 40, render: (_, __, index) => index + 1 },
            { title: t('admin.productName'), dataIndex: 'name', render: (name: string, row) => <Link to={`/products/${row.id}`}>{name}</Link> },
            { title: t('admin.dashboard.units'), dataIndex: 'units', align: 'right' },
            { title: t('admin.dashboard.revenue'), dataIndex: 'revenue', align: 'right', render: (fen: number) => <Price fen={fen} size="small" /> },
          ]}
        />
      )}
    </Card>
  );
}

function LowStockCard({ low }: { low: Dashboard['lowStock'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('admin.dashboard.lowStock', { count: low.total })}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={low.items}
        data-testid="low-stock"
        locale={{ emptyText: <Typography.Text type="secondary">{t('admin.dashboard.noLowStock')}</Typography.Text> }}
        columns={[
          { title: t('admin.productName'), dataIndex: 'name' },
          { title: t('admin.stock'), dataIndex: 'stock', align: 'right', render: (stock: number) => <Typography.Text type={stock === 0 ? 'danger' : undefined}>{stock}</Typography.Text> },
          { title: t('admin.lowStockThreshold'), dataIndex: 'threshold', align: 'right' },
          { title: <span className="shop-visually-hidden">{t('admin.dashboard.restock')}</span>, key: 'restock', render: (_, row) => <Link to={`/admin/products?q=${encodeURIComponent(row.name)}`}>{t('admin.dashboard.restock')}</Link> },
        ]}
      />
    </Card>
  );
}

function ExpiringCard({ orders }: { orders: Dashboard['expiringUnpaid'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('admin.dashboard.expiring')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={orders}
        data-testid="expiring-unpaid"
        locale={{ emptyText: <Typography.Text type="secondary">{t('admin.dashboard.noExpiring')}</Typography.Text> }}
        columns={[
          { title: t('admin.dashboard.orderNumber'), dataIndex: 'number', render: (number: string) => <Link to={`/admin/orders?search=${number}`}>{number}</Link> },
          { title: t('admin.dashboard.customer'), dataIndex: 'email', ellipsis: true },
          { title: t('admin.dashboard.total'), dataIndex: 'total', align: 'right', render: (fen: number) => <Price fen={fen} size="small" /> },
          { title: t('admin.dashboard.deadline'), dataIndex: 'paymentDeadline', render: (iso: string) => formatDateTime(iso) },
        ]}
      />
    </Card>
  );
}

export function DashboardView() {
  const { t } = useTranslation();
  const dashboard = useDashboard();
  if (dashboard.isError) return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
        {t('admin.dashboard.title')}
      </Typography.Title>
      {!data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <TodayCards data={data} />
          <Card title={t('admin.dashboard.byStatus')}>
            <StatusCounts counts={data.ordersByStatus} />
          </Card>
          <Last30Days days={data.last30Days} />
          <TopProductsCard />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <LowStockCard low={data.lowStock} />
            </Col>
            <Col xs={24} lg={12}>
              <ExpiringCard orders={data.expiringUnpaid} />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
