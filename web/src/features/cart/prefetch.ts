import type { QueryClient } from '@tanstack/react-query';
import { tokenStore } from '@/lib/token-store';
import { cartQueryOptions } from './api/get-cart';

/**
 * On a cold load of the cart page (app/router.tsx, preloadRoute), the cart downloads alongside the page's
 * code instead of after the page has rendered. Only with a token: a visitor has no cart.
 */
export function prefetchCart(queryClient: QueryClient) {
  if (tokenStore.get()) void queryClient.prefetchQuery(cartQueryOptions());
}
