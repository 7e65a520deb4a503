import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type CardQuery, type ExerciseQuery } from '../api';

export function useTopics() {
  return useQuery({
    queryKey: ['topics'],
    queryFn: ({ signal }) => api.topics(signal),
    select: (res) => [...res.data].sort((a, b) => a.order - b.order),
    staleTime: 10 * 60_000,
  });
}

export function useTopic(id: string) {
  return useQuery({
    queryKey: ['topic', id],
    queryFn: ({ signal }) => api.topic(id, signal),
    staleTime: 10 * 60_000,
  });
}

export function useCards(query: CardQuery) {
  return useQuery({
    queryKey: ['cards', query],
    queryFn: ({ signal }) => api.cards(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCard(id: string) {
  return useQuery({
    queryKey: ['card', id],
    queryFn: ({ signal }) => api.card(id, signal),
    staleTime: 10 * 60_000,
  });
}

export function useExercises(query: ExerciseQuery) {
  return useQuery({
    queryKey: ['exercises', query],
    queryFn: ({ signal }) => api.exercises(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useExercise(id: string) {
  return useQuery({
    queryKey: ['exercise', id],
    queryFn: ({ signal }) => api.exercise(id, signal),
    staleTime: 10 * 60_000,
  });
}
