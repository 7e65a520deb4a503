import { DAY_MS } from '../days.js';
import { AppError } from '../errors.js';
import { applyReview, newSchedule } from './scheduler.js';

/**
 * Interview-date mode: how many new cards a day introduce every unseen card in time to review
 * it before the interview, and whether the learner's weekly hours can pay for that pace.
 * Dates are calendar days: only their UTC year, month and day are read, so pass the learner's
 * local date as a UTC midnight (what `new Date('2025-06-30')` gives).
 */

export interface PlanInput {
  today: Date;
  interviewDate: Date;
  unseenCards: number;
  hoursPerWeek: number;
  /** Time to read and first learn a card. Default 60. */
  secondsPerNewCard?: number;
  /** Time for one later review. Default 20. */
  secondsPerReview?: number;
  /** Reviews a new card costs in its first weeks. Default 4. */
  reviewsPerNewCard?: number;
  /** Days kept free of new cards before the interview. Default: `defaultBufferDays()`. */
  bufferDays?: number;
}

export interface PlanResult {
  newPerDay: number;
  /** The last day new cards are introduced; null when no card can be introduced at all. */
  finishIntroducingOn: Date | null;
  /** Days from `finishIntroducingOn` to the interview; negative when that is after it. */
  daysBeforeInterview: number;
  /** Whole percent of the unseen cards introduced before the interview day. */
  percentSeenByInterview: number;
  feasible: boolean;
  reason?: string;
}

const FAR_DAYS = 30;
const NEAR_DAYS = 3;
const PEAK_RETENTION = 0.95;
const MIN_BUFFER_DAYS = 3;

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field} ${message}`, { errors: [{ field, message }] });
}

function calendarDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / DAY_MS;
}

function addDays(d: Date, days: number): Date {
  return new Date((calendarDay(d) + days) * DAY_MS);
}

/** Desired retention for the days left: `base` from 30 days out, easing up to 0.95 at 3 days. */
export function retentionForDaysLeft(daysLeft: number, base = 0.9): number {
  if (!(base > 0 && base < 1)) throw invalid('base', 'must be between 0 and 1');
  if (Number.isNaN(daysLeft)) return base;
  const top = Math.max(base, PEAK_RETENTION);
  const x = Math.min(1, Math.max(0, (FAR_DAYS - daysLeft) / (FAR_DAYS - NEAR_DAYS)));
  // Smoothstep: no sudden jump in review load on the day the ramp starts or ends.
  const eased = x * x * (3 - 2 * x);
  return Math.round((base + (top - base) * eased) * 1000) / 1000;
}

/**
 * The smallest buffer (at least 3 days) in which a card introduced on its last day gets two
 * reviews before the interview day, rated "good" each time at the retention the plan uses then.
 */
export function defaultBufferDays(): number {
  const start = new Date(Date.UTC(2000, 0, 1, 9));
  for (let buffer = MIN_BUFFER_DAYS; buffer < 365; buffer++) {
    const settings = { desiredRetention: retentionForDaysLeft(buffer), fuzz: false };
    let s = newSchedule(start);
    let reviews = 0;
    while (reviews < 2) {
      const wasReview = s.state === 'review';
      s = applyReview(s, 'good', s.due, settings, '');
      if (wasReview) reviews++;
    }
    const secondReviewDay = calendarDay(s.lastReview!) - calendarDay(start);
    if (secondReviewDay < buffer) return buffer;
  }
  return 365;
}

function checkInput(input: PlanInput): Required<PlanInput> {
  const full = {
    secondsPerNewCard: 60,
    secondsPerReview: 20,
    reviewsPerNewCard: 4,
    ...input,
    bufferDays: input.bufferDays ?? defaultBufferDays(),
  };
  if (!Number.isInteger(full.unseenCards) || full.unseenCards < 0) {
    throw invalid('unseenCards', 'must be a whole number, at least 0');
  }
  if (!(full.hoursPerWeek >= 0 && Number.isFinite(full.hoursPerWeek))) {
    throw invalid('hoursPerWeek', 'must be 0 or more');
  }
  if (!(full.secondsPerNewCard > 0)) throw invalid('secondsPerNewCard', 'must be positive');
  if (!(full.secondsPerReview > 0)) throw invalid('secondsPerReview', 'must be positive');
  if (!(full.reviewsPerNewCard >= 0)) throw invalid('reviewsPerNewCard', 'must be 0 or more');
  if (!Number.isInteger(full.bufferDays) || full.bufferDays < 0) {
    throw invalid('bufferDays', 'must be a whole number, at least 0');
  }
  for (const field of ['today', 'interviewDate'] as const) {
    if (Number.isNaN(full[field].getTime())) throw invalid(field, 'must be a valid date');
  }
  return full;
}

/** A plan that introduces nothing, for the cases where no new card fits before the interview. */
function noNewCards(percentSeenByInterview: number, reason: string): PlanResult {
  const none = { newPerDay: 0, finishIntroducingOn: null, daysBeforeInterview: 0 };
  return { ...none, percentSeenByInterview, feasible: false, reason };
}

/** The daily new-card quota that shows every unseen card in time, capped by the weekly hours. */
export function planNewCards(input: PlanInput): PlanResult {
  const p = checkInput(input);
  const daysLeft = calendarDay(p.interviewDate) - calendarDay(p.today);
  if (daysLeft < 0) {
    const percent = p.unseenCards === 0 ? 100 : 0;
    return noNewCards(percent, 'Your interview date has passed: set a new date to plan again.');
  }
  if (p.unseenCards === 0) {
    const today = addDays(p.today, 0);
    return {
      newPerDay: 0,
      finishIntroducingOn: today,
      daysBeforeInterview: daysLeft,
      percentSeenByInterview: 100,
      feasible: true,
    };
  }
  if (daysLeft === 0) {
    return noNewCards(
      0,
      'Your interview is today: no time is left for new cards, so review the ones you have seen.',
    );
  }

  // Introduce on days 0..lastDay; a runway shorter than the buffer means "everything today".
  const lastDay = Math.min(daysLeft - 1, Math.max(0, daysLeft - p.bufferDays));
  const needed = Math.ceil(p.unseenCards / (lastDay + 1));
  const secondsPerDay = (p.hoursPerWeek * 3600) / 7;
  const secondsPerCard = p.secondsPerNewCard + p.reviewsPerNewCard * p.secondsPerReview;
  // The epsilon keeps 2.9999999 (floating-point noise) from costing a whole card.
  const affordable = Math.floor(secondsPerDay / secondsPerCard + 1e-9);
  const newPerDay = Math.min(needed, affordable);

  if (newPerDay === 0) {
    const minutes = Math.round(secondsPerCard / 6) / 10;
    const hours = `${p.hoursPerWeek} hours a week`;
    return noNewCards(
      0,
      `${hours} leave no time for new cards: each costs about ${minutes} minutes with its first reviews.`,
    );
  }
  const finishDay = Math.ceil(p.unseenCards / newPerDay) - 1;
  const seen = Math.min(p.unseenCards, newPerDay * daysLeft);
  const result: PlanResult = {
    newPerDay,
    finishIntroducingOn: addDays(p.today, finishDay),
    daysBeforeInterview: daysLeft - finishDay,
    percentSeenByInterview: Math.floor((100 * seen) / p.unseenCards),
    feasible: newPerDay === needed,
  };
  if (!result.feasible) {
    result.reason = `Seeing every card ${daysLeft - lastDay} days before your interview needs ${needed} new cards a day, but ${p.hoursPerWeek} hours a week afford ${affordable}.`;
  }
  return result;
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/** The sentence the study page shows under the plan. */
export function describePlan(result: PlanResult): string {
  if (result.feasible && result.newPerDay === 0) {
    return 'You have seen every card: keep reviewing until your interview.';
  }
  if (result.feasible) {
    return `At this pace you will have seen ${result.percentSeenByInterview}% of cards ${days(result.daysBeforeInterview)} before your interview.`;
  }
  if (result.newPerDay === 0) return result.reason ?? 'No new cards fit before your interview.';
  return `At this pace you will have seen ${result.percentSeenByInterview}% of cards by your interview. ${result.reason ?? ''}`.trim();
}
