import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { cartKeys } from '@/lib/query-keys';
import type { Cart } from '@/types/api';

export interface AddToCartInput {
  productId: string;
  quantity: number;
}

export const addToCart = (input: AddToCartInput) => api.post<Cart>('/api/cart/items', input);

export function useAddToCart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addToCart,
    onSuccess: (cart) => queryClient.setQueryData(cartKeys.all, cart),
  });
}
