import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useMe } from '../lib/auth';
import { onSettled, setOutboxUser, startOutbox } from '../lib/outbox';
import { studyKeys } from '../lib/study';

/**
 * Keeps the rating outbox sending on every page (so ratings left over from a previous visit sync
 * on load), for the signed-in user only, and refreshes today's counts as ratings land.
 */
export function OutboxSync() {
  const { user } = useMe();
  const queryClient = useQueryClient();
  const userId = user?.id ?? null;

  useEffect(() => {
    startOutbox();
    setOutboxUser(userId);
  }, [userId]);

  useEffect(
    () =>
      onSettled(() => {
        void queryClient.invalidateQueries({ queryKey: studyKeys.summary });
        void queryClient.invalidateQueries({ queryKey: studyKeys.progress });
      }),
    [queryClient],
  );

  return null;
}
