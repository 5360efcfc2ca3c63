import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { AuthResult, Language, User } from '@/types/api';
import { api } from './api-client';
import { sessionKeys, USER_SCOPED_ROOTS } from './query-keys';
import { tokenStore } from './token-store';

export const fetchMe = (signal?: AbortSignal) => api.get<User>('/api/auth/me', { signal });

export const meQueryOptions = () =>
  queryOptions({
    queryKey: sessionKeys.me(),
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });

export function useToken(): string | null {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.get, () => null);
}

export interface Session {
  token: string | null;
  user: User | undefined;
  isAuthenticated: boolean;
  isAdmin: boolean;
  /** A token exists but we do not know the user yet (first load after a reload). */
  isLoading: boolean;
}

export function useSession(): Session {
  const token = useToken();
  const me = useQuery({ ...meQueryOptions(), enabled: Boolean(token) });
  const user = token ? me.data : undefined;
  return {
    token,
    user,
    isAuthenticated: Boolean(token && user),
    isAdmin: user?.role === 'admin',
    isLoading: Boolean(token) && me.isPending,
  };
}

export function clearUserData(queryClient: QueryClient) {
  queryClient.removeQueries({
    predicate: (query) => (USER_SCOPED_ROOTS as readonly unknown[]).includes(query.queryKey[0]),
  });
}

export function startSession(queryClient: QueryClient, auth: AuthResult) {
  clearUserData(queryClient); // nothing of a previous user may leak into this one's views
  queryClient.setQueryData(meQueryOptions().queryKey, auth.user);
  tokenStore.set(auth.token, auth.expiresAt);
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    tokenStore.clear();
    clearUserData(queryClient);
  }, [queryClient]);
}

/** Updates the cached user after a profile change, so the header and forms show it at once. */
export function setSessionUser(queryClient: QueryClient, user: User) {
  queryClient.setQueryData(meQueryOptions().queryKey, user);
}

/** The language of the shopper's notification emails follows the UI language they pick. */
export const saveUserLanguage = (language: Language) => api.put<User>('/api/users/me', { language });
