import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cartKeys, catalogKeys, orderKeys } from '@/lib/query-keys';
import type { Address, Order } from '@/types/api';
import { orderQueryOptions } from './get-order';

export interface CreateOrderInput {
  shippingAddress: Address;
  note?: string;
  /** The total the shopper was shown (fen): the API refuses the order if prices changed since. */
  expectedTotal?: number;
  /** One key per checkout submit, reused when the same submit is retried. */
  idempotencyKey: string;
}

export const createOrder = ({ idempotencyKey, ...body }: CreateOrderInput) =>
  api.post<Order>('/api/orders', body, { headers: { 'Idempotency-Key': idempotencyKey } });

export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrder,
    onSuccess: (order) => {
      queryClient.setQueryData(orderQueryOptions(order.id).queryKey, order);
      // The API emptied the cart and reserved stock: both views are stale now.
      void queryClient.invalidateQueries({ queryKey: cartKeys.all });
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}
