/**
 * A persistent outbox for ratings, so none is lost on a flaky connection.
 *
 * - A rating is written to localStorage before it is sent, with an id made on the client: a retry
 *   sends the same id, and the server treats it as the same review.
 * - It leaves the outbox on a 2xx, or on a 4xx other than 401/408/429, which is final (it is kept
 *   in a "failed" list to show the learner). Anything else is retried with back-off, on the
 *   'online' event, when the page becomes visible, and on page load.
 * - A 401 pauses sending until the user signs in again; ratings are kept per user, so nobody
 *   else's session ever sends them.
 * - Ratings are sent one at a time, oldest first, so the server sees them in the order made.
 * - Each carries how long ago it was made, so one sent late (after a time offline) is scheduled
 *   and counted at the moment the learner rated it, not when it arrived.
 */
import { useSyncExternalStore } from 'react';
import { ApiError, api, errorMessage, type Rating, type ReviewBody } from '../api';

export interface PendingRating extends ReviewBody {
  userId: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
}

export interface FailedRating {
  id: string;
  userId: string;
  cardId: string;
  rating: Rating;
  message: string;
}

interface Stored {
  pending: PendingRating[];
  failed: FailedRating[];
}

export type Outcome = 'synced' | 'failed';

export interface OutboxSnapshot {
  /** Ratings of the current user not yet accepted by the server. */
  pending: number;
  failed: FailedRating[];
  sending: boolean;
  /** The card ids with a rating waiting, so the study queue can hide them. */
  pendingCards: ReadonlySet<string>;
}

const STORAGE_KEY = 'np-review-outbox';
const MAX_DELAY_MS = 60_000;
const BASE_DELAY_MS = 1_000;

const EMPTY: Stored = { pending: [], failed: [] };
let memory: Stored = EMPTY;
/** False once localStorage refused a write: `memory` is then the truth. */
let storageWorks = true;
let userId: string | null = null;
let paused = false;
let inFlightId: string | null = null;
let flight: Promise<void> | null = null;
let timer: number | undefined;
let started = false;

const listeners = new Set<() => void>();
const settledListeners = new Set<(entry: PendingRating, outcome: Outcome) => void>();
let snapshot: OutboxSnapshot = { pending: 0, failed: [], sending: false, pendingCards: new Set() };

// ---------- Storage ----------

function isStored(value: unknown): value is Stored {
  const v = value as Stored | null;
  return Boolean(v && Array.isArray(v.pending) && Array.isArray(v.failed));
}

function read(): Stored {
  if (!storageWorks) return memory;
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === null) return EMPTY;
    const parsed: unknown = JSON.parse(raw);
    return isStored(parsed) ? parsed : EMPTY;
  } catch {
    return memory; // storage blocked (private mode): keep the outbox for this page only
  }
}

function write(next: Stored): void {
  memory = next;
  try {
    if (next.pending.length === 0 && next.failed.length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    storageWorks = true;
  } catch {
    storageWorks = false; // quota or private mode: `memory` holds it for this page
  }
  notify();
}

function update(change: (s: Stored) => Stored): void {
  write(change(read()));
}

// ---------- Snapshot for React ----------

function notify(): void {
  const s = read();
  const mine = s.pending.filter((e) => e.userId === userId);
  snapshot = {
    pending: mine.length,
    failed: s.failed.filter((f) => f.userId === userId),
    sending: inFlightId !== null,
    pendingCards: new Set(mine.map((e) => e.cardId)),
  };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOutbox(): OutboxSnapshot {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** Called once per rating that leaves the outbox (synced or failed for good). */
export function onSettled(listener: (entry: PendingRating, outcome: Outcome) => void): () => void {
  settledListeners.add(listener);
  return () => settledListeners.delete(listener);
}

// ---------- Sending ----------

/** The server takes a rating up to 30 days late; an older one counts as 30 days old. */
const MAX_RATED_AGO_MS = 30 * 86_400_000;

/** What is sent: the rating, and how long ago it was made by this device's clock. */
function bodyOf({ id, cardId, rating, durationMs, typedAnswer, createdAt }: PendingRating): ReviewBody {
  const ratedAgoMs = Math.min(MAX_RATED_AGO_MS, Math.max(0, Math.round(Date.now() - createdAt)));
  return { id, cardId, rating, durationMs, ratedAgoMs, ...(typedAnswer ? { typedAnswer } : {}) };
}

function nextOf(s: Stored): PendingRating | undefined {
  return s.pending.find((e) => e.userId === userId);
}

/** A 4xx is final, except 401 (sign in again), 408 (timeout) and 429 (slow down). */
function isFinal(err: unknown): err is ApiError {
  return (
    err instanceof ApiError && err.status >= 400 && err.status < 500 && ![401, 408, 429].includes(err.status)
  );
}

function backoffMs(attempts: number, retryAfter: number | undefined): number {
  const exp = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = exp * (0.8 + Math.random() * 0.4);
  return Math.max(jittered, (retryAfter ?? 0) * 1000);
}

function settle(entry: PendingRating, outcome: Outcome): void {
  for (const listener of settledListeners) listener(entry, outcome);
}

async function sendAll(): Promise<void> {
  while (userId && !paused) {
    const entry = nextOf(read());
    if (!entry || entry.nextAttemptAt > Date.now()) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return; // 'online' resumes
    inFlightId = entry.id;
    notify();
    let error: unknown = null;
    try {
      await api.review(bodyOf(entry));
    } catch (err) {
      error = err ?? new Error('Request failed');
    } finally {
      inFlightId = null;
    }
    if (!error) {
      update((s) => ({ ...s, pending: s.pending.filter((e) => e.id !== entry.id) }));
      settle(entry, 'synced');
    } else if (isFinal(error)) {
      const failed: FailedRating = {
        id: entry.id,
        userId: entry.userId,
        cardId: entry.cardId,
        rating: entry.rating,
        message: errorMessage(error),
      };
      update((s) => ({
        pending: s.pending.filter((e) => e.id !== entry.id),
        failed: [...s.failed.filter((f) => f.id !== entry.id), failed],
      }));
      settle(entry, 'failed');
    } else if (error instanceof ApiError && error.status === 401) {
      paused = true; // resumes when a user signs in (setOutboxUser)
      notify();
      return;
    } else {
      const retryAfter = error instanceof ApiError ? error.retryAfter : undefined;
      update((s) => ({
        ...s,
        pending: s.pending.map((e) =>
          e.id === entry.id
            ? {
                ...e,
                attempts: e.attempts + 1,
                nextAttemptAt: Date.now() + backoffMs(e.attempts + 1, retryAfter),
              }
            : e,
        ),
      }));
      return;
    }
  }
}

function schedule(): void {
  window.clearTimeout(timer);
  timer = undefined;
  if (!userId || paused) return;
  const next = nextOf(read());
  if (!next) return;
  timer = window.setTimeout(() => void flushOutbox(), Math.max(0, next.nextAttemptAt - Date.now()));
}

/** Sends what is due now; one run at a time (concurrent calls share it). */
export function flushOutbox(): Promise<void> {
  flight ??= sendAll()
    .catch(() => {})
    .finally(() => {
      flight = null;
      notify();
      schedule();
    });
  return flight;
}

/** Everything waiting is retried now (network is back, or the learner asked). */
export function retryNow(): Promise<void> {
  const now = Date.now();
  update((s) => ({
    ...s,
    pending: s.pending.map((e) =>
      e.userId === userId ? { ...e, nextAttemptAt: Math.min(e.nextAttemptAt, now) } : e,
    ),
  }));
  return flushOutbox();
}

// ---------- Public API ----------

/** Persists the rating, then starts sending it. */
export function enqueueRating(body: ReviewBody): void {
  if (!userId) throw new Error('Sign in to rate cards.');
  const entry: PendingRating = { ...body, userId, createdAt: Date.now(), attempts: 0, nextAttemptAt: 0 };
  update((s) => ({ ...s, pending: [...s.pending.filter((e) => e.id !== entry.id), entry] }));
  void flushOutbox();
}

/**
 * Takes back the newest rating still waiting, so it is never sent. Waits while it is being sent
 * (then it is no longer waiting, and the caller undoes it on the server). null if none waits.
 */
export async function cancelLatest(): Promise<PendingRating | null> {
  for (;;) {
    const mine = read().pending.filter((e) => e.userId === userId);
    const last = mine[mine.length - 1];
    if (!last) return null;
    if (inFlightId === last.id && flight) {
      await flight;
      continue;
    }
    update((s) => ({ ...s, pending: s.pending.filter((e) => e.id !== last.id) }));
    return last;
  }
}

export function dismissFailed(id: string): void {
  update((s) => ({ ...s, failed: s.failed.filter((f) => f.id !== id) }));
}

/** Whose ratings to send; null when signed out (nothing is sent, nothing is dropped). */
export function setOutboxUser(id: string | null): void {
  userId = id;
  paused = false;
  notify();
  if (id) void flushOutbox();
  else schedule();
}

/** Wires the browser events and retries what waits from earlier visits; once per page load. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  // A page load is a fresh start: what waits is tried at once, whatever its back-off said.
  update((s) => ({ ...s, pending: s.pending.map((e) => ({ ...e, nextAttemptAt: 0 })) }));
  window.addEventListener('online', () => void retryNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flushOutbox();
  });
  // Another tab changed the outbox.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    notify();
    schedule();
  });
}

/** A v4 UUID; crypto.randomUUID only exists in secure contexts. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
