import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sessionKeys } from '@/lib/query-keys';

/** Opens a verification link: works signed out too (the link may be opened on another device). */
export const verifyEmail = (token: string) => api.post<void>('/api/auth/verify-email', { token }, { authRedirect: false });

export const resendVerification = () => api.post<void>('/api/auth/verify-email/resend', {});

export const useVerifyEmail = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: verifyEmail, onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionKeys.all }) });
};

export const useResendVerification = () => useMutation({ mutationFn: resendVerification });
