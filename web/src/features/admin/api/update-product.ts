import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Product } from '@/types/api';
import { invalidateProducts } from './invalidate-products';
import type { ProductInput } from './product-input';

export const updateProduct = ({ id, ...input }: ProductInput & { id: string }) =>
  api.put<Product>(`/api/admin/products/${encodeURIComponent(id)}`, input);

export function useUpdateProduct() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateProduct, onSuccess: () => invalidateProducts(queryClient) });
}
