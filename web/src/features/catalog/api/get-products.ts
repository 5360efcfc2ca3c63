import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type QueryValue } from '@/lib/api-client';
import { catalogKeys } from '@/lib/query-keys';
import type { ProductPage } from '@/types/api';

export type ProductSort = 'relevance' | 'price_asc' | 'price_desc' | 'newest' | 'popular' | 'rating';
export const PRODUCT_SORTS: readonly ProductSort[] = ['relevance', 'price_asc', 'price_desc', 'newest', 'popular', 'rating'];

/** The query of GET /api/products, prices in fen. */
export interface ProductQuery {
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort?: ProductSort;
  page?: number;
  pageSize?: number;
}

/** The home page's "popular" row; shared with its prefetch so both use one cache entry. */
export const FEATURED_PRODUCTS_QUERY = { sort: 'popular', inStock: true, pageSize: 8, page: 1 } satisfies ProductQuery;

export const fetchProducts = (query: ProductQuery, signal?: AbortSignal) =>
  api.get<ProductPage>('/api/products', {
    query: { ...query, inStock: query.inStock ? true : undefined } as Record<string, QueryValue>,
    signal,
  });

export const productsQueryOptions = (query: ProductQuery) =>
  queryOptions({
    queryKey: catalogKeys.products(query),
    queryFn: ({ signal }) => fetchProducts(query, signal),
    staleTime: 30_000,
    // Keep the previous page on screen while the next one loads, instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });

export const useProducts = (query: ProductQuery) => useQuery(productsQueryOptions(query));
