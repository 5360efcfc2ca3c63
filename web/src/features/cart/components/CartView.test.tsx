import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, problem, type RecordedCall } from '@/test/fetch-mock';
import { cart, cartLine, customer } from '@/test/fixtures';
import { currentUrl, renderWithApp } from '@/test/render';
import type { Cart } from '@/types/api';
import { CartView } from './CartView';

const notebook = cartLine({ productId: 'p-1', name: 'Notebook', unitPrice: 1999, quantity: 2, available: 10 });
const pen = cartLine({ productId: 'p-2', name: 'Pen', unitPrice: 350, quantity: 1, available: 5 });

/** A tiny cart server: PUT and DELETE change the lines and recompute the totals, like the API. */
function cartServer(initial: Cart) {
  let current = initial;
  const recompute = (lines: Cart['items']) => cart(lines.map((l) => cartLine({ ...l, lineTotal: undefined })));
  return mockApi({
    'GET /api/cart': () => ({ body: current }),
    'PUT /api/cart/items/p-1': (call: RecordedCall) => {
      const quantity = (call.body as { quantity: number }).quantity;
      current = recompute(current.items.map((l) => (l.productId === 'p-1' ? { ...l, quantity } : l)));
      return { body: current };
    },
    'DELETE /api/cart/items/p-1': () => {
      current = recompute(current.items.filter((l) => l.productId !== 'p-1'));
      return { body: current };
    },
  });
}

const lineFor = (name: string) => screen.getAllByTestId('cart-line').find((el) => el.textContent?.includes(name))!;
const renderCart = () => renderWithApp(<CartView />, { route: '/cart', path: '/cart', user: customer });

describe('cart', () => {
  it('lists each line with its total and the subtotal from the API', async () => {
    cartServer(cart([notebook, pen]));
    renderCart();
    expect(await screen.findAllByTestId('cart-line')).toHaveLength(2);
    expect(within(lineFor('Notebook')).getByTestId('cart-line-total')).toHaveTextContent('¥39.98');
    expect(within(lineFor('Pen')).getByTestId('cart-line-total')).toHaveTextContent('¥3.50');
    expect(screen.getByTestId('cart-subtotal')).toHaveTextContent('¥43.48');
    expect(screen.getByText('3 items')).toBeInTheDocument();
  });

  it('raises a quantity with + and shows the recomputed totals', async () => {
    const server = cartServer(cart([notebook, pen]));
    const { user } = renderCart();
    await screen.findAllByTestId('cart-line');

    await user.click(within(lineFor('Notebook')).getByRole('button', { name: 'Increase quantity' }));

    await waitFor(() => expect(screen.getByTestId('cart-subtotal')).toHaveTextContent('¥63.47'));
    expect(server.callsTo('PUT /api/cart/items/p-1').map((c) => c.body)).toEqual([{ quantity: 3 }]);
    expect(within(lineFor('Notebook')).getByTestId('cart-line-total')).toHaveTextContent('¥59.97');
    expect(within(lineFor('Notebook')).getByRole('spinbutton', { name: 'Quantity' })).toHaveValue('3');
  });

  it('sends a typed quantity once, on Enter, not per keystroke', async () => {
    const server = cartServer(cart([notebook]));
    const { user } = renderCart();
    const input = within(await screen.findByTestId('cart-line')).getByRole('spinbutton', { name: 'Quantity' });

    await user.clear(input);
    await user.type(input, '7{Enter}');

    await waitFor(() => expect(screen.getByTestId('cart-subtotal')).toHaveTextContent('¥139.93'));
    expect(server.callsTo('PUT /api/cart/items/p-1').map((c) => c.body)).toEqual([{ quantity: 7 }]);
  });

  it('removes a line, and shows the empty cart when it was the last', async () => {
    const server = cartServer(cart([notebook]));
    const { user } = renderCart();
    await screen.findByTestId('cart-line');

    await user.click(screen.getByRole('button', { name: 'Remove Notebook' }));

    expect(await screen.findByTestId('cart-empty')).toBeInTheDocument();
    expect(server.callsTo('DELETE /api/cart/items/p-1')).toHaveLength(1);
  });

  it('warns about lines short of stock and blocks checkout until they are fixed', async () => {
    cartServer(cart([cartLine({ ...notebook, quantity: 5, available: 2 }), cartLine({ ...pen, available: 0 })]));
    const { user } = renderCart();
    await screen.findAllByTestId('cart-line');

    expect(within(lineFor('Notebook')).getByTestId('cart-line-warning')).toHaveTextContent('Only 2 left');
    expect(within(lineFor('Pen')).getByTestId('cart-line-warning')).toHaveTextContent('No longer available');
    expect(screen.getByTestId('checkout-button')).toBeDisabled();
    // + would only make it worse; − is the way out.
    expect(within(lineFor('Notebook')).getByRole('button', { name: 'Increase quantity' })).toBeDisabled();
    expect(within(lineFor('Notebook')).getByRole('button', { name: 'Decrease quantity' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Remove Notebook' }));
    await waitFor(() => expect(screen.getAllByTestId('cart-line')).toHaveLength(1));
  });

  it('has no warning and an enabled checkout when everything is in stock', async () => {
    cartServer(cart([notebook]));
    const { user } = renderCart();
    await screen.findByTestId('cart-line');
    expect(screen.queryByTestId('cart-line-warning')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('checkout-button'));
    await waitFor(() => expect(currentUrl().pathname).toBe('/checkout'));
  });

  it('shows the API detail when stock ran out meanwhile, and reloads the cart', async () => {
    const server = cartServer(cart([notebook]));
    server.on('PUT /api/cart/items/p-1', problem(409, 'Only 2 Notebook left in stock.'));
    const { user } = renderCart();
    await screen.findByTestId('cart-line');
    const cartLoads = server.callsTo('GET /api/cart').length;

    await user.click(screen.getByRole('button', { name: 'Increase quantity' }));

    expect(await screen.findByText('Only 2 Notebook left in stock.')).toBeInTheDocument();
    await waitFor(() => expect(server.callsTo('GET /api/cart').length).toBeGreaterThan(cartLoads));
  });
});
