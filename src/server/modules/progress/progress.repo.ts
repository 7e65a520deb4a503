import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { learnerTimeZone } from '../study/study.repo.js';

/** Aggregates of a learner's own reviews and card states. */
export function progressRepo(db: Kysely<DB>) {
  return {
    /** The learner's time zone: their days run from midnight there. */
    timeZone: (userId: string) => learnerTimeZone(db, userId),

    /** Reviews per local day (in `timeZone`) since `since`. */
    reviewsPerDay(userId: string, since: Date, timeZone: string) {
      return db
        .selectFrom('reviews')
        .select([
          sql<string>`to_char(reviewed_at at time zone ${timeZone}, 'YYYY-MM-DD')`.as('day'),
          sql<number>`count(*)::int`.as('n'),
        ])
        .where('user_id', '=', userId)
        .where('undone_at', 'is', null)
        .where('reviewed_at', '>=', since)
        .groupBy(sql`1`)
        .orderBy(sql`1`)
        .execute();
    },

    /** Every day the learner reviewed at all (for streaks). */
    reviewDays(userId: string, timeZone: string) {
      return db
        .selectFrom('reviews')
        .select(sql<string>`to_char(reviewed_at at time zone ${timeZone}, 'YYYY-MM-DD')`.as('day'))
        .distinct()
        .where('user_id', '=', userId)
        .where('undone_at', 'is', null)
        .orderBy('day')
        .execute();
    },

    totalReviews(userId: string) {
      return db
        .selectFrom('reviews')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('user_id', '=', userId)
        .where('undone_at', 'is', null)
        .executeTakeFirstOrThrow();
    },

    /** Due cards per local day (in `timeZone`) within [from, to); overdue ones count on `from`. */
    duePerDay(userId: string, from: Date, to: Date, timeZone: string) {
      return db
        .selectFrom('card_states')
        .select([
          sql<string>`to_char(greatest(due, ${from}) at time zone ${timeZone}, 'YYYY-MM-DD')`.as('day'),
          sql<number>`count(*)::int`.as('n'),
        ])
        .where('user_id', '=', userId)
        .where('state', '!=', 'new')
        .where('due', '<', to)
        .groupBy(sql`1`)
        .execute();
    },

    /** Reviews of cards in review state: how many were recalled, and what FSRS predicted. */
    retentionByArea(userId: string) {
      return db
        .selectFrom('reviews as r')
        .innerJoin('cards as c', 'c.id', 'r.card_id')
        .select([
          'c.topic_id',
          sql<number>`count(*)::int`.as('reviews'),
          sql<number>`avg(case when r.rating = 'again' then 0 else 1 end)::float8`.as('actual'),
          sql<number>`avg(r.retrievability)::float8`.as('predicted'),
        ])
        .where('r.user_id', '=', userId)
        .where('r.undone_at', 'is', null)
        .where('r.state_before', '=', 'review')
        .groupBy('c.topic_id')
        .execute();
    },

    /** Per area: cards, cards seen, cards mastered (in review with stability of 21 days or more). */
    masteryByArea(userId: string) {
      return db
        .selectFrom('topics as t')
        .innerJoin('cards as c', (j) => j.onRef('c.topic_id', '=', 't.id').on('c.retired_at', 'is', null))
        .leftJoin('card_states as s', (j) => j.onRef('s.card_id', '=', 'c.id').on('s.user_id', '=', userId))
        .select([
          't.id as topic_id',
          't.title',
          sql<number>`count(c.id)::int`.as('total'),
          sql<number>`count(s.card_id) filter (where s.state <> 'new')::int`.as('seen'),
          sql<number>`count(s.card_id) filter (where s.state = 'review' and s.stability >= 21)::int`.as(
            'mastered',
          ),
        ])
        .where('t.retired_at', 'is', null)
        .groupBy(['t.id', 't.title', 't.position'])
        .orderBy('t.position')
        .execute();
    },
  };
}

export type ProgressRepo = ReturnType<typeof progressRepo>;
