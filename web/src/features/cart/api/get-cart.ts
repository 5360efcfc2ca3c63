import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cartKeys } from '@/lib/query-keys';
import { useToken } from '@/lib/session';
import type { Cart } from '@/types/api';

export const fetchCart = (signal?: AbortSignal) => api.get<Cart>('/api/cart', { signal });

export const cartQueryOptions = () =>
  queryOptions({
    queryKey: cartKeys.all,
    queryFn: ({ signal }) => fetchCart(signal),
    staleTime: 10_000,
  });

/**
 * The caller's cart. Only asked for with a token: an anonymous visitor has no cart, and asking
 * would earn a 401 that sends them to the login page while they are just browsing.
 */
export function useCart(options: { live?: boolean } = {}) {
  const token = useToken();
  return useQuery({
    ...cartQueryOptions(),
    enabled: Boolean(token),
    // On the cart page, stock can run out under the shopper's eyes; re-check it now and then.
    refetchInterval: options.live ? 30_000 : false,
  });
}
