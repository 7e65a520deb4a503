import { default_w } from 'ts-fsrs';
import { DAY_MS } from '../../src/core/days.js';
import type { LoggedReview } from '../../src/core/study/optimizer.js';
import {
  applyReview,
  type CardSchedule,
  newSchedule,
  type Rating,
  retrievability,
} from '../../src/core/study/scheduler.js';

/** A small seeded PRNG (mulberry32), so a synthetic history is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A learner whose memory differs from FSRS's defaults: new cards are forgotten about twice as
 * fast, and lapses hurt more. Their "true" memory follows these parameters.
 */
export const FORGETFUL_LEARNER: readonly number[] = default_w.map((w, i) => {
  if (i <= 3) return w * 0.45; // initial stability after the first rating
  if (i === 11) return w * 1.3; // stability after a lapse, scaled down by larger difficulty terms
  return w;
});

export interface SyntheticHistoryOptions {
  cardIds: readonly string[];
  /** First day of study (midnight UTC is added the learner's time of day). */
  start: Date;
  days: number;
  /** Cards introduced a day (default 4). */
  newPerDay?: number;
  seed?: number;
  /** Parameters of the learner's real memory. */
  trueParameters?: readonly number[];
}

/**
 * Simulates a learner who studies with nodeprep's default scheduler while their memory follows
 * `trueParameters`: each card is introduced on a staggered day, reviewed when due (a little late
 * sometimes, at a random time of day), and recalled with the probability their true memory gives.
 * Returns the review log in time order.
 */
export function syntheticHistory(options: SyntheticHistoryOptions): LoggedReview[] {
  const random = seededRandom(options.seed ?? 42);
  const truth = { weights: [...(options.trueParameters ?? FORGETFUL_LEARNER)] };
  const end = options.start.getTime() + options.days * DAY_MS;
  const log: LoggedReview[] = [];
  options.cardIds.forEach((cardId, n) => {
    // Introduce a few cards a day, at some time between 08:00 and 20:00 UTC.
    let at = new Date(
      options.start.getTime() +
        Math.floor(n / (options.newPerDay ?? 4)) * DAY_MS +
        (8 + random() * 12) * 3_600_000,
    );
    let scheduled: CardSchedule = newSchedule(at);
    let real: CardSchedule = newSchedule(at);
    let i = 0;
    while (at.getTime() < end) {
      let rating: Rating;
      if (scheduled.state === 'new') {
        const r = random();
        rating = r < 0.25 ? 'again' : r < 0.4 ? 'hard' : r < 0.9 ? 'good' : 'easy';
      } else {
        const recall = retrievability(real, at, truth);
        const recalled = random() < recall;
        const r = random();
        rating = !recalled ? 'again' : r < 0.15 ? 'hard' : r < 0.9 ? 'good' : 'easy';
      }
      log.push({ cardId, rating, reviewedAt: at });
      const seed = `${cardId}:${i++}`;
      scheduled = applyReview(scheduled, rating, at, {}, seed);
      real = applyReview(real, rating, at, { ...truth, fuzz: false }, seed);
      // Same-day steps are done on time; day-long intervals are now and then a day late.
      const intervalMs = scheduled.due.getTime() - at.getTime();
      if (intervalMs < DAY_MS) at = new Date(scheduled.due.getTime() + random() * 5 * 60_000);
      else {
        const day = Math.floor(scheduled.due.getTime() / DAY_MS) + (random() < 0.15 ? 1 : 0);
        at = new Date(day * DAY_MS + (8 + random() * 12) * 3_600_000);
      }
    }
  });
  return log.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
}
