import type { QueryClient } from '@tanstack/react-query';
import { categoriesQueryOptions } from './api/get-categories';
import { productQueryOptions } from './api/get-product';
import { FEATURED_PRODUCTS_QUERY, productsQueryOptions } from './api/get-products';
import { filtersToQuery, parseFilters } from './hooks/use-product-filters';

// Called on a cold page load before React renders (see app/router.tsx, preloadRoute), so the
// catalog's public data downloads alongside the page's code instead of after it has rendered.
// Same query options as the pages use: the page's useQuery finds the data (or the request in
// flight) in the cache and fetches nothing twice. Errors are left to the page's own query.

export function prefetchHome(queryClient: QueryClient) {
  void queryClient.prefetchQuery(categoriesQueryOptions());
  void queryClient.prefetchQuery(productsQueryOptions(FEATURED_PRODUCTS_QUERY));
}

export function prefetchProductList(queryClient: QueryClient, search: URLSearchParams) {
  void queryClient.prefetchQuery(categoriesQueryOptions());
  void queryClient.prefetchQuery(productsQueryOptions(filtersToQuery(parseFilters(search))));
}

export function prefetchProductDetail(queryClient: QueryClient, id: string) {
  void queryClient.prefetchQuery(categoriesQueryOptions());
  void queryClient.prefetchQuery(productQueryOptions(id));
}
