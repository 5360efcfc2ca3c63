import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cartKeys } from '@/lib/query-keys';
import type { Cart } from '@/types/api';

export const removeCartItem = (productId: string) => api.delete<Cart>(`/api/cart/items/${encodeURIComponent(productId)}`);

export function useRemoveCartItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeCartItem,
    onSuccess: (cart) => queryClient.setQueryData(cartKeys.all, cart),
  });
}
