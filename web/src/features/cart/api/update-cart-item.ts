import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cartKeys } from '@/lib/query-keys';
import type { Cart } from '@/types/api';

export interface UpdateCartItemInput {
  productId: string;
  quantity: number;
}

export const updateCartItem = ({ productId, quantity }: UpdateCartItemInput) =>
  api.put<Cart>(`/api/cart/items/${encodeURIComponent(productId)}`, { quantity });

export function useUpdateCartItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCartItem,
    onSuccess: (cart) => queryClient.setQueryData(cartKeys.all, cart),
    // A 409 means stock moved: reload the cart so the warnings show the new availability.
    onError: () => void queryClient.invalidateQueries({ queryKey: cartKeys.all }),
  });
}
