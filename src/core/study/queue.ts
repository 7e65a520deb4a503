import { DAY_MS } from '../days.js';
import { AppError } from '../errors.js';
import type { CardSchedule } from './scheduler.js';

/** A card the learner could study now; `schedule` is null until its first review. */
export interface QueueCard {
  id: string;
  /** The topic area, used to interleave new cards. */
  area: string;
  schedule: CardSchedule | null;
}

export interface DailyLimits {
  newPerDay: number;
  reviewsPerDay: number;
}

export interface DoneToday {
  newDone: number;
  reviewsDone: number;
}

export interface BuildQueueInput {
  cards: readonly QueueCard[];
  now: Date;
  /** The end of the learner's day, in their own time zone. */
  endOfDay: Date;
  limits: DailyLimits;
  done: DoneToday;
  /** How many cards to return at most. */
  limit: number;
}

export interface QueueItem {
  id: string;
  area: string;
  kind: 'due' | 'new';
  /** null for a new card nobody has scheduled yet. */
  due: Date | null;
}

function isNew(card: QueueCard): boolean {
  return card.schedule === null || card.schedule.state === 'new';
}

/**
 * A review card counts as due for the whole of its due day; a (re)learning card only once its
 * step has elapsed, because showing a 10-minute step after 2 minutes defeats the step.
 */
function isDue(s: CardSchedule, now: Date, endOfDay: Date): boolean {
  return s.state === 'review' ? s.due.getTime() < endOfDay.getTime() : s.due.getTime() <= now.getTime();
}

function byDueThenId(a: QueueItem, b: QueueItem): number {
  return a.due!.getTime() - b.due!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Takes one card from each area in turn, keeping each area's own order. */
function interleaveByArea(cards: readonly QueueCard[]): QueueCard[] {
  const areas = new Map<string, QueueCard[]>();
  for (const card of cards) {
    const list = areas.get(card.area);
    if (list) list.push(card);
    else areas.set(card.area, [card]);
  }
  const lists = [...areas.values()];
  const out: QueueCard[] = [];
  for (let i = 0; out.length < cards.length; i++) {
    for (const list of lists) {
      const card = list[i];
      if (card) out.push(card);
    }
  }
  return out;
}

function assertCount(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new AppError('validation_failed', `${field} must be a whole number, at least 0`, {
      errors: [{ field, message: 'must be a whole number, at least 0' }],
    });
  }
}

/**
 * Today's study queue: due cards first, most overdue first, within the review allowance; then
 * new cards within the new allowance, interleaved by area; cut to `limit`.
 * Cards in (re)learning are never held back by the review allowance: dropping one mid-step would
 * throw away the step the learner just did.
 */
export function buildQueue(input: BuildQueueInput): QueueItem[] {
  const { cards, now, endOfDay, limits, done, limit } = input;
  assertCount('limit', limit);
  let reviewsLeft = Math.max(0, limits.reviewsPerDay - done.reviewsDone);
  const newLeft = Math.max(0, limits.newPerDay - done.newDone);

  const due: QueueItem[] = [];
  for (const card of cards) {
    const s = card.schedule;
    if (s && s.state !== 'new' && isDue(s, now, endOfDay)) {
      due.push({ id: card.id, area: card.area, kind: 'due', due: s.due });
    }
  }
  due.sort(byDueThenId);
  const stateOf = new Map(cards.map((c) => [c.id, c.schedule?.state]));
  const allowedDue = due.filter((item) => {
    if (stateOf.get(item.id) !== 'review') return true;
    if (reviewsLeft === 0) return false;
    reviewsLeft--;
    return true;
  });

  const fresh = interleaveByArea(cards.filter(isNew))
    .slice(0, newLeft)
    .map((c): QueueItem => ({ id: c.id, area: c.area, kind: 'new', due: c.schedule?.due ?? null }));

  return [...allowedDue, ...fresh].slice(0, limit);
}

/** Reviews falling due on each of the next `days` days of `dayLength` ms; day 0 includes overdue. */
export function forecast(
  schedules: readonly CardSchedule[],
  now: Date,
  days: number,
  dayLength: number = DAY_MS,
): number[] {
  assertCount('days', days);
  if (!(dayLength > 0)) {
    throw new AppError('validation_failed', 'dayLength must be positive', {
      errors: [{ field: 'dayLength', message: 'must be positive' }],
    });
  }
  const counts = new Array<number>(days).fill(0);
  for (const s of schedules) {
    if (s.state === 'new') continue;
    const day = Math.max(0, Math.floor((s.due.getTime() - now.getTime()) / dayLength));
    if (day < days) counts[day]! += 1;
  }
  return counts;
}
