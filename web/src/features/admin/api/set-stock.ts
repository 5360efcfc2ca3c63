import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Product } from '@/types/api';
import { ifMatch } from './if-match';
import { invalidateProducts } from './invalidate-products';

/**
 * Sets the quantity available to buy (absolute); open orders' reservations are kept apart. With the
 * revision the admin saw, a product changed since (an order took stock) is refused with 412.
 */
export const setStock = ({ id, stock, revision }: { id: string; stock: number; revision?: number }) =>
  api.put<Product>(`/api/admin/products/${encodeURIComponent(id)}/stock`, { stock }, { headers: ifMatch(revision) });

export function useSetStock() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setStock, onSuccess: () => invalidateProducts(queryClient) });
}
