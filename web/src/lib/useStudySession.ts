import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, type Rating, type StudyItem } from '../api';
import { cancelLatest, enqueueRating, flushOutbox, newId, onSettled, useOutbox } from './outbox';
import { studyKeys, useStudyQueue } from './study';

/** Refetch the queue once this few cards are left. */
const LOW_WATER = 3;
/** How long to let waiting ratings sync before refetching anyway. */
const FLUSH_WAIT_MS = 3000;
/** While nothing is due, look again this often (learning steps come back within minutes). */
const IDLE_POLL_MS = 60_000;

interface Rated {
  item: StudyItem;
  reviewId: string;
  /** When the outbox let go of the rating; null while it waits. */
  settledAt: number | null;
}

export interface RateInput {
  rating: Rating;
  durationMs: number;
  typedAnswer?: string | undefined;
}

export type UndoOutcome = { status: 'undone'; cardId: string } | { status: 'nothing' };

const wait = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

/**
 * The learner's pass through the queue. Ratings go to the outbox and the next card shows at once;
 * a card rated here stays hidden until a queue fetched after its rating synced says otherwise.
 */
export function useStudySession(topic: string, level: string) {
  const queryClient = useQueryClient();
  const queue = useStudyQueue(topic, level);
  const outbox = useOutbox();
  const [rated, setRated] = useState<ReadonlyMap<string, Rated>>(new Map());
  /** Cards given back by undo, shown before the rest. */
  const [front, setFront] = useState<StudyItem[]>([]);
  /** A card undone on the server that this session never showed: first once the queue has it. */
  const [priorityId, setPriorityId] = useState<string | null>(null);
  const [notes, setNotes] = useState<ReadonlyMap<string, string>>(new Map());
  const [ratedCount, setRatedCount] = useState(0);
  const [lastRatedAt, setLastRatedAt] = useState(0);
  const [syncTick, setSyncTick] = useState(0);
  /** Bumped whenever a card is shown again, so its view starts afresh. */
  const [round, setRound] = useState(0);
  const ratedRef = useRef(rated);
  useEffect(() => {
    ratedRef.current = rated;
  }, [rated]);

  useEffect(
    () =>
      onSettled((entry) => {
        setRated((map) => {
          const r = map.get(entry.cardId);
          if (!r || r.reviewId !== entry.id) return map;
          return new Map(map).set(entry.cardId, { ...r, settledAt: Date.now() });
        });
        setSyncTick((n) => n + 1);
      }),
    [],
  );

  const data = queue.data;
  const items = useMemo(() => {
    if (!data) return [];
    const frontIds = new Set(front.map((i) => i.card.id));
    const rest = data.data.filter(({ card }) => {
      if (frontIds.has(card.id) || outbox.pendingCards.has(card.id)) return false;
      const r = rated.get(card.id);
      return !r || (r.settledAt !== null && data.fetchedAt > r.settledAt);
    });
    const p = rest.findIndex((i) => i.card.id === priorityId);
    if (p > 0) rest.unshift(...rest.splice(p, 1));
    return [...front, ...rest];
  }, [data, front, rated, outbox.pendingCards, priorityId]);

  // Today's counts as the last fetched queue gave them, less the ratings it did not yet know of.
  const today = useMemo(() => {
    if (!data) return null;
    let due = data.meta.dueToday;
    let fresh = data.meta.newToday;
    for (const r of rated.values()) {
      if (r.settledAt !== null && r.settledAt < data.fetchedAt) continue;
      if (r.item.state === 'new') fresh--;
      else due--;
    }
    return { due: Math.max(0, due), new: Math.max(0, fresh) };
  }, [data, rated]);

  const current = items[0] ?? null;
  const next = items[1] ?? null;

  // Fetch the next card's answer ahead of time.
  useEffect(() => {
    if (!next) return;
    const id = next.card.id;
    void queryClient.prefetchQuery({
      queryKey: ['card', id],
      queryFn: ({ signal }) => api.card(id, signal),
      staleTime: 10 * 60_000,
    });
  }, [next, queryClient]);

  // Running low: let waiting ratings sync (briefly), then fetch more. One try per new rating or sync.
  const attempted = useRef('');
  /** True from "running low" until the new queue is in (so the empty state does not flash). */
  const [loadingMore, setLoadingMore] = useState(false);
  const { refetch, isFetching } = queue;
  useEffect(() => {
    if (!data || isFetching || items.length > LOW_WATER || lastRatedAt <= data.fetchedAt) return;
    const key = `${lastRatedAt}:${syncTick}`;
    if (attempted.current === key) return;
    attempted.current = key;
    setLoadingMore(true);
    void Promise.race([flushOutbox(), wait(FLUSH_WAIT_MS)])
      .then(() => refetch())
      .finally(() => setLoadingMore(false));
  }, [data, isFetching, items.length, lastRatedAt, syncTick, refetch]);

  // Nothing to show: look again now and then.
  useEffect(() => {
    if (!data || items.length > 0) return;
    const timer = window.setInterval(() => {
      if (navigator.onLine !== false) void refetch();
    }, IDLE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [data, items.length, refetch]);

  const rate = useCallback(
    (item: StudyItem, { rating, durationMs, typedAnswer }: RateInput) => {
      const reviewId = newId();
      const cardId = item.card.id;
      enqueueRating({
        id: reviewId,
        cardId,
        rating,
        durationMs,
        ...(typedAnswer?.trim() ? { typedAnswer: typedAnswer.trim() } : {}),
      });
      setRated((map) => new Map(map).set(cardId, { item, reviewId, settledAt: null }));
      setFront((list) => list.filter((i) => i.card.id !== cardId));
      if (priorityId === cardId) setPriorityId(null);
      setRatedCount((n) => n + 1);
      setLastRatedAt(Date.now());
      setRound((n) => n + 1);
    },
    [priorityId],
  );

  const undo = useCallback(async (): Promise<UndoOutcome> => {
    let cardId: string;
    const local = await cancelLatest();
    if (local) {
      cardId = local.cardId;
    } else {
      try {
        cardId = (await api.undoReview()).undone.cardId;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return { status: 'nothing' };
        throw err;
      }
    }
    const r = ratedRef.current.get(cardId);
    if (r) {
      setFront((list) => [r.item, ...list.filter((i) => i.card.id !== cardId)]);
      setRated((map) => {
        const copy = new Map(map);
        copy.delete(cardId);
        return copy;
      });
    } else {
      // Rated before this session: the queue (with the card due again) comes from the server.
      setPriorityId(cardId);
      void refetch();
    }
    setRatedCount((n) => Math.max(0, n - 1));
    setRound((n) => n + 1);
    void queryClient.invalidateQueries({ queryKey: studyKeys.summary });
    return { status: 'undone', cardId };
  }, [queryClient, refetch]);

  const noteOf = useCallback(
    (item: StudyItem): string | null =>
      notes.has(item.card.id) ? (notes.get(item.card.id) ?? null) : item.note,
    [notes],
  );
  const setNote = useCallback((cardId: string, text: string) => {
    setNotes((map) => new Map(map).set(cardId, text));
  }, []);

  return {
    queue,
    /** Reviews due and new cards left today, counting this session's ratings at once. */
    today,
    current,
    remaining: items.length,
    loadingMore,
    round,
    ratedCount,
    rate,
    undo,
    noteOf,
    setNote,
  };
}
