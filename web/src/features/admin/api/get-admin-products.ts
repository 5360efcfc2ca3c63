import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminKeys } from '@/lib/query-keys';
import type { Page, ProductSummary } from '@/types/api';

export interface AdminProductQuery {
  q?: string;
  page: number;
  pageSize: number;
}

// Admins manage the same catalog shoppers see (there is no separate admin listing endpoint).
export const fetchAdminProducts = (query: AdminProductQuery, signal?: AbortSignal) =>
  api.get<Page<ProductSummary>>('/api/products', { query: { ...query, sort: query.q ? undefined : 'newest' }, signal });

export const adminProductsQueryOptions = (query: AdminProductQuery) =>
  queryOptions({
    queryKey: adminKeys.products(query),
    queryFn: ({ signal }) => fetchAdminProducts(query, signal),
    placeholderData: keepPreviousData,
  });

export const useAdminProducts = (query: AdminProductQuery) => useQuery(adminProductsQueryOptions(query));
