import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, problem, type RecordedCall } from '@/test/fetch-mock';
import { customer, order } from '@/test/fixtures';
import { renderWithApp } from '@/test/render';
import { PaymentPanel } from './PaymentPanel';

const pending = order({ id: 'o-1', status: 'PendingPayment', total: 4998 });

function paymentServer() {
  return mockApi({
    'GET /api/orders/o-1': { body: pending },
    'POST /api/orders/o-1/pay': (call: RecordedCall) => {
      const { cardNumber } = call.body as { cardNumber: string };
      if (cardNumber === '4000000000000002') return problem(402, 'Card declined by the issuer.');
      if (cardNumber !== '4242424242424242') return problem(400, 'Invalid card number.');
      return {
        body: {
          ...pending,
          status: 'Paid',
          payment: { id: 'pay-1', method: 'card', last4: '4242', paidAt: '2025-01-02T03:10:00Z' },
          history: [...pending.history, { status: 'Paid', at: '2025-01-02T03:10:00Z' }],
        },
      };
    },
  });
}

const renderPanel = () => renderWithApp(<PaymentPanel orderId="o-1" />, { route: '/checkout?order=o-1', path: '/checkout', user: customer });

describe('payment', () => {
  it('shows a declined card clearly, keeps the order payable, then accepts a good card', async () => {
    const server = paymentServer();
    const { user } = renderPanel();
    const card = await screen.findByLabelText('Card number');

    await user.type(card, '4000 0000 0000 0002');
    await user.click(screen.getByRole('button', { name: /Pay ¥49\.98/ }));

    const declined = await screen.findByTestId('payment-declined');
    expect(declined).toHaveTextContent('Payment declined');
    // In the page's language, not the API's English detail.
    expect(declined).toHaveTextContent('Your card was declined.');
    expect(declined).not.toHaveTextContent('Card declined by the issuer.');
    expect(screen.getByRole('button', { name: /Pay ¥49\.98/ })).toBeEnabled();

    await user.clear(card);
    expect(screen.queryByTestId('payment-declined')).not.toBeInTheDocument();
    await user.type(card, '4242424242424242');
    await user.click(screen.getByRole('button', { name: /Pay ¥49\.98/ }));

    expect(await screen.findByTestId('payment-success')).toHaveTextContent('Paid with the card ending in 4242.');
    const calls = server.callsTo('POST /api/orders/o-1/pay');
    expect(calls.map((c) => c.body)).toEqual([
      { method: 'card', cardNumber: '4000000000000002' },
      { method: 'card', cardNumber: '4242424242424242' },
    ]);
    // Each attempt is a new payment, so each has its own key.
    expect(calls[0].headers['idempotency-key']).toBeTruthy();
    expect(calls[1].headers['idempotency-key']).not.toBe(calls[0].headers['idempotency-key']);
  });

  it('marks the card number when the gateway calls it invalid (400)', async () => {
    paymentServer();
    const { user } = renderPanel();
    await user.type(await screen.findByLabelText('Card number'), '1234567812345678');
    await user.click(screen.getByRole('button', { name: /Pay/ }));

    expect(await screen.findByText('This card number is not valid')).toBeInTheDocument();
    expect(screen.queryByText('Invalid card number.')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Card number')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('payment-declined')).not.toBeInTheDocument();
  });

  it('does not send an obviously wrong card number', async () => {
    const server = paymentServer();
    const { user } = renderPanel();
    await user.type(await screen.findByLabelText('Card number'), '4242');
    await user.click(screen.getByRole('button', { name: /Pay/ }));
    expect(await screen.findByText('This card number is not valid')).toBeInTheDocument();
    await waitFor(() => expect(server.callsTo('POST /api/orders/o-1/pay')).toHaveLength(0));
  });
});
