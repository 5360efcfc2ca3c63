import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { newIdempotencyKey } from '@/lib/idempotency';
import { orderKeys } from '@/lib/query-keys';
import type { Order } from '@/types/api';
import { orderQueryOptions } from './get-order';

export interface PayOrderInput {
  orderId: string;
  cardNumber: string;
}

/**
 * Every attempt gets its own key: after a decline the shopper may try another card, which is a
 * new payment, not a repeat of the declined one.
 */
export const payOrder = ({ orderId, cardNumber }: PayOrderInput) =>
  api.post<Order>(
    `/api/orders/${encodeURIComponent(orderId)}/pay`,
    { method: 'card', cardNumber },
    { headers: { 'Idempotency-Key': newIdempotencyKey() } },
  );

export function usePayOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: payOrder,
    onSuccess: (order) => {
      queryClient.setQueryData(orderQueryOptions(order.id).queryKey, order);
      void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
    },
  });
}
