import type { QueryClient } from '@tanstack/react-query';

/** After any product write, both the admin table and the shop's catalog are stale. */
export function invalidateProducts(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ['admin', 'products'] });
  void queryClient.invalidateQueries({ queryKey: ['admin', 'product'] });
  void queryClient.invalidateQueries({ queryKey: ['catalog'] });
}
