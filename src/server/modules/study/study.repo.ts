import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { isTimeZone } from '../../../core/days.js';
import type { CardSchedule } from '../../../core/study/scheduler.js';
import type { DB, ReviewsTable } from '../../../db/schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

export interface StudySettingsRow {
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  interviewDate: string | null;
  hoursPerWeek: number | null;
  topics: string[];
  weights: number[] | null;
  /** IANA name; the learner's days run from midnight here. */
  timeZone: string;
}

export const DEFAULT_SETTINGS: StudySettingsRow = {
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  interviewDate: null,
  hoursPerWeek: null,
  topics: [],
  weights: null,
  timeZone: 'UTC',
};

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

interface SettingsColumns {
  desired_retention: number;
  new_per_day: number;
  reviews_per_day: number;
  interview_day: string | null;
  hours_per_week: number | null;
  topics: string[];
  weights: number[] | null;
  time_zone: string;
}

const toSettings = (row: SettingsColumns | null | undefined): StudySettingsRow =>
  row
    ? {
        desiredRetention: row.desired_retention,
        newPerDay: row.new_per_day,
        reviewsPerDay: row.reviews_per_day,
        interviewDate: row.interview_day,
        hoursPerWeek: row.hours_per_week,
        topics: row.topics,
        weights: row.weights,
        timeZone: knownTimeZone(row.time_zone),
      }
    : { ...DEFAULT_SETTINGS };

/** The learner's time zone (their days run from midnight there); UTC until they choose one. */
export async function learnerTimeZone(db: Kysely<DB>, userId: string): Promise<string> {
  const row = await db
    .selectFrom('study_settings')
    .select('time_zone')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return knownTimeZone(row?.time_zone);
}

/** A stored zone this runtime no longer knows (a renamed one) counts as UTC rather than failing. */
const knownTimeZone = (name: string | undefined) => (name && isTimeZone(name) ? name : 'UTC');

/** The learner's settings as one JSON value (null without a row), for statements that read more. */
const settingsJson = (userId: string) => sql<SettingsColumns | null>`(
  select json_build_object(
    'desired_retention', s.desired_retention, 'new_per_day', s.new_per_day,
    'reviews_per_day', s.reviews_per_day,
    'interview_day', to_char(s.interview_date, 'YYYY-MM-DD'),
    'hours_per_week', s.hours_per_week, 'topics', s.topics, 'weights', s.weights,
    'time_zone', s.time_zone)
  from study_settings s where s.user_id = ${userId})`;

/** A card of the curriculum as the queue shows it. */
export interface CatalogueCard {
  id: string;
  topicId: string;
  kind: 'card' | 'predict';
  question: string;
  level: 'junior' | 'mid' | 'senior';
  difficulty: number;
  tags: string[];
}

/** A stored review as the API answers it (a retry gets this back). */
export interface StoredReview {
  id: string;
  user_id: string;
  card_id: string;
  rating: string;
  reviewed_at: Date | string;
  schedule_after: Record<string, unknown>;
}

/** Card state columns in statement order, as JSON arrays carry them. */
type StateTuple = [
  cardId: string,
  state: CardSchedule['state'],
  due: string,
  stability: number,
  difficulty: number,
  reps: number,
  lapses: number,
  learningStep: number,
  lastReview: string | null,
  scheduledDays: number,
  elapsedDays: number,
];

const fromTuple = (t: StateTuple): CardSchedule => ({
  state: t[1],
  due: new Date(t[2]),
  stability: t[3],
  difficulty: t[4],
  reps: t[5],
  lapses: t[6],
  learningStep: t[7],
  lastReview: t[8] ? new Date(t[8]) : null,
  scheduledDays: t[9],
  elapsedDays: t[10],
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
      return toSettings(row);
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
        time_zone: s.timeZone,
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

    async writeState(userId: string, cardId: string, s: CardSchedule, ex: Executor = db) {
      await ex
        .insertInto('card_states')
        .values({ user_id: userId, card_id: cardId, ...stateColumns(s) })
        .onConflict((oc) => oc.columns(['user_id', 'card_id']).doUpdateSet(stateColumns(s)))
        .execute();
    },

    /** The earliest due date a nudge (a failed exercise, a wrong prediction) set after `since`. */
    async nudgedDueSince(
      userId: string,
      cardId: string,
      since: Date,
      ex: Executor = db,
    ): Promise<Date | null> {
      const row = await ex
        .selectFrom('card_nudges')
        .select((eb) => eb.fn.min('due_by').as('due'))
        .where('user_id', '=', userId)
        .where('card_id', '=', cardId)
        .where('created_at', '>', since)
        .executeTakeFirst();
      return row?.due ? new Date(row.due) : null;
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

    /** The id of the curriculum version in the database (0 before the first sync). */
    async contentVersion(): Promise<number> {
      const row = await db
        .selectFrom('content_versions')
        .select(sql<number>`max(id)::int`.as('id'))
        .executeTakeFirst();
      return row?.id ?? 0;
    },

    /** Every card that can be studied (not retired), in the queue's order: area, level, difficulty, id. */
    async catalogue(): Promise<CatalogueCard[]> {
      const rows = await db
        .selectFrom('cards as c')
        .innerJoin('topics as t', 't.id', 'c.topic_id')
        .select(['c.id', 'c.topic_id', 'c.kind', 'c.question', 'c.level', 'c.difficulty', 'c.tags'])
        .where('c.retired_at', 'is', null)
        .orderBy('t.position')
        .orderBy(sql`array_position(array['junior','mid','senior'], c.level)`)
        .orderBy('c.difficulty')
        .orderBy('c.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        topicId: r.topic_id,
        kind: r.kind,
        question: r.question,
        level: r.level,
        difficulty: r.difficulty,
        tags: r.tags,
      }));
    },

    /**
     * Everything of the learner's own that the queue needs, in one statement: settings, every
     * card state, notes, and the reviews done since `since` (first sightings and the rest).
     */
    async queueInputs(userId: string, since: Date) {
      const { rows } = await sql<{
        settings: SettingsColumns | null;
        states: StateTuple[];
        notes: [string, string][];
        done: [number, number];
      }>`select
        ${settingsJson(userId)} as settings,
        (select coalesce(json_agg(json_build_array(cs.card_id, cs.state, cs.due, cs.stability,
            cs.difficulty, cs.reps, cs.lapses, cs.learning_step, cs.last_review, cs.scheduled_days,
            cs.elapsed_days)), '[]')
          from card_states cs where cs.user_id = ${userId}) as states,
        (select coalesce(json_agg(json_build_array(n.card_id, n.text)), '[]')
          from card_notes n where n.user_id = ${userId}) as notes,
        (select json_build_array(count(*) filter (where r.was_new), count(*) filter (where not r.was_new))
          from reviews r
          where r.user_id = ${userId} and r.undone_at is null and r.reviewed_at >= ${since}) as done`.execute(
        db,
      );
      const row = rows[0]!;
      return {
        settings: toSettings(row.settings),
        states: new Map(row.states.map((t) => [t[0], fromTuple(t)])),
        notes: new Map(row.notes),
        done: { newDone: row.done[0], reviewsDone: row.done[1] },
      };
    },

    /**
     * What a review needs, in one statement: the review already stored under this id (a retry),
     * whether the card can be studied, the learner's settings and the card's current state.
     */
    async reviewInputs(reviewId: string, userId: string, cardId: string) {
      const { rows } = await sql<{
        existing: StoredReview | null;
        card_live: boolean | null;
        settings: SettingsColumns | null;
        state: StateTuple | null;
      }>`select
        (select json_build_object('id', r.id, 'user_id', r.user_id, 'card_id', r.card_id,
            'rating', r.rating, 'reviewed_at', r.reviewed_at, 'schedule_after', r.schedule_after)
          from reviews r where r.id = ${reviewId}) as existing,
        (select c.retired_at is null from cards c where c.id = ${cardId}) as card_live,
        ${settingsJson(userId)} as settings,
        (select json_build_array(cs.card_id, cs.state, cs.due, cs.stability, cs.difficulty, cs.reps,
            cs.lapses, cs.learning_step, cs.last_review, cs.scheduled_days, cs.elapsed_days)
          from card_states cs where cs.user_id = ${userId} and cs.card_id = ${cardId}) as state`.execute(db);
      const row = rows[0]!;
      return {
        existing: row.existing,
        cardLive: row.card_live === true,
        settings: toSettings(row.settings),
        state: row.state ? fromTuple(row.state) : null,
      };
    },

    /**
     * Appends a review and writes the card's new state in one statement, only if the state is
     * still `before` (null: no state row yet). Answers false when another review of the card got
     * there first; nothing is written then, and the caller reads again and retries. A review id
     * already stored fails the statement with a unique violation.
     */
    async recordReview(
      review: Insertable<ReviewsTable>,
      before: CardSchedule | null,
      after: CardSchedule,
    ): Promise<boolean> {
      const { user_id: userId, card_id: cardId } = review;
      const cols = stateColumns(after);
      const written = before
        ? sql`update card_states set
              state = ${cols.state}, due = ${cols.due}, stability = ${cols.stability},
              difficulty = ${cols.difficulty}, reps = ${cols.reps}, lapses = ${cols.lapses},
              learning_step = ${cols.learning_step}, last_review = ${cols.last_review},
              scheduled_days = ${cols.scheduled_days}, elapsed_days = ${cols.elapsed_days},
              updated_at = ${cols.updated_at}
            where user_id = ${userId} and card_id = ${cardId}
              and state = ${before.state} and due = ${before.due} and stability = ${before.stability}
              and difficulty = ${before.difficulty} and reps = ${before.reps} and lapses = ${before.lapses}
              and learning_step = ${before.learningStep}
              and last_review is not distinct from ${before.lastReview}
              and scheduled_days = ${before.scheduledDays} and elapsed_days = ${before.elapsedDays}
            returning 1`
        : sql`insert into card_states (user_id, card_id, state, due, stability, difficulty, reps,
              lapses, learning_step, last_review, scheduled_days, elapsed_days, updated_at)
            values (${userId}, ${cardId}, ${cols.state}, ${cols.due}, ${cols.stability},
              ${cols.difficulty}, ${cols.reps}, ${cols.lapses}, ${cols.learning_step},
              ${cols.last_review}, ${cols.scheduled_days}, ${cols.elapsed_days}, ${cols.updated_at})
            on conflict (user_id, card_id) do nothing
            returning 1`;
      const { rows } = await sql<{ written: boolean }>`with st as (${written}),
        rv as (
          insert into reviews (id, user_id, card_id, rating, reviewed_at, duration_ms, typed_answer,
            was_new, retrievability, state_before, schedule_after, scheduler)
          select ${review.id}::uuid, ${userId}::uuid, ${cardId}::text, ${review.rating}::text,
            ${review.reviewed_at}::timestamptz, ${review.duration_ms ?? null}::int,
            ${review.typed_answer ?? null}::text, ${review.was_new}::boolean,
            ${review.retrievability ?? null}::float8, ${review.state_before}::text,
            ${review.schedule_after}::jsonb, ${review.scheduler}::jsonb
          where exists (select from st)
          returning 1)
        select exists (select from rv) as written`.execute(db);
      return rows[0]!.written;
    },

    /** Locks the learner's state row for a card, if there is one, so no review changes it meanwhile. */
    async lockStateRow(userId: string, cardId: string, trx: Transaction<DB>) {
      await trx
        .selectFrom('card_states')
        .select('card_id')
        .where('user_id', '=', userId)
        .where('card_id', '=', cardId)
        .forUpdate()
        .execute();
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
