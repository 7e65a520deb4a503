import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { CardSchedule } from '../../../core/study/scheduler.js';
import type { CardStatesTable, DB, ReviewsTable } from '../../../db/schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

export interface StudySettingsRow {
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  interviewDate: string | null;
  hoursPerWeek: number | null;
  topics: string[];
  weights: number[] | null;
}

export const DEFAULT_SETTINGS: StudySettingsRow = {
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  interviewDate: null,
  hoursPerWeek: null,
  topics: [],
  weights: null,
};

const toSchedule = (
  r: Omit<Selectable<CardStatesTable>, 'user_id' | 'card_id' | 'updated_at'>,
): CardSchedule => ({
  state: r.state,
  due: new Date(r.due),
  stability: r.stability,
  difficulty: r.difficulty,
  reps: r.reps,
  lapses: r.lapses,
  learningStep: r.learning_step,
  lastReview: r.last_review ? new Date(r.last_review) : null,
  scheduledDays: r.scheduled_days,
  elapsedDays: r.elapsed_days,
});

const stateColumns = (s: CardSchedule) => ({
  state: s.state,
  due: s.due,
  stability: s.stability,
  difficulty: s.difficulty,
  reps: s.reps,
  lapses: s.lapses,
  learning_step: s.learningStep,
  last_review: s.lastReview,
  scheduled_days: s.scheduledDays,
  elapsed_days: s.elapsedDays,
  updated_at: new Date(),
});

/** All SQL about studying: the review log, derived card states, settings and notes. */
export function studyRepo(db: Kysely<DB>) {
  return {
    transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
      return db.transaction().execute(fn);
    },

    async settings(userId: string, ex: Executor = db): Promise<StudySettingsRow> {
      const row = await ex
        .selectFrom('study_settings')
        .selectAll()
        // Both drivers turn a `date` into a JS Date at local midnight; text keeps the calendar day.
        .select(sql<string | null>`to_char(interview_date, 'YYYY-MM-DD')`.as('interview_day'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!row) return { ...DEFAULT_SETTINGS };
      return {
        desiredRetention: row.desired_retention,
        newPerDay: row.new_per_day,
        reviewsPerDay: row.reviews_per_day,
        interviewDate: row.interview_day,
        hoursPerWeek: row.hours_per_week,
        topics: row.topics,
        weights: row.weights,
      };
    },

    async saveSettings(userId: string, s: StudySettingsRow): Promise<void> {
      const values = {
        desired_retention: s.desiredRetention,
        new_per_day: s.newPerDay,
        reviews_per_day: s.reviewsPerDay,
        interview_date: s.interviewDate,
        hours_per_week: s.hoursPerWeek,
        topics: s.topics,
        weights: s.weights ? JSON.stringify(s.weights) : null,
        updated_at: new Date(),
      };
      await db
        .insertInto('study_settings')
        .values({ user_id: userId, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .execute();
    },

    findReview(id: string, ex: Executor = db) {
      return ex.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Locks the learner's state row for a card (creating it empty first), serialising reviews per card. */
    async lockState(userId: string, cardId: string, fresh: CardSchedule, trx: Transaction<DB>) {
      await trx
        .insertInto('card_states')
        .values({ user_id: userId, card_id: cardId, ...stateColumns(fresh) })
        .onConflict((oc) => oc.columns(['user_id', 'card_id']).doNothing())
        .execute();
      const row = await trx
        .selectFrom('card_states')
        .selectAll()
        .where('user_id', '=', userId)
        .where('card_id', '=', cardId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      return toSchedule(row);
    },

    async insertReview(row: Insertable<ReviewsTable>, trx: Executor) {
      await trx.insertInto('reviews').values(row).execute();
    },

    async writeState(userId: string, cardId: string, s: CardSchedule, ex: Executor = db) {
      await ex
        .insertInto('card_states')
        .values({ user_id: userId, card_id: cardId, ...stateColumns(s) })
        .onConflict((oc) => oc.columns(['user_id', 'card_id']).doUpdateSet(stateColumns(s)))
        .execute();
    },

    async deleteState(userId: string, cardId: string, ex: Executor = db) {
      await ex
        .deleteFrom('card_states')
        .where('user_id', '=', userId)
        .where('card_id', '=', cardId)
        .execute();
    },

    /** The learner's most recent review that has not been undone. */
    lastReview(userId: string, ex: Executor = db) {
      return ex
        .selectFrom('reviews')
        .selectAll()
        .where('user_id', '=', userId)
        .where('undone_at', 'is', null)
        .orderBy('reviewed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .forUpdate()
        .executeTakeFirst();
    },

    async markUndone(id: string, ex: Executor) {
      await ex.updateTable('reviews').set({ undone_at: new Date() }).where('id', '=', id).execute();
    },

    /** A card's review log (undone reviews left out), oldest first. */
    reviewsOf(userId: string, cardId: string, ex: Executor = db) {
      return ex
        .selectFrom('reviews')
        .select(['id', 'rating', 'reviewed_at', 'scheduler'])
        .where('user_id', '=', userId)
        .where('card_id', '=', cardId)
        .where('undone_at', 'is', null)
        .orderBy('reviewed_at')
        .orderBy('id')
        .execute();
    },

    /** Every (user, card) pair with a review, for a rebuild. */
    reviewedPairs(userId?: string) {
      let q = db.selectFrom('reviews').select(['user_id', 'card_id']).distinct();
      if (userId) q = q.where('user_id', '=', userId);
      return q.execute();
    },

    /** Cards the learner can study (not retired), with their state if they have one. */
    studyCards(userId: string, filter: { topics: string[]; level?: string | undefined }) {
      let q = db
        .selectFrom('cards as c')
        .innerJoin('topics as t', 't.id', 'c.topic_id')
        .leftJoin('card_states as s', (j) => j.onRef('s.card_id', '=', 'c.id').on('s.user_id', '=', userId))
        .leftJoin('card_notes as n', (j) => j.onRef('n.card_id', '=', 'c.id').on('n.user_id', '=', userId))
        .select([
          'c.id',
          'c.topic_id',
          'c.kind',
          'c.question',
          'c.level',
          'c.difficulty',
          'c.tags',
          'n.text as note',
          's.state',
          's.due',
          's.stability',
          's.difficulty as s_difficulty',
          's.reps',
          's.lapses',
          's.learning_step',
          's.last_review',
          's.scheduled_days',
          's.elapsed_days',
        ])
        .where('c.retired_at', 'is', null)
        .orderBy('t.position')
        .orderBy(sql`array_position(array['junior','mid','senior'], c.level)`)
        .orderBy('c.difficulty')
        .orderBy('c.id');
      if (filter.topics.length) q = q.where('c.topic_id', 'in', filter.topics);
      if (filter.level) q = q.where('c.level', '=', filter.level as 'junior');
      return q.execute().then((rows) =>
        rows.map((r) => ({
          card: {
            id: r.id,
            topicId: r.topic_id,
            kind: r.kind,
            question: r.question,
            level: r.level,
            difficulty: r.difficulty,
            tags: r.tags,
          },
          note: r.note,
          schedule:
            r.state === null
              ? null
              : toSchedule({
                  state: r.state,
                  due: r.due!,
                  stability: r.stability!,
                  difficulty: r.s_difficulty!,
                  reps: r.reps!,
                  lapses: r.lapses!,
                  learning_step: r.learning_step!,
                  last_review: r.last_review,
                  scheduled_days: r.scheduled_days!,
                  elapsed_days: r.elapsed_days!,
                }),
        })),
      );
    },

    /** Reviews since a moment, split into first sightings and later reviews. */
    async doneSince(userId: string, since: Date) {
      const row = await db
        .selectFrom('reviews')
        .select([
          sql<number>`count(*) filter (where was_new)::int`.as('new_done'),
          sql<number>`count(*) filter (where not was_new)::int`.as('reviews_done'),
        ])
        .where('user_id', '=', userId)
        .where('undone_at', 'is', null)
        .where('reviewed_at', '>=', since)
        .executeTakeFirstOrThrow();
      return { newDone: row.new_done, reviewsDone: row.reviews_done };
    },

    async countUnseen(userId: string, topics: string[]) {
      let q = db
        .selectFrom('cards as c')
        .leftJoin('card_states as s', (j) => j.onRef('s.card_id', '=', 'c.id').on('s.user_id', '=', userId))
        .select(sql<number>`count(*)::int`.as('n'))
        .where('c.retired_at', 'is', null)
        .where((eb) => eb.or([eb('s.state', 'is', null), eb('s.state', '=', 'new')]));
      if (topics.length) q = q.where('c.topic_id', 'in', topics);
      return (await q.executeTakeFirstOrThrow()).n;
    },

    cardForStudy(cardId: string, ex: Executor = db) {
      return ex
        .selectFrom('cards')
        .select(['id', 'key_points', 'synonyms', 'retired_at'])
        .where('id', '=', cardId)
        .executeTakeFirst();
    },

    /** Everything the learner's study left behind, for the data export. */
    async exportFor(userId: string) {
      const [settings, reviews, notes] = await Promise.all([
        this.settings(userId),
        db
          .selectFrom('reviews')
          .select(['id', 'card_id', 'rating', 'reviewed_at', 'duration_ms', 'typed_answer', 'undone_at'])
          .where('user_id', '=', userId)
          .orderBy('reviewed_at')
          .execute(),
        db
          .selectFrom('card_notes')
          .select(['card_id', 'text', 'updated_at'])
          .where('user_id', '=', userId)
          .execute(),
      ]);
      return {
        studySettings: settings,
        reviews: reviews.map((r) => ({
          id: r.id,
          cardId: r.card_id,
          rating: r.rating,
          reviewedAt: new Date(r.reviewed_at).toISOString(),
          durationMs: r.duration_ms,
          typedAnswer: r.typed_answer,
          undoneAt: r.undone_at ? new Date(r.undone_at).toISOString() : null,
        })),
        notes: notes.map((n) => ({
          cardId: n.card_id,
          text: n.text,
          updatedAt: new Date(n.updated_at).toISOString(),
        })),
      };
    },

    async saveNote(userId: string, cardId: string, text: string) {
      if (!text.trim()) {
        await db
          .deleteFrom('card_notes')
          .where('user_id', '=', userId)
          .where('card_id', '=', cardId)
          .execute();
        return;
      }
      await db
        .insertInto('card_notes')
        .values({ user_id: userId, card_id: cardId, text })
        .onConflict((oc) => oc.columns(['user_id', 'card_id']).doUpdateSet({ text, updated_at: new Date() }))
        .execute();
    },
  };
}

export type StudyRepo = ReturnType<typeof studyRepo>;
