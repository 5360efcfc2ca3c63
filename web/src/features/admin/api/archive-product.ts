import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { invalidateProducts } from './invalidate-products';

/** Archived products leave the catalog and carts but stay in past orders. */
export const archiveProduct = (id: string) => api.delete<void>(`/api/admin/products/${encodeURIComponent(id)}`);

export function useArchiveProduct() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: archiveProduct, onSuccess: () => invalidateProducts(queryClient) });
}
