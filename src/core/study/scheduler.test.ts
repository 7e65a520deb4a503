import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  applyReview,
  type CardSchedule,
  newSchedule,
  previewIntervals,
  type Rating,
  type ReviewEvent,
  replay,
  resolveSchedulerSettings,
  retrievability,
  type SchedulerSettings,
} from './scheduler.js';

const t0 = new Date('2025-03-01T09:00:00Z');
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);
const days = (d: number) => new Date(t0.getTime() + d * 86_400_000);

/** Rates a fresh card through `steps`, seeding fuzz by review time like a service would by review id. */
function run(steps: [Rating, Date][], settings: Partial<SchedulerSettings> = {}): CardSchedule {
  return steps.reduce(
    (s, [rating, at]) => applyReview(s, rating, at, settings, `u1:c1:${at.toISOString()}`),
    newSchedule(t0),
  );
}

const fourGoods: [Rating, Date][] = [
  ['good', t0],
  ['good', minutes(10)],
  ['good', days(2)],
  ['good', days(13)],
];

describe('scheduler', () => {
  it('creates a new card due at once, with no memory yet', () => {
    expect(newSchedule(t0)).toEqual({
      state: 'new',
      due: t0,
      stability: 0,
      difficulty: 0,
      reps: 0,
      lapses: 0,
      lastReview: null,
      scheduledDays: 0,
      elapsedDays: 0,
      learningStep: 0,
    });
  });

  it('gives exactly these schedules for a fixed clock and seed', () => {
    expect(run(fourGoods.slice(0, 3))).toEqual({
      state: 'review',
      due: new Date('2025-03-14T09:00:00Z'),
      stability: 10.97104786,
      difficulty: 2.1043314,
      reps: 3,
      lapses: 0,
      lastReview: days(2),
      scheduledDays: 11,
      elapsedDays: 2,
      learningStep: 0,
    });
    expect(run(fourGoods)).toEqual({
      state: 'review',
      due: new Date('2025-05-01T09:00:00Z'),
      stability: 46.31685657,
      difficulty: 2.09745544,
      reps: 4,
      lapses: 0,
      lastReview: days(13),
      scheduledDays: 48,
      elapsedDays: 11,
      learningStep: 0,
    });
  });

  it('gives the same schedule for the same seed, and lets the seed move a long interval', () => {
    const before = run(fourGoods.slice(0, 3));
    const rate = (seed: string) => applyReview(before, 'good', days(13), {}, seed);
    expect(rate('a')).toEqual(rate('a'));
    expect(rate('a').scheduledDays).toBe(45);
    expect(rate('b').scheduledDays).toBe(47);
    expect(rate('c').scheduledDays).toBe(46);
  });

  it('ignores the seed when fuzz is off', () => {
    const before = run(fourGoods.slice(0, 3));
    const rate = (seed: string) => applyReview(before, 'good', days(13), { fuzz: false }, seed).scheduledDays;
    expect([rate('a'), rate('b'), rate('c')]).toEqual([46, 46, 46]);
  });

  it('replays a shuffled log to the same state as applying the events one by one in time order', () => {
    const events: ReviewEvent[] = [
      { id: 'r3', rating: 'good', reviewedAt: days(2) },
      { id: 'r1', rating: 'good', reviewedAt: t0 },
      { id: 'r5', rating: 'again', reviewedAt: days(20) },
      { id: 'r2', rating: 'hard', reviewedAt: minutes(10) },
      { id: 'r4', rating: 'easy', reviewedAt: days(13) },
    ];
    const seedOf = (e: ReviewEvent) => `u1:c1:${e.id}`;
    const inOrder = ['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => events.find((e) => e.id === id)!);
    const stepwise = inOrder.reduce(
      (s, e) => applyReview(s, e.rating, e.reviewedAt, {}, seedOf(e)),
      newSchedule(t0),
    );
    expect(replay(events, {}, seedOf, t0)).toEqual(stepwise);
    expect(stepwise).toMatchObject({ state: 'relearning', reps: 5, lapses: 1 });
  });

  it('counts a retried event (same id) once and breaks equal times by id', () => {
    const seedOf = (e: ReviewEvent) => e.id;
    const once = replay([{ id: 'a', rating: 'good', reviewedAt: t0 }], {}, seedOf, t0);
    const retried = replay(
      [
        { id: 'a', rating: 'good', reviewedAt: t0 },
        { id: 'a', rating: 'good', reviewedAt: t0 },
      ],
      {},
      seedOf,
      t0,
    );
    expect(retried).toEqual(once);
    const tie = (ids: string[]) =>
      replay(
        ids.map((id) => ({ id, rating: id === 'x' ? 'again' : 'easy', reviewedAt: t0 }) as ReviewEvent),
        {},
        seedOf,
        t0,
      );
    expect(tie(['y', 'x'])).toEqual(tie(['x', 'y']));
    expect(tie(['y', 'x']).state).toBe('review'); // x (again) first, then y (easy) graduates the card
  });

  it('takes a new card through its learning steps to review', () => {
    const fresh = newSchedule(t0);
    expect(previewIntervals(fresh, t0, {}, 's')).toMatchObject({
      again: minutes(1),
      hard: minutes(6),
      good: minutes(10),
    });
    const stepped = applyReview(fresh, 'good', t0, {}, 's');
    expect(stepped).toMatchObject({ state: 'learning', learningStep: 1, due: minutes(10) });
    const graduated = applyReview(stepped, 'good', minutes(10), {}, 's');
    expect(graduated).toMatchObject({ state: 'review', learningStep: 0, scheduledDays: 2 });
  });

  it('moves a lapsed review card to relearning, counts the lapse, and graduates it again', () => {
    const reviewCard = run(fourGoods);
    const lapsed = applyReview(reviewCard, 'again', days(60), {}, 's');
    expect(lapsed).toMatchObject({
      state: 'relearning',
      lapses: 1,
      due: new Date(days(60).getTime() + 600_000),
    });
    expect(lapsed.stability).toBeLessThan(reviewCard.stability);
    const relearnt = applyReview(lapsed, 'good', lapsed.due, {}, 's');
    expect(relearnt).toMatchObject({ state: 'review', lapses: 1, scheduledDays: 3 });
  });

  it('schedules shorter intervals for a higher desired retention', () => {
    const interval = (desiredRetention: number) =>
      run(fourGoods, { desiredRetention, fuzz: false }).scheduledDays;
    expect([interval(0.85), interval(0.9), interval(0.95)]).toEqual([88, 46, 19]);
  });

  it("uses the learner's own weights", () => {
    const weights = [...default_w];
    weights[2] = 5; // initial stability after a first "good"
    const mine = run(fourGoods.slice(0, 2), { weights, fuzz: false });
    expect(mine).toMatchObject({ stability: 5, scheduledDays: 5 });
    expect(run(fourGoods.slice(0, 2), { fuzz: false })).toMatchObject({
      stability: 2.3065,
      scheduledDays: 2,
    });
  });

  it('never schedules past the maximum interval, whatever the rating', () => {
    const before = run(fourGoods.slice(0, 3));
    const settings = { maximumIntervalDays: 30, fuzz: false };
    const preview = previewIntervals(before, days(13), settings, 's');
    expect([preview.hard, preview.good, preview.easy]).toEqual([days(43), days(43), days(43)]);
    expect(applyReview(before, 'easy', days(13), settings, 's').scheduledDays).toBe(30);
  });

  it('previews the same due date that the rating then gives', () => {
    const before = run(fourGoods.slice(0, 3));
    const preview = previewIntervals(before, days(13), {}, 'seed-1');
    expect(preview).toEqual({
      again: new Date(days(13).getTime() + 600_000),
      hard: new Date('2025-04-15T09:00:00Z'),
      good: new Date('2025-04-29T09:00:00Z'),
      easy: new Date('2025-05-30T09:00:00Z'),
    });
    for (const rating of ['again', 'hard', 'good', 'easy'] as const) {
      expect(applyReview(before, rating, days(13), {}, 'seed-1').due).toEqual(preview[rating]);
    }
  });

  it('predicts recall: unknown for a new card, certain just after review, about the target when due', () => {
    const learnt = run(fourGoods.slice(0, 2));
    expect(retrievability(newSchedule(t0), t0, {})).toBe(0);
    expect(retrievability(learnt, minutes(10), {})).toBe(1);
    expect(retrievability(learnt, new Date(minutes(10).getTime() + 2 * 86_400_000), {})).toBe(0.90949326);
    expect(retrievability(learnt, days(10), {})).toBe(0.77443407);
  });

  it('rejects settings that ts-fsrs would silently replace', () => {
    const fields = (settings: Partial<SchedulerSettings>) => {
      try {
        resolveSchedulerSettings(settings);
        return [];
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('validation_failed');
        return (err as AppError).errors?.map((e) => e.field);
      }
    };
    expect(fields({})).toEqual([]);
    expect(fields({ desiredRetention: 0 })).toEqual(['desiredRetention']);
    expect(fields({ maximumIntervalDays: 0.5, learningSteps: ['1x'] })).toEqual([
      'maximumIntervalDays',
      'learningSteps',
    ]);
    expect(fields({ weights: default_w.slice(0, 19) })).toEqual(['weights']);
  });

  it('refuses a review dated before the previous one', () => {
    const learnt = run(fourGoods.slice(0, 2));
    expect(() => applyReview(learnt, 'good', t0, {}, 's')).toThrow(AppError);
  });
});
