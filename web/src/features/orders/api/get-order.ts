import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { orderKeys } from '@/lib/query-keys';
import type { Order } from '@/types/api';

export const fetchOrder = (id: string, signal?: AbortSignal) => api.get<Order>(`/api/orders/${encodeURIComponent(id)}`, { signal });

export const orderQueryOptions = (id: string) =>
  queryOptions({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => fetchOrder(id, signal),
  });

export const useOrder = (id: string) => useQuery(orderQueryOptions(id));
