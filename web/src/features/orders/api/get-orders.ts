import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { orderKeys } from '@/lib/query-keys';
import type { Order, Page } from '@/types/api';

export const fetchOrders = (page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<Page<Order>>('/api/orders', { query: { page, pageSize }, signal });

export const ordersQueryOptions = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: orderKeys.list(page, pageSize),
    queryFn: ({ signal }) => fetchOrders(page, pageSize, signal),
    placeholderData: keepPreviousData,
  });

export const useOrders = (page: number, pageSize: number) => useQuery(ordersQueryOptions(page, pageSize));
