import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { startSession } from '@/lib/session';
import type { AuthResult } from '@/types/api';

export interface LoginInput {
  email: string;
  password: string;
}

// A 401 here means "wrong email or password", not "your session expired": no redirect.
export const login = (input: LoginInput) => api.post<AuthResult>('/api/auth/login', input, { authRedirect: false });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (auth) => startSession(queryClient, auth),
  });
}
