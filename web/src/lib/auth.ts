import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type User } from '../api';

export const ME_KEY = ['me'] as const;

/** The signed-in user, `null` when signed out, `undefined` while unknown. */
export function useMe(): { user: User | null | undefined; isLoading: boolean } {
  const query = useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await api.me(signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
  // If /me itself fails (server down), behave as signed out rather than blocking the app.
  const user = query.isError ? null : query.data;
  return { user, isLoading: query.isPending };
}

/** Store the user after sign-in or sign-up; drop anything cached for a previous user. */
export function useSignedIn(): (user: User) => void {
  const queryClient = useQueryClient();
  return (user) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    queryClient.setQueryData(ME_KEY, user);
  };
}

/** Clear every cached query and mark the session as signed out. */
export function useClearSession(): () => void {
  const queryClient = useQueryClient();
  return () => {
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, null);
  };
}

export function useSignOut() {
  const clear = useClearSession();
  return useMutation({
    mutationFn: () => api.logout(),
    // Even if the server call fails, forget the session locally.
    onSettled: clear,
  });
}

/** Only same-site paths are allowed as a post-sign-in destination. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}
