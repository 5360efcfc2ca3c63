import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, type RecordedCall } from '@/test/fetch-mock';
import { customer } from '@/test/fixtures';
import { renderWithApp } from '@/test/render';
import type { Review, ReviewList } from '@/types/api';
import ProductReviews from './ProductReviews';

const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();

function review(overrides: Partial<Review>): Review {
  return {
    id: 'o1.p-1', productId: 'p-1', productName: 'Kettle', author: '李**', rating: 5, text: '烧水很快', createdAt: '2026-12-01T08:00:00Z',
    updatedAt: '2026-12-01T08:00:00Z', helpful: 0, verifiedPurchase: true, mine: false, editableUntil: inAWeek, ...overrides,
  };
}

const list = (items: Review[]): ReviewList => ({
  summary: { count: 3, average: 3.7, distribution: [1, 0, 0, 1, 1] },
  items,
  total: items.length,
  page: 1,
  pageSize: 10,
});

describe('product reviews', () => {
  it('shows the average, one bar per star and the reviews, and asks the API for the order chosen', async () => {
    const server = mockApi({
      'GET /api/products/p-1/reviews': (call: RecordedCall) => ({
        body: list(call.url.searchParams.get('sort') === 'helpful'
          ? [review({ id: 'o2.p-1', author: '韩**', rating: 1, text: '坏了', helpful: 4 })]
          : [review({}), review({ id: 'o2.p-1', author: '韩**', rating: 1, text: '坏了', helpful: 4 })]),
      }),
    });
    const { user } = renderWithApp(<ProductReviews productId="p-1" />);

    const summary = await screen.findByTestId('rating-summary');
    expect(summary).toHaveTextContent('3.7');
    expect(summary).toHaveTextContent('3 reviews');
    expect(screen.getByTestId('rating-bar-5')).toHaveAttribute('data-count', '1');
    expect(screen.getByTestId('rating-bar-1')).toHaveTextContent('1 star');
    const reviews = screen.getAllByTestId('review');
    expect(reviews).toHaveLength(2);
    expect(within(reviews[0]).getByText('Verified purchase')).toBeInTheDocument();
    expect(within(reviews[1]).getByRole('button', { name: /Helpful \(4\)/ })).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Sort reviews' }));
    await user.click(await screen.findByText('Most helpful'));
    await waitFor(() => expect(screen.getAllByTestId('review')).toHaveLength(1));
    expect(server.callsTo('GET /api/products/p-1/reviews').at(-1)!.url.searchParams.get('sort')).toBe('helpful');
  });

  it('lets a signed-in shopper vote once, and the author edit their own review', async () => {
    const server = mockApi({
      'GET /api/products/p-1/reviews': { body: list([review({ id: 'mine.p-1', mine: true, rating: 2, text: '一般' }), review({ id: 'o2.p-1' })]) },
      'POST /api/reviews/o2.p-1/helpful': { body: { helpful: 1 } },
      'PUT /api/reviews/mine.p-1': (call: RecordedCall) => ({ body: review({ id: 'mine.p-1', mine: true, ...(call.body as object) }) }),
    });
    const { user } = renderWithApp(<ProductReviews productId="p-1" />, { user: customer });

    const [mine, other] = await screen.findAllByTestId('review');
    expect(within(mine).getByText('Your review')).toBeInTheDocument();
    expect(within(mine).queryByTestId('review-helpful')).not.toBeInTheDocument();
    await user.click(within(other).getByTestId('review-helpful'));
    await waitFor(() => expect(server.callsTo('POST /api/reviews/o2.p-1/helpful')).toHaveLength(1));

    await user.click(within(mine).getByTestId('review-edit'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getAllByRole('radio')[3]); // four stars
    await user.clear(within(dialog).getByTestId('review-text'));
    await user.type(within(dialog).getByTestId('review-text'), '用久了还不错');
    await user.click(within(dialog).getByTestId('review-submit'));
    await waitFor(() => expect(server.callsTo('PUT /api/reviews/mine.p-1')).toHaveLength(1));
    expect(server.callsTo('PUT /api/reviews/mine.p-1')[0].body).toEqual({ rating: 4, text: '用久了还不错' });
  });

  it('says so when a product has no reviews yet', async () => {
    mockApi({ 'GET /api/products/p-1/reviews': { body: { summary: { count: 0, average: null, distribution: [0, 0, 0, 0, 0] }, items: [], total: 0, page: 1, pageSize: 10 } } });
    renderWithApp(<ProductReviews productId="p-1" />);
    expect(await screen.findByTestId('reviews-empty')).toHaveTextContent('No reviews yet');
  });
});
