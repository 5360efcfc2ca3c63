import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Product } from '@/types/api';
import { ifMatch } from './if-match';
import { invalidateProducts } from './invalidate-products';
import type { ProductInput } from './product-input';

/** `revision`: the one the stock shown was read at; sent when the stock is (see setStock). */
export const updateProduct = ({ id, revision, ...input }: ProductInput & { id: string; revision?: number }) =>
  api.put<Product>(`/api/admin/products/${encodeURIComponent(id)}`, input, { headers: ifMatch(revision) });

export function useUpdateProduct() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateProduct, onSuccess: () => invalidateProducts(queryClient) });
}
