import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { catalogKeys } from '@/lib/query-keys';
import type { Product } from '@/types/api';

export const fetchProduct = (id: string, signal?: AbortSignal) =>
  api.get<Product>(`/api/products/${encodeURIComponent(id)}`, { signal });

export const productQueryOptions = (id: string) =>
  queryOptions({
    queryKey: catalogKeys.product(id),
    queryFn: ({ signal }) => fetchProduct(id, signal),
    staleTime: 15_000, // stock moves; keep it fresh-ish
  });

export const useProduct = (id: string) => useQuery(productQueryOptions(id));
