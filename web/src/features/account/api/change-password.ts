import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

// A 401 may mean "current password is wrong": handled by the form, not by logging out.
export const changePassword = (input: ChangePasswordInput) => api.post<void>('/api/auth/change-password', input, { authRedirect: false });

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
