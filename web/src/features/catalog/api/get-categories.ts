import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { catalogKeys } from '@/lib/query-keys';
import type { Category } from '@/types/api';

export const fetchCategories = (signal?: AbortSignal) => api.get<Category[]>('/api/categories', { signal });

export const categoriesQueryOptions = () =>
  queryOptions({
    queryKey: catalogKeys.categories(),
    queryFn: ({ signal }) => fetchCategories(signal),
    staleTime: 10 * 60_000, // categories change with admin work, rarely
  });

export const useCategories = () => useQuery(categoriesQueryOptions());
