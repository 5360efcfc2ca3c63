import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Order } from '@/types/api';

export const ORDERS_QUERY_ROOT = ['me', 'orders'] as const;

export const fetchOrder = (id: string, signal?: AbortSignal) => api.get<Order>(`/api/orders/${encodeURIComponent(id)}`, { signal });

export const orderQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...ORDERS_QUERY_ROOT, 'detail', id] as const,
    queryFn: ({ signal }) => fetchOrder(id, signal),
  });

export const useOrder = (id: string) => useQuery(orderQueryOptions(id));
