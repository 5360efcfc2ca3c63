import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Order, OrderStatus, Page } from '@/types/api';

export interface AdminOrderQuery {
  status?: OrderStatus;
  page: number;
  pageSize: number;
}

export const fetchAdminOrders = (query: AdminOrderQuery, signal?: AbortSignal) =>
  api.get<Page<Order>>('/api/admin/orders', { query: { ...query }, signal });

export const adminOrdersQueryOptions = (query: AdminOrderQuery) =>
  queryOptions({
    queryKey: ['admin', 'orders', query] as const,
    queryFn: ({ signal }) => fetchAdminOrders(query, signal),
    placeholderData: keepPreviousData,
  });

export const useAdminOrders = (query: AdminOrderQuery) => useQuery(adminOrdersQueryOptions(query));
