import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Cart } from '@/types/api';
import { CART_QUERY_KEY } from './get-cart';

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
    onSuccess: (cart) => queryClient.setQueryData(CART_QUERY_KEY, cart),
    // A 409 means stock moved: reload the cart so the warnings show the new availability.
    onError: () => void queryClient.invalidateQueries({ queryKey: CART_QUERY_KEY }),
  });
}
