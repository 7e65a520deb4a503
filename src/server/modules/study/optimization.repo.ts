import { type Kysely, type Selectable, sql } from 'kysely';
import type { Rating } from '../../../core/study/scheduler.js';
import type { DB, FsrsOptimizationsTable } from '../../../db/schema.js';
import { learnerTimeZone } from './study.repo.js';

export type OptimizationRow = Selectable<FsrsOptimizationsTable>;

/** All SQL about fitting learners' own FSRS parameters: runs, the review log they read, the weights they write. */
export function optimizationRepo(db: Kysely<DB>) {
  return {
    /** Reviews that count (undone ones left out). */
    async reviewCount(userId: string): Promise<number> {
      const row = await db
        .selectFrom('reviews')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('user_id', '=', userId)
        .where('undone_at', 'is', null)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /** The learner's review log without undone reviews, oldest first. */
    async reviewLog(userId: string): Promise<{ cardId: string; rating: Rating; reviewedAt: Date }[]> {
      const rows = await db
        .selectFrom('reviews')
        .select(['card_id', 'rating', 'reviewed_at'])
        .where('user_id', '=', userId)
        .where('undone_at', 'is', null)
        .orderBy('reviewed_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ cardId: r.card_id, rating: r.rating, reviewedAt: new Date(r.reviewed_at) }));
    },

    latest(userId: string) {
      return db
        .selectFrom('fsrs_optimizations')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    /** Every run of the learner, oldest first (for the account export). */
    runsOf(userId: string) {
      return db
        .selectFrom('fsrs_optimizations')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    find(id: string) {
      return db.selectFrom('fsrs_optimizations').selectAll().where('id', '=', id).executeTakeFirst();
    },

    hasMilestone(userId: string, milestone: number) {
      return db
        .selectFrom('fsrs_optimizations')
        .select('id')
        .where('user_id', '=', userId)
        .where('milestone', '=', milestone)
        .executeTakeFirst()
        .then(Boolean);
    },

    /**
     * Records a queued run, or nothing (undefined) when the learner already has an unfinished run
     * or an automatic run for this milestone exists: both are unique indexes, so concurrent
     * requests cannot add two.
     */
    createRun(run: {
      userId: string;
      trigger: OptimizationRow['trigger'];
      milestone: number | null;
      reviewCount: number;
    }) {
      return db
        .insertInto('fsrs_optimizations')
        .values({
          user_id: run.userId,
          trigger: run.trigger,
          milestone: run.milestone,
          status: 'queued',
          review_count: run.reviewCount,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    /** Fails unfinished runs created before `before` (their process ended), so new ones can start. */
    async failStale(userId: string, before: Date) {
      await db
        .updateTable('fsrs_optimizations')
        .set({ status: 'failed', reason: 'The run was interrupted', finished_at: new Date() })
        .where('user_id', '=', userId)
        .where('status', 'in', ['queued', 'running'])
        .where('created_at', '<', before)
        .execute();
    },

    /** Moves a queued run to running; undefined if it is not queued (already taken, or gone). */
    start(id: string, at: Date) {
      return db
        .updateTable('fsrs_optimizations')
        .set({ status: 'running', started_at: at })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .returningAll()
        .executeTakeFirst();
    },

    async finish(
      id: string,
      result: {
        status: 'done' | 'failed' | 'skipped';
        reviewCount: number;
        itemCount: number | null;
        logLossBefore?: number | null;
        logLossAfter?: number | null;
        rmseBefore?: number | null;
        rmseAfter?: number | null;
        adopted?: boolean;
        parameters?: number[] | null;
        baselineParameters?: number[] | null;
        reason?: string | null;
        at: Date;
      },
    ) {
      await db
        .updateTable('fsrs_optimizations')
        .set({
          status: result.status,
          review_count: result.reviewCount,
          item_count: result.itemCount,
          log_loss_before: result.logLossBefore ?? null,
          log_loss_after: result.logLossAfter ?? null,
          rmse_before: result.rmseBefore ?? null,
          rmse_after: result.rmseAfter ?? null,
          adopted: result.adopted ?? false,
          parameters: result.parameters ? JSON.stringify(result.parameters) : null,
          baseline_parameters: result.baselineParameters ? JSON.stringify(result.baselineParameters) : null,
          reason: result.reason ?? null,
          finished_at: result.at,
        })
        .where('id', '=', id)
        .execute();
    },

    /** The learner's own FSRS parameters, or null when the scheduler uses the defaults. */
    async weights(userId: string): Promise<number[] | null> {
      const row = await db
        .selectFrom('study_settings')
        .select('weights')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.weights ?? null;
    },

    /** The learner's time zone: reviews are a day apart when their local dates differ. */
    timeZone: (userId: string) => learnerTimeZone(db, userId),

    /** Sets only the weights, so a settings change made meanwhile is not overwritten. */
    async saveWeights(userId: string, weights: number[]) {
      const value = JSON.stringify(weights);
      await db
        .insertInto('study_settings')
        .values({ user_id: userId, weights: value })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ weights: value, updated_at: new Date() }))
        .execute();
    },
  };
}

export type OptimizationRepo = ReturnType<typeof optimizationRepo>;
