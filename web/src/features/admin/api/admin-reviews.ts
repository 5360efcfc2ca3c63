import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminKeys, catalogKeys, reviewKeys } from '@/lib/query-keys';
import type { AdminReview, Page } from '@/types/api';

export type ReviewVisibilityFilter = 'all' | 'visible' | 'hidden';

export interface AdminReviewQuery {
  show: ReviewVisibilityFilter;
  page: number;
  pageSize: number;
}

/** Reviews newest first, for moderation: all, or only the visible or the hidden ones. */
export const useAdminReviews = ({ show, page, pageSize }: AdminReviewQuery) =>
  useQuery({
    queryKey: adminKeys.reviews({ show, page, pageSize }),
    queryFn: ({ signal }) =>
      api.get<Page<AdminReview>>('/api/admin/reviews', {
        query: { hidden: show === 'all' ? undefined : show === 'hidden', page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

/** Hides a review with a reason, or shows it again; the product's rating and lists follow. */
export function useSetReviewVisibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, hidden, reason }: { reviewId: string; hidden: boolean; reason?: string }) =>
      api.put<AdminReview>(`/api/admin/reviews/${encodeURIComponent(reviewId)}/visibility`, { hidden, reason }),
    onSuccess: (review) => {
      void queryClient.invalidateQueries({ queryKey: [...adminKeys.all, 'reviews'] });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.product(review.productId) });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}
