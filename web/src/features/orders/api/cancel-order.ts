import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { catalogKeys, orderKeys } from '@/lib/query-keys';
import type { Order } from '@/types/api';
import { orderQueryOptions } from './get-order';

export const cancelOrder = (orderId: string) => api.post<Order>(`/api/orders/${encodeURIComponent(orderId)}/cancel`);

export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelOrder,
    onSuccess: (order) => {
      queryClient.setQueryData(orderQueryOptions(order.id).queryKey, order);
      void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all }); // stock was released
    },
    // 409 "already shipped": show the real state instead of the stale one.
    onError: (_error, orderId) => void queryClient.invalidateQueries({ queryKey: orderQueryOptions(orderId).queryKey }),
  });
}
