import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, type RecordedCall } from '@/test/fetch-mock';
import { admin, order } from '@/test/fixtures';
import { currentUrl, renderWithApp } from '@/test/render';
import type { Order } from '@/types/api';
import { AdminOrdersView } from './AdminOrdersView';

function ordersServer(list: Order[]) {
  return mockApi({
    'GET /api/admin/orders': (call: RecordedCall) => {
      const status = call.url.searchParams.get('status');
      const items = list.filter((o) => !status || o.status === status);
      return { body: { items, total: items.length, page: 1, pageSize: 20 } };
    },
    'POST /api/admin/orders/o-paid/ship': (call: RecordedCall) => ({
      body: { ...list[0], status: 'Shipped', shipment: { ...(call.body as object), shippedAt: '2025-01-03T00:00:00Z' } },
    }),
  });
}

const paid = order({ id: 'o-paid', status: 'Paid' });
const shipped = order({ id: 'o-shipped', status: 'Shipped' });

describe('admin orders', () => {
  it('filters by status through the URL', async () => {
    const server = ordersServer([paid, shipped]);
    const { user } = renderWithApp(<AdminOrdersView />, { route: '/admin/orders', path: '/admin/orders', user: admin });
    expect(await screen.findAllByTestId('admin-order-row')).toHaveLength(2);

    await user.click(within(screen.getByTestId('admin-order-status-filter')).getByRole('combobox'));
    await user.click(await screen.findByTestId('status-option-Shipped'));

    await waitFor(() => expect(currentUrl().search).toBe('?status=Shipped'));
    await waitFor(() => expect(screen.getAllByTestId('admin-order-row')).toHaveLength(1));
    expect(server.callsTo('GET /api/admin/orders').at(-1)!.url.searchParams.get('status')).toBe('Shipped');
  });

  it('searches by customer email or order number and sorts by total, all in the URL', async () => {
    const server = ordersServer([paid, shipped]);
    const { user } = renderWithApp(<AdminOrdersView />, { route: '/admin/orders', path: '/admin/orders', user: admin });
    await screen.findAllByTestId('admin-order-row');
    const lastQuery = () => Object.fromEntries(server.callsTo('GET /api/admin/orders').at(-1)!.url.searchParams);

    await user.type(screen.getByRole('searchbox', { name: 'Customer email or order number' }), 'li@shop.test{Enter}');
    await waitFor(() => expect(lastQuery()).toMatchObject({ email: 'li@shop.test', sort: 'createdAt', order: 'desc' }));
    expect(currentUrl().searchParams.get('search')).toBe('li@shop.test');

    await user.clear(screen.getByRole('searchbox', { name: 'Customer email or order number' }));
    await user.type(screen.getByRole('searchbox', { name: 'Customer email or order number' }), '7F3A{Enter}');
    await waitFor(() => expect(lastQuery()).toMatchObject({ q: '7F3A' }));
    expect(lastQuery().email).toBeUndefined();

    await user.click(within(screen.getByTestId('admin-order-sort')).getByRole('combobox'));
    await user.click(await screen.findByText('Total: high to low'));
    await waitFor(() => expect(lastQuery()).toMatchObject({ q: '7F3A', sort: 'total', order: 'desc' }));
    expect(currentUrl().search).toBe('?search=7F3A&sort=total_desc');
  });

  it('offers ship and refund for a paid order, deliver for a shipped one, and ships with carrier and tracking number', async () => {
    const server = ordersServer([paid, shipped]);
    const { user } = renderWithApp(<AdminOrdersView />, { route: '/admin/orders', path: '/admin/orders', user: admin });
    const rows = await screen.findAllByTestId('admin-order-row');
    const paidRow = rows.find((r) => r.dataset.orderId === 'o-paid')!;
    const shippedRow = rows.find((r) => r.dataset.orderId === 'o-shipped')!;
    expect(within(paidRow).getByTestId('admin-order-refund')).toBeInTheDocument();
    expect(within(paidRow).queryByTestId('admin-order-deliver')).not.toBeInTheDocument();
    expect(within(shippedRow).getByTestId('admin-order-deliver')).toBeInTheDocument();
    expect(within(shippedRow).queryByTestId('admin-order-ship')).not.toBeInTheDocument();

    await user.click(within(paidRow).getByTestId('admin-order-ship'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByTestId('ship-submit'));
    await waitFor(() => expect(within(dialog).getAllByText('Please fill this in')).toHaveLength(2));

    await user.type(within(dialog).getByLabelText('Carrier'), 'SF Express');
    await user.type(within(dialog).getByLabelText('Tracking number'), 'SF123');
    await user.click(within(dialog).getByTestId('ship-submit'));

    await waitFor(() => expect(server.callsTo('POST /api/admin/orders/o-paid/ship')).toHaveLength(1));
    expect(server.callsTo('POST /api/admin/orders/o-paid/ship')[0].body).toEqual({ carrier: 'SF Express', trackingNumber: 'SF123' });
  });
});
