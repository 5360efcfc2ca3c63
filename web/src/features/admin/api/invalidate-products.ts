import type { QueryClient } from '@tanstack/react-query';
import { adminKeys, catalogKeys } from '@/lib/query-keys';

/** After any product write, both the admin table and the shop's catalog are stale. */
export function invalidateProducts(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: adminKeys.productLists() });
  void queryClient.invalidateQueries({ queryKey: adminKeys.productDetails() });
  void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
}
