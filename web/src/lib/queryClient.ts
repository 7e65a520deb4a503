import { QueryClient } from '@tanstack/react-query';
import { ApiError, onSignedOut } from '../api';
import { ME_KEY } from './auth';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // Client errors will not fix themselves; retry network and server errors once.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 1,
    },
  },
});

onSignedOut(() => queryClient.setQueryData(ME_KEY, null));
