import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/lib/query-keys';
import type { Order } from '@/types/api';

export const adminOrderPath = (id: string, action: string) => `/api/admin/orders/${encodeURIComponent(id)}/${action}`;

/** Ship / deliver / refund share their cache handling. */
export function useOrderAction<TInput>(fn: (input: TInput) => Promise<Order>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Refresh the table whether it worked or not: a 409 means the order moved meanwhile.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: adminKeys.orderLists() }),
  });
}
