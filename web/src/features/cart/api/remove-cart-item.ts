import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Cart } from '@/types/api';
import { CART_QUERY_KEY } from './get-cart';

export const removeCartItem = (productId: string) => api.delete<Cart>(`/api/cart/items/${encodeURIComponent(productId)}`);

export function useRemoveCartItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeCartItem,
    onSuccess: (cart) => queryClient.setQueryData(CART_QUERY_KEY, cart),
  });
}
