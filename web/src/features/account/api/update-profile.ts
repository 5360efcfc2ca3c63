import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { setSessionUser } from '@/lib/session';
import type { Address, Language, User } from '@/types/api';

export interface ProfileUpdate {
  name?: string;
  phone?: string;
  defaultAddress?: Address;
  language?: Language;
}

export const updateProfile = (update: ProfileUpdate) => api.put<User>('/api/users/me', update);

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (user) => setSessionUser(queryClient, user),
  });
}
