import { describe, expect, it } from 'vitest';
import { syntheticHistory } from '../../../test/helpers/review-history.js';
import {
  areValidParameters,
  DEFAULT_PARAMETERS,
  evaluateParameters,
  FSRS6_PARAMETER_COUNT,
  fitParameters,
  type LoggedReview,
  trainingItems,
} from './optimizer.js';

const at = (s: string) => new Date(s);

describe('training items from a review log', () => {
  it('groups by card, counts whole UTC days, keeps same-day reviews in the history and predicts only later-day ones', () => {
    const log: LoggedReview[] = [
      { cardId: 'a', rating: 'again', reviewedAt: at('2026-03-01T09:00:00Z') },
      { cardId: 'b', rating: 'good', reviewedAt: at('2026-03-01T09:05:00Z') },
      { cardId: 'a', rating: 'good', reviewedAt: at('2026-03-01T09:10:00Z') },
      // 23:50 then 00:10 the next UTC day: one day apart although only 20 minutes passed.
      { cardId: 'b', rating: 'hard', reviewedAt: at('2026-03-01T23:50:00Z') },
      { cardId: 'b', rating: 'easy', reviewedAt: at('2026-03-02T00:10:00Z') },
      { cardId: 'a', rating: 'good', reviewedAt: at('2026-03-04T08:00:00Z') },
      { cardId: 'a', rating: 'again', reviewedAt: at('2026-03-14T18:00:00Z') },
      { cardId: 'a', rating: 'good', reviewedAt: at('2026-03-14T18:10:00Z') },
      { cardId: 'c', rating: 'good', reviewedAt: at('2026-03-15T10:00:00Z') },
    ];
    expect(trainingItems(log)).toEqual([
      // b's third review (the second is the same day as the first, so it is not predicted)
      [
        { rating: 3, deltaT: 0 },
        { rating: 2, deltaT: 0 },
        { rating: 4, deltaT: 1 },
      ],
      // a on 4 March: three days after its second review
      [
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 3 },
      ],
      // a's lapse on 14 March; the relearning review ten minutes later is history only
      [
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 3 },
        { rating: 1, deltaT: 10 },
      ],
    ]);
  });

  it("counts days in the learner's time zone", () => {
    // 22:00 and 01:00 in Los Angeles (UTC-7): different local dates, the same UTC date.
    const log: LoggedReview[] = [
      { cardId: 'a', rating: 'good', reviewedAt: at('2026-05-10T05:00:00Z') },
      { cardId: 'a', rating: 'good', reviewedAt: at('2026-05-10T08:00:00Z') },
    ];
    expect(trainingItems(log)).toEqual([]);
    expect(trainingItems(log, 'America/Los_Angeles')).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 1 },
      ],
    ]);
  });

  it('orders reviews by time whatever order the log comes in, and gives nothing for single reviews', () => {
    const log: LoggedReview[] = [
      { cardId: 'a', rating: 'good', reviewedAt: at('2026-03-05T09:00:00Z') },
      { cardId: 'a', rating: 'good', reviewedAt: at('2026-03-01T09:00:00Z') },
      { cardId: 'z', rating: 'easy', reviewedAt: at('2026-03-02T09:00:00Z') },
    ];
    expect(trainingItems(log)).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 4 },
      ],
    ]);
    expect(trainingItems([])).toEqual([]);
  });
});

describe('fitting parameters', () => {
  const cardIds = Array.from({ length: 70 }, (_, i) => `card-${i}`);
  const log = syntheticHistory({ cardIds, start: at('2026-06-01T00:00:00Z'), days: 90 });

  it('fits 21 finite FSRS-6 parameters to a realistic history of 400+ reviews, and they predict it better than the defaults', async () => {
    expect(log.length).toBeGreaterThanOrEqual(400);
    const items = trainingItems(log);
    const before = evaluateParameters(items);
    const fitted = await fitParameters(items);
    expect(fitted).toHaveLength(FSRS6_PARAMETER_COUNT);
    expect(areValidParameters(fitted)).toBe(true);
    const after = evaluateParameters(items, fitted);
    for (const v of [before.logLoss, after.logLoss, before.rmse, after.rmse]) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
    }
    // This learner forgets new cards much faster than FSRS's defaults assume.
    expect(after.logLoss).toBeLessThan(before.logLoss);
    expect(fitted[0]!).toBeLessThan(DEFAULT_PARAMETERS[0]!);
  });

  it('is deterministic: the same history gives the same parameters', async () => {
    const items = trainingItems(log);
    expect(await fitParameters(items)).toEqual(await fitParameters(items));
  });
});
