import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { type BuildQueueInput, buildQueue, forecast, type QueueCard } from './queue.js';
import { type CardSchedule, type CardStateName, newSchedule } from './scheduler.js';

const now = new Date('2025-03-10T12:00:00Z');
const endOfDay = new Date('2025-03-11T00:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

function schedule(state: CardStateName, due: Date): CardSchedule {
  return { ...newSchedule(due), state, due, reps: state === 'new' ? 0 : 1 };
}

function card(id: string, area: string, state: CardStateName | null = null, due = now): QueueCard {
  return { id, area, schedule: state ? schedule(state, due) : null };
}

function input(cards: QueueCard[], overrides: Partial<BuildQueueInput> = {}): BuildQueueInput {
  return {
    cards,
    now,
    endOfDay,
    limits: { newPerDay: 10, reviewsPerDay: 100 },
    done: { newDone: 0, reviewsDone: 0 },
    limit: 50,
    ...overrides,
  };
}

const ids = (q: { id: string }[]) => q.map((i) => i.id);

describe('study queue', () => {
  it('puts due cards first, most overdue first, ties broken by id, then new cards', () => {
    const q = buildQueue(
      input([
        card('n1', 'sql'),
        card('b', 'sql', 'review', at(-24)),
        card('a', 'sql', 'review', at(-24)),
        card('c', 'sql', 'review', at(-48)),
      ]),
    );
    expect(ids(q)).toEqual(['c', 'a', 'b', 'n1']);
    expect(q.map((i) => i.kind)).toEqual(['due', 'due', 'due', 'new']);
  });

  it('counts a review card due later today as due, but a learning step only once it has elapsed', () => {
    const q = buildQueue(
      input([
        card('later-today', 'sql', 'review', at(6)),
        card('tomorrow', 'sql', 'review', at(13)),
        card('step-not-yet', 'sql', 'learning', at(0.1)),
        card('step-ready', 'sql', 'relearning', at(-0.1)),
      ]),
    );
    expect(ids(q)).toEqual(['step-ready', 'later-today']);
  });

  it('caps reviews by what is left of the daily allowance, without holding back learning steps', () => {
    const cards = [
      card('r1', 'sql', 'review', at(-3)),
      card('r2', 'sql', 'review', at(-2)),
      card('l1', 'sql', 'learning', at(-1)),
      card('r3', 'sql', 'review', at(-0.5)),
    ];
    const q = buildQueue(
      input(cards, { limits: { newPerDay: 0, reviewsPerDay: 3 }, done: { newDone: 0, reviewsDone: 2 } }),
    );
    expect(ids(q)).toEqual(['r1', 'l1']);
  });

  it('caps new cards by what is left of the daily new allowance, and never goes negative', () => {
    const cards = ['a', 'b', 'c', 'd'].map((id) => card(id, 'sql'));
    const limits = { newPerDay: 3, reviewsPerDay: 100 };
    expect(ids(buildQueue(input(cards, { limits, done: { newDone: 1, reviewsDone: 0 } })))).toEqual([
      'a',
      'b',
    ]);
    expect(buildQueue(input(cards, { limits, done: { newDone: 7, reviewsDone: 0 } }))).toEqual([]);
  });

  it('treats a scheduled card still in the new state as new', () => {
    const q = buildQueue(input([card('s', 'sql', 'new', at(-5))]));
    expect(q).toEqual([{ id: 's', area: 'sql', kind: 'new', due: at(-5) }]);
  });

  it('interleaves new cards by area round-robin, keeping each area in its given order', () => {
    const cards = [
      card('sql-1', 'sql'),
      card('sql-2', 'sql'),
      card('sql-3', 'sql'),
      card('loop-1', 'event-loop'),
      card('auth-1', 'auth'),
      card('loop-2', 'event-loop'),
    ];
    expect(ids(buildQueue(input(cards)))).toEqual(['sql-1', 'loop-1', 'auth-1', 'sql-2', 'loop-2', 'sql-3']);
    expect(ids(buildQueue(input(cards, { limits: { newPerDay: 4, reviewsPerDay: 0 } })))).toEqual([
      'sql-1',
      'loop-1',
      'auth-1',
      'sql-2',
    ]);
  });

  it('cuts the whole queue to the limit', () => {
    const cards = [card('r1', 'sql', 'review', at(-1)), card('n1', 'sql'), card('n2', 'auth')];
    expect(ids(buildQueue(input(cards, { limit: 2 })))).toEqual(['r1', 'n1']);
    expect(buildQueue(input(cards, { limit: 0 }))).toEqual([]);
  });

  it('rejects a negative limit', () => {
    expect(() => buildQueue(input([], { limit: -1 }))).toThrow(AppError);
  });
});

describe('review forecast', () => {
  it('counts reviews due on each day ahead, with overdue cards on day 0 and new cards left out', () => {
    const schedules = [
      schedule('review', at(-72)), // overdue
      schedule('review', at(1)),
      schedule('learning', at(0.2)),
      schedule('review', at(24)),
      schedule('review', at(30)),
      schedule('review', at(49)),
      schedule('review', at(24 * 7)), // beyond the window
      schedule('new', at(-1)),
    ];
    expect(forecast(schedules, now, 3)).toEqual([3, 2, 1]);
  });

  it('uses the given day length and returns an empty forecast for zero days', () => {
    const schedules = [schedule('review', at(1)), schedule('review', at(13))];
    expect(forecast(schedules, now, 2, 12 * 3_600_000)).toEqual([1, 1]);
    expect(forecast(schedules, now, 0)).toEqual([]);
  });

  it('rejects a day length that is not positive', () => {
    expect(() => forecast([], now, 3, 0)).toThrow(AppError);
  });
});
