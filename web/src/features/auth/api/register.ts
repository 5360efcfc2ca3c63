import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { currentLanguage } from '@/lib/i18n';
import { saveUserLanguage, setSessionUser, startSession } from '@/lib/session';
import type { AuthResult } from '@/types/api';

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
}

export const register = (input: RegisterInput) => api.post<AuthResult>('/api/auth/register', input, { authRedirect: false });

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (auth) => {
      startSession(queryClient, auth);
      // Registration takes no language; set it right after, so the first emails are in the
      // language the shopper signed up in. Not worth failing the sign-up over.
      saveUserLanguage(currentLanguage())
        .then((user) => setSessionUser(queryClient, user))
        .catch(() => undefined);
    },
  });
}
