import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/test/fetch-mock';
import { admin, product } from '@/test/fixtures';
import { renderWithApp } from '@/test/render';
import { StockModal } from './StockModal';

const full = (stock: number, revision: number) => ({
  ...product({ stock }),
  description: '',
  images: [],
  attributes: {},
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
  revision,
});

describe('admin stock modal', () => {
  it('writes over the stock it showed, and after a refusal shows the current stock and writes over that', async () => {
    let attempt = 0;
    const server = mockApi({
      // The list said 50; the product as read now has 45 (an order took 5).
      'GET /api/products/p-1': { body: full(45, 7) },
      'PUT /api/admin/products/p-1/stock': () =>
        ++attempt === 1
          ? {
              status: 412,
              body: { title: 'Precondition Failed', status: 412, detail: 'changed', code: 'product.changed', params: { revision: 9, stock: 40 } },
            }
          : { body: full(60, 10) },
    });
    const { user } = renderWithApp(<StockModal product={product({ stock: 50 })} onClose={() => {}} />, { user: admin });
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByTestId('stock-input');
    await waitFor(() => expect(input).toHaveValue('45'));

    await user.clear(input);
    await user.type(input, '60');
    await user.click(screen.getByTestId('stock-save'));

    expect(await within(dialog).findByText(/stock is now 40/)).toBeInTheDocument();
    expect(server.callsTo('PUT /api/admin/products/p-1/stock')[0].headers['if-match']).toBe('"7"');

    await user.click(screen.getByTestId('stock-save'));
    await waitFor(() => expect(server.callsTo('PUT /api/admin/products/p-1/stock')).toHaveLength(2));
    const second = server.callsTo('PUT /api/admin/products/p-1/stock')[1];
    expect(second.headers['if-match']).toBe('"9"');
    expect(second.body).toEqual({ stock: 60 });
  });
});
