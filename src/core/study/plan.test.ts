import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  defaultBufferDays,
  describePlan,
  type PlanInput,
  planNewCards,
  retentionForDaysLeft,
} from './plan.js';

const today = new Date('2025-06-01');
const plan = (interview: string, unseenCards: number, hoursPerWeek: number, extra: Partial<PlanInput> = {}) =>
  planNewCards({ today, interviewDate: new Date(interview), unseenCards, hoursPerWeek, ...extra });

describe('interview plan', () => {
  it('keeps a default buffer in which the last new card still gets two reviews (days 1 and 4)', () => {
    expect(defaultBufferDays()).toBe(5);
  });

  it('spreads the unseen cards over the days before the buffer when the hours allow it', () => {
    // 30 days left, buffer 5: introduce on days 0..25 → ceil(300 / 26) = 12 a day, done on day 24.
    // 5 h/week = 2571 s/day; a new card costs 60 + 4 × 20 = 140 s, so 18 a day are affordable.
    const result = plan('2025-07-01', 300, 5);
    expect(result).toEqual({
      newPerDay: 12,
      finishIntroducingOn: new Date('2025-06-25'),
      daysBeforeInterview: 6,
      percentSeenByInterview: 100,
      feasible: true,
    });
    expect(describePlan(result)).toBe(
      'At this pace you will have seen 100% of cards 6 days before your interview.',
    );
  });

  it('honours an explicit buffer', () => {
    expect(plan('2025-07-01', 210, 5, { bufferDays: 9 })).toMatchObject({
      newPerDay: 10, // days 0..21
      finishIntroducingOn: new Date('2025-06-21'),
      daysBeforeInterview: 10,
    });
  });

  it('caps the quota at what the hours afford and reports the share seen by the interview', () => {
    // 2 h/week = 1028.6 s/day → 7 cards a day; 7 × 30 days = 210 of 300 cards = 70%.
    const result = plan('2025-07-01', 300, 2);
    expect(result).toEqual({
      newPerDay: 7,
      finishIntroducingOn: new Date('2025-07-13'),
      daysBeforeInterview: -12,
      percentSeenByInterview: 70,
      feasible: false,
      reason:
        'Seeing every card 5 days before your interview needs 12 new cards a day, but 2 hours a week afford 7.',
    });
    expect(describePlan(result)).toBe(
      'At this pace you will have seen 70% of cards by your interview. Seeing every card 5 days before your interview needs 12 new cards a day, but 2 hours a week afford 7.',
    );
  });

  it('uses the given costs per card', () => {
    // 7 h/week = 3600 s/day; 30 + 2 × 15 = 60 s a card → 60 a day affordable.
    expect(
      plan('2025-07-01', 3000, 7, { secondsPerNewCard: 30, secondsPerReview: 15, reviewsPerNewCard: 2 }),
    ).toMatchObject({ newPerDay: 60, feasible: false, percentSeenByInterview: 60 });
  });

  it('reports every card as seen when none is left', () => {
    const result = plan('2025-07-01', 0, 5);
    expect(result).toEqual({
      newPerDay: 0,
      finishIntroducingOn: today,
      daysBeforeInterview: 30,
      percentSeenByInterview: 100,
      feasible: true,
    });
    expect(describePlan(result)).toBe('You have seen every card: keep reviewing until your interview.');
  });

  it('introduces everything today when the interview is tomorrow', () => {
    const result = plan('2025-06-02', 30, 10);
    expect(result).toEqual({
      newPerDay: 30,
      finishIntroducingOn: today,
      daysBeforeInterview: 1,
      percentSeenByInterview: 100,
      feasible: true,
    });
    expect(describePlan(result)).toBe(
      'At this pace you will have seen 100% of cards 1 day before your interview.',
    );
  });

  it('gives a clear answer, not a division by zero, for an interview today or in the past', () => {
    const sameDay = plan('2025-06-01', 10, 5);
    expect(sameDay).toMatchObject({ newPerDay: 0, finishIntroducingOn: null, feasible: false });
    expect(describePlan(sameDay)).toMatch(/^Your interview is today/);
    const past = plan('2025-05-01', 10, 5);
    expect(past).toMatchObject({ newPerDay: 0, percentSeenByInterview: 0, feasible: false });
    expect(describePlan(past)).toBe('Your interview date has passed: set a new date to plan again.');
  });

  it('reads dates as calendar days, ignoring the time of day', () => {
    const late = planNewCards({
      today: new Date('2025-06-01T23:30:00Z'),
      interviewDate: new Date('2025-06-02T00:15:00Z'),
      unseenCards: 5,
      hoursPerWeek: 5,
    });
    expect(late).toMatchObject({ newPerDay: 5, daysBeforeInterview: 1 });
  });

  it('explains when tiny hours afford no new card at all', () => {
    const none = plan('2025-07-01', 100, 0.1);
    expect(none).toMatchObject({
      newPerDay: 0,
      finishIntroducingOn: null,
      percentSeenByInterview: 0,
      feasible: false,
    });
    expect(describePlan(none)).toBe(
      '0.1 hours a week leave no time for new cards: each costs about 2.3 minutes with its first reviews.',
    );
    expect(plan('2025-07-01', 100, 0.5)).toMatchObject({ newPerDay: 1, percentSeenByInterview: 30 });
  });

  it('rejects impossible inputs with a coded error', () => {
    expect(() => plan('2025-07-01', -1, 5)).toThrow(AppError);
    expect(() => plan('2025-07-01', 10, Number.NaN)).toThrow(AppError);
    expect(() => plan('not a date', 10, 5)).toThrow(AppError);
  });
});

describe('retention for the days left', () => {
  it('stays at the base far out and reaches 0.95 three days before', () => {
    expect([40, 30, 20, 10, 5, 3, 0, -2].map((d) => retentionForDaysLeft(d))).toEqual([
      0.9, 0.9, 0.915, 0.942, 0.949, 0.95, 0.95, 0.95,
    ]);
  });

  it('never falls as the date nears, and starts from the given base', () => {
    const curve = Array.from({ length: 41 }, (_, i) => retentionForDaysLeft(40 - i, 0.85));
    expect(curve[0]).toBe(0.85);
    expect(curve.at(-1)).toBe(0.95);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!).toBeGreaterThanOrEqual(curve[i - 1]!);
  });

  it('keeps a base already above 0.95', () => {
    expect(retentionForDaysLeft(1, 0.97)).toBe(0.97);
  });
});
