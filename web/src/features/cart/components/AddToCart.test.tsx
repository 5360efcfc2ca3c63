import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, problem } from '@/test/fetch-mock';
import { cart, cartLine, customer } from '@/test/fixtures';
import { currentUrl, renderWithApp } from '@/test/render';
import { AddToCart } from './AddToCart';

describe('add to cart', () => {
  it('adds the picked quantity and links to the cart', async () => {
    const server = mockApi({ 'POST /api/cart/items': { body: cart([cartLine({ quantity: 3 })]) } });
    const { user } = renderWithApp(<AddToCart productId="p-1" stock={5} />, { route: '/products/p-1', path: '/products/:id', user: customer });

    await user.click(screen.getByRole('button', { name: 'Increase quantity' }));
    await user.click(screen.getByRole('button', { name: 'Increase quantity' }));
    await user.click(screen.getByTestId('add-to-cart'));

    expect(await screen.findByTestId('added-to-cart')).toHaveTextContent('Added to your cart.');
    // And the toast (antd's message, in <body>).
    await waitFor(() => expect(document.querySelector('.ant-message')).toHaveTextContent('Added to your cart.'));
    expect(server.callsTo('POST /api/cart/items')[0].body).toEqual({ productId: 'p-1', quantity: 3 });
    await user.click(screen.getByRole('link', { name: 'View cart' }));
    await waitFor(() => expect(currentUrl().pathname).toBe('/cart'));
  });

  it('does not let the picker pass the stock', async () => {
    mockApi();
    const { user } = renderWithApp(<AddToCart productId="p-1" stock={2} />, { route: '/products/p-1', path: '/products/:id', user: customer });
    await user.click(screen.getByRole('button', { name: 'Increase quantity' }));
    expect(screen.getByRole('button', { name: 'Increase quantity' })).toBeDisabled();
  });

  it('sends a visitor to log in first, then back to the product', async () => {
    const server = mockApi();
    const { user } = renderWithApp(<AddToCart productId="p-1" stock={5} />, { route: '/products/p-1', path: '/products/:id' });
    await user.click(screen.getByTestId('add-to-cart'));
    await waitFor(() => expect(currentUrl().pathname + currentUrl().search).toBe('/login?redirect=%2Fproducts%2Fp-1'));
    expect(server.calls).toHaveLength(0);
  });

  it('shows the API reason when stock ran out', async () => {
    mockApi({ 'POST /api/cart/items': problem(409, 'Only 1 left in stock.') });
    const { user } = renderWithApp(<AddToCart productId="p-1" stock={5} />, { route: '/products/p-1', path: '/products/:id', user: customer });
    await user.click(screen.getByTestId('add-to-cart'));
    expect(await screen.findByText('Only 1 left in stock.')).toBeInTheDocument();
  });

  it('is disabled when sold out', () => {
    mockApi();
    renderWithApp(<AddToCart productId="p-1" stock={0} />, { route: '/products/p-1', path: '/products/:id', user: customer });
    expect(screen.getByTestId('add-to-cart')).toBeDisabled();
  });
});
