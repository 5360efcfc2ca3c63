import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminKeys } from '@/lib/query-keys';
import type { Order, OrderStatus, Page } from '@/types/api';

export type AdminOrderSort = 'newest' | 'oldest' | 'total_desc' | 'total_asc';
export const ADMIN_ORDER_SORTS: readonly AdminOrderSort[] = ['newest', 'oldest', 'total_desc', 'total_asc'];

export interface AdminOrderQuery {
  status?: OrderStatus;
  /** A customer's email (when it holds an @) or the start of an order number. */
  search?: string;
  sort?: AdminOrderSort;
  page: number;
  pageSize: number;
}

/**
 * The API's query: an email, or the start of an order number (letters and digits; a whole order id
 * pasted from the table counts by its last 8, which are the number), and sort field with direction.
 */
const toApiQuery = ({ search, sort = 'newest', ...rest }: AdminOrderQuery) => {
  const number = search && !search.includes('@') ? search.replace(/[^0-9a-z]/gi, '') : '';
  return {
    ...rest,
    email: search?.includes('@') ? search : undefined,
    q: number ? number.slice(-8) : undefined,
    sort: sort.startsWith('total') ? 'total' : 'createdAt',
    order: sort === 'oldest' || sort === 'total_asc' ? 'asc' : 'desc',
  };
};

export const fetchAdminOrders = (query: AdminOrderQuery, signal?: AbortSignal) =>
  api.get<Page<Order>>('/api/admin/orders', { query: toApiQuery(query), signal });

export const adminOrdersQueryOptions = (query: AdminOrderQuery) =>
  queryOptions({
    queryKey: adminKeys.orders(query),
    queryFn: ({ signal }) => fetchAdminOrders(query, signal),
    placeholderData: keepPreviousData,
  });

export const useAdminOrders = (query: AdminOrderQuery) => useQuery(adminOrdersQueryOptions(query));
