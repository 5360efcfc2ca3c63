import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Product } from '@/types/api';
import { invalidateProducts } from './invalidate-products';

/** Sets the quantity available to buy (absolute); open orders' reservations are kept apart. */
export const setStock = ({ id, stock }: { id: string; stock: number }) =>
  api.put<Product>(`/api/admin/products/${encodeURIComponent(id)}/stock`, { stock });

export function useSetStock() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setStock, onSuccess: () => invalidateProducts(queryClient) });
}
