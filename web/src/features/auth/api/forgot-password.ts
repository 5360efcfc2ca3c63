import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const forgotPassword = (email: string) => api.post<void>('/api/auth/forgot-password', { email }, { authRedirect: false });

export const useForgotPassword = () => useMutation({ mutationFn: forgotPassword });
