import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { catalogKeys, orderKeys, reviewKeys } from '@/lib/query-keys';
import type { Review } from '@/types/api';

export interface ReviewInput {
  rating: number;
  text?: string;
}

const reviewPath = (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}`;

/** After any change of a product's reviews: its lists, its rating in the catalog, and the order pages' marks. */
function useRefreshReviews() {
  const queryClient = useQueryClient();
  return (productId: string) => {
    void queryClient.invalidateQueries({ queryKey: reviewKeys.product(productId) });
    void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    void queryClient.invalidateQueries({ queryKey: [...orderKeys.all, 'reviews'] });
  };
}

export function useWriteReview() {
  const refresh = useRefreshReviews();
  return useMutation({
    mutationFn: ({ productId, orderId, input }: { productId: string; orderId: string; input: ReviewInput }) =>
      api.post<Review>(`/api/products/${encodeURIComponent(productId)}/reviews`, { orderId, ...input }),
    onSuccess: (review) => refresh(review.productId),
  });
}

export function useEditReview() {
  const refresh = useRefreshReviews();
  return useMutation({
    mutationFn: ({ reviewId, input }: { reviewId: string; input: ReviewInput }) => api.put<Review>(reviewPath(reviewId), input),
    onSuccess: (review) => refresh(review.productId),
  });
}

export function useDeleteReview() {
  const refresh = useRefreshReviews();
  return useMutation({
    mutationFn: (review: Pick<Review, 'id' | 'productId'>) => api.delete<void>(reviewPath(review.id)),
    onSuccess: (_nothing, review) => refresh(review.productId),
  });
}

export function useVoteHelpful() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (review: Pick<Review, 'id' | 'productId'>) => api.post<{ helpful: number }>(`${reviewPath(review.id)}/helpful`),
    onSuccess: (_count, review) => void queryClient.invalidateQueries({ queryKey: reviewKeys.product(review.productId) }),
  });
}
