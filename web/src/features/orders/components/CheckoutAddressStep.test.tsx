import { useQuery } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { api } from '@/lib/api-client';
import { cartKeys } from '@/lib/query-keys';
import { mockApi, problem } from '@/test/fetch-mock';
import { cartLine, customer, order } from '@/test/fixtures';
import { renderWithApp } from '@/test/render';
import type { Address } from '@/types/api';
import { CheckoutAddressStep } from './CheckoutAddressStep';

const lines = [cartLine({ productId: 'p-1', name: 'Notebook', unitPrice: 1999, quantity: 2 })];

function renderStep(defaultAddress?: Address) {
  const onCreated = vi.fn();
  const view = renderWithApp(<CheckoutAddressStep lines={lines} subtotal={3998} defaultAddress={defaultAddress} onCreated={onCreated} />, {
    route: '/checkout',
    path: '/checkout',
    user: customer,
  });
  return { ...view, onCreated };
}

const placeOrder = () => screen.getByRole('button', { name: 'Place order' });

describe('checkout address step', () => {
  it('requires recipient, phone, city and street, and checks the phone and postal code', async () => {
    const server = mockApi();
    const { user } = renderStep();

    await user.click(placeOrder());
    expect(await screen.findByText("Please enter the recipient's name")).toBeInTheDocument();
    expect(screen.getByText('Please enter a phone number')).toBeInTheDocument();
    expect(screen.getByText('Please enter the city')).toBeInTheDocument();
    expect(screen.getByText('Please enter the street address')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Phone'), 'call me');
    await user.type(screen.getByLabelText('Postal code'), '#');
    expect(await screen.findByText('Please enter a valid phone number')).toBeInTheDocument();
    expect(await screen.findByText('Please enter a valid postal code')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it('starts from the default address and creates the order with an Idempotency-Key', async () => {
    const server = mockApi({ 'POST /api/orders': { status: 201, body: order() } });
    const { user, onCreated } = renderStep({ name: 'Ann', phone: '13800000000', line1: '1 Main St', city: 'Shanghai', province: null, postalCode: null });

    expect(screen.getByLabelText('Recipient')).toHaveValue('Ann');
    await user.type(screen.getByLabelText('Province / state'), '  ');
    await user.type(screen.getByLabelText('Note for the seller'), 'Leave at the door');
    await user.click(placeOrder());

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'o-12345678' })));
    const [call] = server.callsTo('POST /api/orders');
    expect(call.body).toEqual({
      shippingAddress: { name: 'Ann', phone: '13800000000', line1: '1 Main St', city: 'Shanghai' },
      note: 'Leave at the door',
      expectedTotal: 3998 + 1000,
    });
    expect(call.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the new prices when they changed since the cart was read, and places nothing', async () => {
    const server = mockApi({
      'POST /api/orders': {
        status: 409,
        body: { title: 'Conflict', status: 409, detail: 'Prices changed.', code: 'order.total_changed', params: { expected: 4998, total: 5998 } },
      },
      'GET /api/cart': { body: { items: lines, itemCount: 2, subtotal: 3998 } },
    });
    // The checkout page reads the cart (the cart feature's query) beside the step; here a reader of
    // the same key stands in for it, as this feature does not import the cart feature.
    function CartReader() {
      useQuery({ queryKey: cartKeys.all, queryFn: ({ signal }) => api.get('/api/cart', { signal }) });
      return null;
    }
    const onCreated = vi.fn();
    const { user } = renderWithApp(
      <>
        <CartReader />
        <CheckoutAddressStep lines={lines} subtotal={3998} defaultAddress={{ name: 'Ann', phone: '13800000000', line1: '1 Main St', city: 'Shanghai', province: null, postalCode: null }} onCreated={onCreated} />
      </>,
      { route: '/checkout', path: '/checkout', user: customer },
    );
    await waitFor(() => expect(server.callsTo('GET /api/cart')).toHaveLength(1));

    await user.click(placeOrder());

    expect(await screen.findByTestId('checkout-error')).toHaveTextContent('Prices changed');
    // The cart is read again, so the summary shows what the order would cost now.
    await waitFor(() => expect(server.callsTo('GET /api/cart')).toHaveLength(2));
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('puts the API field errors on the address fields and shows the detail', async () => {
    mockApi({
      'POST /api/orders': problem(400, 'The address is not valid.', { 'shippingAddress.phone': ['We cannot deliver to this phone number.'] }),
    });
    const { user, onCreated } = renderStep({ name: 'Ann', phone: '13800000000', line1: '1 Main St', city: 'Shanghai', province: null, postalCode: null });
    await user.click(placeOrder());

    expect(await screen.findByText('We cannot deliver to this phone number.')).toBeInTheDocument();
    expect(screen.getByLabelText('Phone')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('checkout-error')).toHaveTextContent('The address is not valid.');
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('reuses the Idempotency-Key when retrying after a lost answer, and not after a refusal', async () => {
    let attempt = 0;
    const server = mockApi({
      'POST /api/orders': () => {
        attempt += 1;
        if (attempt === 1) return { status: 503, body: { title: 'Unavailable' } };
        if (attempt === 2) return problem(409, 'Only 1 Notebook left.', { 'items.p-1': ['Only 1 left'] });
        return { status: 201, body: order() };
      },
    });
    const { user } = renderStep({ name: 'Ann', phone: '13800000000', line1: '1 Main St', city: 'Shanghai', province: null, postalCode: null });

    await user.click(placeOrder());
    await screen.findByTestId('checkout-error');
    await user.click(placeOrder());
    expect(await screen.findByText('Only 1 Notebook left.')).toBeInTheDocument();
    expect(screen.getByText('Only 1 left')).toBeInTheDocument(); // the per-product message from `errors`
    await user.click(placeOrder());
    await waitFor(() => expect(server.callsTo('POST /api/orders')).toHaveLength(3));

    const keys = server.callsTo('POST /api/orders').map((c) => c.headers['idempotency-key']);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('previews shipping (¥10.00 below ¥99.00) and the total', () => {
    mockApi();
    renderStep();
    expect(screen.getByTestId('summary-subtotal')).toHaveTextContent('¥39.98');
    expect(screen.getByTestId('summary-shipping')).toHaveTextContent('¥10.00');
    expect(screen.getByTestId('summary-total')).toHaveTextContent('¥49.98');
  });
});
