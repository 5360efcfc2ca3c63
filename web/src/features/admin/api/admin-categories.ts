import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminKeys, catalogKeys } from '@/lib/query-keys';
import type { AdminCategory } from '@/types/api';

export interface CategoryInput {
  id?: string;
  name: string;
  nameEn: string;
  parentId?: string | null;
}

const path = (id: string) => `/api/admin/categories/${encodeURIComponent(id)}`;

/** Every category, archived ones last, with how many products each holds itself. */
export const useAdminCategories = () =>
  useQuery({
    queryKey: adminKeys.categories(),
    queryFn: ({ signal }) => api.get<AdminCategory[]>('/api/admin/categories', { signal }),
  });

/** Any change: the admin list, and the catalog's (filters, home, product form). */
function useCategoryMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.categories() });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      void queryClient.invalidateQueries({ queryKey: adminKeys.productLists() });
    },
  });
}

export const useCreateCategory = () => useCategoryMutation((input: CategoryInput) => api.post<AdminCategory>('/api/admin/categories', input));

export const useUpdateCategory = () =>
  useCategoryMutation(({ id, ...input }: CategoryInput & { id: string }) => api.put<AdminCategory>(path(id), input));

export const useReorderCategories = () => useCategoryMutation((ids: string[]) => api.put<AdminCategory[]>('/api/admin/categories', { ids }));

export const useArchiveCategory = () =>
  useCategoryMutation(({ id, moveTo }: { id: string; moveTo?: string }) => api.post<AdminCategory>(`${path(id)}/archive`, { moveTo }));

export const useRestoreCategory = () => useCategoryMutation((id: string) => api.post<AdminCategory>(`${path(id)}/restore`));
