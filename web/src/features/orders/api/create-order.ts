import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Address, Order } from '@/types/api';
import { ORDERS_QUERY_ROOT, orderQueryOptions } from './get-order';

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
      void queryClient.invalidateQueries({ queryKey: ['me', 'cart'] });
      void queryClient.invalidateQueries({ queryKey: ORDERS_QUERY_ROOT });
      void queryClient.invalidateQueries({ queryKey: ['catalog'] });
    },
  });
}
