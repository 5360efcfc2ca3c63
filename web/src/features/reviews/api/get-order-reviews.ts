import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { orderKeys } from '@/lib/query-keys';
import type { Review } from '@/types/api';

/** The reviews the shopper wrote for a delivered order's lines (one query, shared by the lines). */
export const useOrderReviews = (orderId: string) =>
  useQuery({
    queryKey: orderKeys.reviews(orderId),
    queryFn: ({ signal }) => api.get<Review[]>(`/api/orders/${encodeURIComponent(orderId)}/reviews`, { signal }),
  });
