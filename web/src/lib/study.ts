import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type FsrsOptimization, type StudyQueue, type StudySettings } from '../api';

export const QUEUE_SIZE = 20;

/** Query keys: everything under 'study' changes when ratings or settings do. */
export const studyKeys = {
  all: ['study'] as const,
  queue: (topic: string, level: string) => ['study', 'queue', { topic, level }] as const,
  summary: ['study', 'summary'] as const,
  settings: ['study', 'settings'] as const,
  plan: ['study', 'plan'] as const,
  progress: ['progress'] as const,
  optimization: ['study', 'optimization'] as const,
};

export interface FetchedQueue extends StudyQueue {
  /** When the request started: ratings synced after this are not reflected in it. */
  fetchedAt: number;
}

/** The study session's queue. Refetched by the session when it runs low, not in the background. */
export function useStudyQueue(topic: string, level: string) {
  return useQuery({
    queryKey: studyKeys.queue(topic, level),
    queryFn: async ({ signal }): Promise<FetchedQueue> => {
      const fetchedAt = Date.now();
      const queue = await api.studyQueue({ topic, level, limit: QUEUE_SIZE }, signal);
      return { ...queue, fetchedAt };
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

/** Today's counts (for the dashboard): the queue's meta, with a single card. */
export function useStudySummary() {
  return useQuery({
    queryKey: studyKeys.summary,
    queryFn: ({ signal }) => api.studyQueue({ limit: 1 }, signal),
    select: (queue) => queue.meta,
  });
}

export function useStudySettings() {
  return useQuery({ queryKey: studyKeys.settings, queryFn: ({ signal }) => api.studySettings(signal) });
}

export function useStudyPlan() {
  return useQuery({ queryKey: studyKeys.plan, queryFn: ({ signal }) => api.studyPlan(signal) });
}

export function useSaveStudySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Partial<StudySettings>) => api.saveStudySettings(settings),
    onSuccess: (saved) => {
      queryClient.setQueryData(studyKeys.settings, saved);
      // The plan, the queue's limits and today's counts all follow the settings.
      void queryClient.invalidateQueries({
        queryKey: studyKeys.all,
        predicate: (q) => q.queryKey[1] !== 'settings',
      });
    },
  });
}

export function useProgress() {
  return useQuery({ queryKey: studyKeys.progress, queryFn: ({ signal }) => api.progress(signal) });
}

const unfinished = (o: FsrsOptimization | undefined) =>
  o?.run?.status === 'queued' || o?.run?.status === 'running';

/** The latest fit of the learner's own FSRS parameters; polled while one is queued or running. */
export function useFsrsOptimization() {
  return useQuery({
    queryKey: studyKeys.optimization,
    queryFn: ({ signal }) => api.fsrsOptimization(signal),
    refetchInterval: (query) => (unfinished(query.state.data) ? 2000 : false),
  });
}

export function useStartFsrsOptimization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.startFsrsOptimization(),
    onSuccess: (run) => {
      queryClient.setQueryData<FsrsOptimization>(studyKeys.optimization, (old) =>
        old ? { ...old, run } : old,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: studyKeys.optimization }),
  });
}
