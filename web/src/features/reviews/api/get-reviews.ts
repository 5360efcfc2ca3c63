import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { reviewKeys } from '@/lib/query-keys';
import type { ReviewList, ReviewSort } from '@/types/api';

export const REVIEWS_PAGE_SIZE = 10;

export const fetchReviews = (productId: string, sort: ReviewSort, page: number, signal?: AbortSignal) =>
  api.get<ReviewList>(`/api/products/${encodeURIComponent(productId)}/reviews`, {
    query: { sort, page, pageSize: REVIEWS_PAGE_SIZE },
    signal,
  });

export const reviewsQueryOptions = (productId: string, sort: ReviewSort, page: number) =>
  queryOptions({
    queryKey: reviewKeys.list(productId, sort, page),
    queryFn: ({ signal }) => fetchReviews(productId, sort, page, signal),
    placeholderData: keepPreviousData,
  });

export const useReviews = (productId: string, sort: ReviewSort, page: number) => useQuery(reviewsQueryOptions(productId, sort, page));
