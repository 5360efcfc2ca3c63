import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminKeys } from '@/lib/query-keys';
import type { Product } from '@/types/api';

/** The full product (description, images) needed to fill the edit form. */
export const fetchAdminProduct = (id: string, signal?: AbortSignal) => api.get<Product>(`/api/products/${encodeURIComponent(id)}`, { signal });

export const adminProductQueryOptions = (id: string) =>
  queryOptions({
    queryKey: adminKeys.product(id),
    queryFn: ({ signal }) => fetchAdminProduct(id, signal),
    staleTime: 0,
  });

export const useAdminProduct = (id: string | undefined) => useQuery({ ...adminProductQueryOptions(id ?? ''), enabled: Boolean(id) });
