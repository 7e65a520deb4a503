import {
  computeParameters,
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
} from '@open-spaced-repetition/binding';
import { default_w } from 'ts-fsrs';
import { calendarDay, DAY_MS } from '../days.js';
import type { Rating } from './scheduler.js';

/**
 * Fitting a learner's own FSRS-6 parameters from their review log, through the FSRS optimiser
 * (fsrs-rs, via @open-spaced-repetition/binding). The conversion from the log is pure; fitting
 * and evaluating are deterministic (the optimiser shuffles with a fixed seed).
 */

/** One review from the log, as the optimiser needs it. */
export interface LoggedReview {
  cardId: string;
  rating: Rating;
  reviewedAt: Date;
}

/** A review inside a training item: the rating (1 again … 4 easy) and whole days since the previous review of the card. */
export interface TrainingReview {
  rating: 1 | 2 | 3 | 4;
  deltaT: number;
}

/**
 * One training item: a card's reviews up to and including the one whose outcome is predicted.
 * The first review's `deltaT` is 0; same-day reviews have 0 too.
 */
export type TrainingItem = TrainingReview[];

export interface Evaluation {
  /** Mean binary cross-entropy of the predicted recall against what happened (lower is better). */
  logLoss: number;
  /** Root mean squared error between predicted and actual recall, over the optimiser's bins. */
  rmse: number;
}

/** FSRS-6 has 21 parameters; what the scheduler uses when a learner has none of their own. */
export const FSRS6_PARAMETER_COUNT = 21;
export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

const ratingNumber = { again: 1, hard: 2, good: 3, easy: 4 } as const satisfies Record<
  Rating,
  TrainingReview['rating']
>;

/** Days are counted the way the study queue counts them: the learner's calendar dates. */
const dayIndex = (d: Date, timeZone: string) => calendarDay(d, timeZone).getTime() / DAY_MS;

/**
 * Turns a review log (undone reviews already left out) into training items. Reviews are grouped
 * per card in time order; every review after a card's first that comes on a later day than the
 * one before it yields an item holding the card's history up to it. Same-day reviews stay in the
 * histories (FSRS-6 models short-term memory) but are not predicted themselves, since their
 * outcome says little about long-term recall. Items are ordered by the time of the review they
 * predict, because the optimiser weights recent items more.
 */
export function trainingItems(log: readonly LoggedReview[], timeZone = 'UTC'): TrainingItem[] {
  const byCard = new Map<string, LoggedReview[]>();
  // A stable sort: equal times keep the order the log gave them.
  const ordered = [...log].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  for (const r of ordered) {
    const list = byCard.get(r.cardId);
    if (list) list.push(r);
    else byCard.set(r.cardId, [r]);
  }
  const items: { at: number; seq: number; item: TrainingItem }[] = [];
  let seq = 0;
  for (const reviews of byCard.values()) {
    const history: TrainingReview[] = [];
    reviews.forEach((r, i) => {
      const deltaT =
        i === 0 ? 0 : dayIndex(r.reviewedAt, timeZone) - dayIndex(reviews[i - 1]!.reviewedAt, timeZone);
      history.push({ rating: ratingNumber[r.rating], deltaT });
      if (i > 0 && deltaT > 0) items.push({ at: r.reviewedAt.getTime(), seq: seq++, item: [...history] });
    });
  }
  items.sort((a, b) => a.at - b.at || a.seq - b.seq);
  return items.map((x) => x.item);
}

const toBinding = (items: readonly TrainingItem[]) =>
  items.map((item) => new FSRSBindingItem(item.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));

/** Predicted log-loss and RMSE of `parameters` (the defaults when absent) on the items. */
export function evaluateParameters(
  items: readonly TrainingItem[],
  parameters?: readonly number[],
): Evaluation {
  const result = new FSRSBinding([...(parameters ?? DEFAULT_PARAMETERS)]).evaluate(toBinding(items));
  return { logLoss: result.logLoss, rmse: result.rmseBins };
}

export interface FitOptions {
  /** Called as training advances, with work done and total work (both in the optimiser's units). */
  onProgress?: (done: number, total: number) => void;
  /** Relearning steps the scheduler uses after a lapse (nodeprep: one, 10 minutes). */
  relearningSteps?: number;
}

/** Fits FSRS-6 parameters to the items; runs off the event loop (a native worker thread). */
export async function fitParameters(
  items: readonly TrainingItem[],
  options: FitOptions = {},
): Promise<number[]> {
  const parameters = await computeParameters(toBinding(items), {
    enableShortTerm: true,
    numRelearningSteps: options.relearningSteps ?? 1,
    ...(options.onProgress
      ? {
          progress: (done: number, total: number) => {
            options.onProgress!(done, total);
          },
          timeout: 250,
        }
      : {}),
  });
  return [...parameters];
}

/** Usable parameters: the FSRS-6 count and every one a finite number. */
export function areValidParameters(parameters: readonly number[]): boolean {
  return parameters.length === FSRS6_PARAMETER_COUNT && parameters.every(Number.isFinite);
}
