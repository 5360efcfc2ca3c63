import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export interface ResetPasswordInput {
  token: string;
  newPassword: string;
}

export const resetPassword = (input: ResetPasswordInput) => api.post<void>('/api/auth/reset-password', input, { authRedirect: false });

export const useResetPassword = () => useMutation({ mutationFn: resetPassword });
