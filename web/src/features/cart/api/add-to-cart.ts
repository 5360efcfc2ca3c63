import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Cart } from '@/types/api';
import { CART_QUERY_KEY } from './get-cart';

export interface AddToCartInput {
  productId: string;
  quantity: number;
}

export const addToCart = (input: AddToCartInput) => api.post<Cart>('/api/cart/items', input);

export function useAddToCart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addToCart,
    onSuccess: (cart) => queryClient.setQueryData(CART_QUERY_KEY, cart),
  });
}
