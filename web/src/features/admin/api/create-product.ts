import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Product } from '@/types/api';
import { invalidateProducts } from './invalidate-products';
import type { ProductInput } from './product-input';

export const createProduct = (input: ProductInput) => api.post<Product>('/api/admin/products', input);

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createProduct, onSuccess: () => invalidateProducts(queryClient) });
}
