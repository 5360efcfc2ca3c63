import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, type RecordedCall } from '@/test/fetch-mock';
import { admin } from '@/test/fixtures';
import { renderWithApp } from '@/test/render';
import type { Dashboard, DaySales } from '@/types/api';
import { DashboardView } from './DashboardView';

// jsdom has no canvas for ECharts; the chart's own numbers are in the totals line under it.
vi.mock('./SalesChart', () => ({ default: ({ days }: { days: DaySales[] }) => <div data-testid="sales-chart">{days.length} days</div> }));

const days: DaySales[] = Array.from({ length: 30 }, (_, i) => ({
  day: new Date(Date.UTC(2026, 10, 8 + i)).toISOString().slice(0, 10), // 2026-11-08 to 2026-12-07
  orders: i === 28 ? 4 : i === 29 ? 5 : 0,
  revenue: i === 28 ? 20_000 : i === 29 ? 25_000 : 0,
}));

const dashboard: Dashboard = {
  timeZone: 'Asia/Shanghai',
  today: days[29],
  yesterday: days[28],
  ordersByStatus: { PendingPayment: 2, Paid: 3, Shipped: 1, Delivered: 2, Cancelled: 1, Refunded: 0 },
  last30Days: days,
  lowStock: { items: [{ id: 'p-lamp', name: 'Desk lamp', stock: 0, threshold: 10 }], total: 1 },
  expiringUnpaid: [
    { id: 'o1', number: 'AB12CD34', email: 'li@shop.test', total: 5_000, createdAt: '2026-12-07T01:00:00Z', paymentDeadline: '2026-12-07T01:30:00Z' },
  ],
};

function dashboardServer() {
  return mockApi({
    'GET /api/admin/dashboard': () => ({ body: dashboard }),
    'GET /api/admin/dashboard/top-products': (call: RecordedCall) => {
      const by = call.url.searchParams.get('by');
      const items = [
        { id: 'p-kettle', name: 'Kettle', units: 9, revenue: 45_000 },
        { id: 'p-sofa', name: 'Sofa', units: 1, revenue: 99_000 },
      ];
      return { body: { from: '2026-11-08', to: '2026-12-07', timeZone: 'Asia/Shanghai', by, items: by === 'revenue' ? items.reverse() : items } };
    },
  });
}

describe('admin dashboard', () => {
  it('shows today against yesterday, orders by status linking to the order list, low stock and the unpaid orders', async () => {
    const server = dashboardServer();
    renderWithApp(<DashboardView />, { route: '/admin', path: '/admin', user: admin });

    expect(await screen.findByTestId('today-orders')).toHaveTextContent('5');
    expect(screen.getByTestId('today-revenue')).toHaveTextContent('¥250.00');
    expect(screen.getAllByText('+25% vs yesterday')).toHaveLength(2);
    const paid = within(screen.getByTestId('orders-by-status')).getByText('Paid').closest('a')!;
    expect(paid).toHaveAttribute('href', '/admin/orders?status=Paid');
    expect(paid).toHaveTextContent('3');
    expect(screen.getByText('30 days — orders: 9, revenue: ¥450.00 (paid orders, not refunded)')).toBeInTheDocument();
    expect(within(screen.getByTestId('low-stock')).getByRole('link', { name: 'Restock' })).toHaveAttribute('href', '/admin/products?q=Desk%20lamp');
    expect(within(screen.getByTestId('expiring-unpaid')).getByRole('link', { name: 'AB12CD34' })).toHaveAttribute('href', '/admin/orders?search=AB12CD34');
    // "Today" is the admin's: the browser's time zone goes with the request.
    expect(server.callsTo('GET /api/admin/dashboard')[0].url.searchParams.get('tz')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('ranks the best sellers by units, and by revenue when asked', async () => {
    const server = dashboardServer();
    const { user } = renderWithApp(<DashboardView />, { route: '/admin', path: '/admin', user: admin });
    const table = await screen.findByTestId('top-products');
    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Kettle'));

    await user.click(screen.getByText('By revenue'));

    await waitFor(() => expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Sofa'));
    const query = server.callsTo('GET /api/admin/dashboard/top-products').at(-1)!.url.searchParams;
    expect(query.get('by')).toBe('revenue');
    expect(query.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
