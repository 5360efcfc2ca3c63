import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, problem } from '@/test/fetch-mock';
import { customer } from '@/test/fixtures';
import { renderWithApp } from '@/test/render';
import type { OrderLine } from '@/types/api';
import { OrderLineReview } from './OrderLineReview';

const line: OrderLine = { productId: 'p-1', name: 'Kettle', unitPrice: 5000, quantity: 1, lineTotal: 5000 };

describe('a delivered order line', () => {
  it('is reviewed with stars and an optional text; a rating is required', async () => {
    const server = mockApi({
      'GET /api/orders/o1/reviews': { body: [] },
      'POST /api/products/p-1/reviews': { status: 201, body: { id: 'o1.p-1', productId: 'p-1' } },
    });
    const { user } = renderWithApp(<OrderLineReview orderId="o1" line={line} />, { user: customer });

    await user.click(await screen.findByTestId('write-review'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Kettle');
    await user.click(within(dialog).getByTestId('review-submit'));
    expect(await within(dialog).findByText('Choose 1 to 5 stars.')).toBeInTheDocument();
    expect(server.callsTo('POST /api/products/p-1/reviews')).toHaveLength(0);

    await user.click(within(dialog).getAllByRole('radio')[4]);
    await user.type(within(dialog).getByTestId('review-text'), '  很好用  ');
    await user.click(within(dialog).getByTestId('review-submit'));
    await waitFor(() => expect(server.callsTo('POST /api/products/p-1/reviews')).toHaveLength(1));
    expect(server.callsTo('POST /api/products/p-1/reviews')[0].body).toEqual({ orderId: 'o1', rating: 5, text: '很好用' });
  });

  it('shows the API refusal in the shopper language and keeps the form open', async () => {
    mockApi({
      'GET /api/orders/o1/reviews': { body: [] },
      'POST /api/products/p-1/reviews': { ...problem(409, 'This order line has a review already.'), body: { ...problem(409, 'x').body as object, code: 'review.exists' } },
    });
    const { user } = renderWithApp(<OrderLineReview orderId="o1" line={line} />, { user: customer });
    await user.click(await screen.findByTestId('write-review'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getAllByRole('radio')[2]);
    await user.click(within(dialog).getByTestId('review-submit'));
    expect(await screen.findByText('You reviewed this item of the order already. You can edit that review.')).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
