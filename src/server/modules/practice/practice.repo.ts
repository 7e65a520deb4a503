import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** Submissions and card nudges: the SQL of the practice module. */
export function practiceRepo(db: Kysely<DB>) {
  return {
    exerciseForGrading(id: string) {
      return db
        .selectFrom('exercises')
        .select(['id', 'tests', 'timeout_ms', 'native_addons', 'cards'])
        .where('id', '=', id)
        .where('retired_at', 'is', null)
        .executeTakeFirst();
    },

    predictCard(id: string) {
      return db
        .selectFrom('cards')
        .select(['id', 'kind', 'code', 'module', 'expected_outputs', 'related', 'needs'])
        .where('id', '=', id)
        .where('retired_at', 'is', null)
        .executeTakeFirst();
    },

    insertSubmission(row: {
      userId: string;
      exerciseId: string;
      language: 'javascript' | 'typescript';
      code: string;
      status: string;
      passed: number;
      total: number;
      result: Record<string, unknown>;
    }) {
      return db
        .insertInto('submissions')
        .values({
          user_id: row.userId,
          exercise_id: row.exerciseId,
          language: row.language,
          code: row.code,
          status: row.status,
          passed: row.passed,
          total: row.total,
          result: JSON.stringify(row.result),
        })
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow();
    },

    /** The user's own submissions to one exercise, newest first. */
    async submissionsOf(userId: string, exerciseId: string, page: number, limit: number) {
      const base = db
        .selectFrom('submissions')
        .where('user_id', '=', userId)
        .where('exercise_id', '=', exerciseId);
      const [rows, total] = await Promise.all([
        base
          .selectAll()
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .limit(limit)
          .offset((page - 1) * limit)
          .execute(),
        base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: total.n };
    },

    /** Everything of the learner's for the account export: submissions with their results. */
    async exportFor(userId: string) {
      const rows = await db
        .selectFrom('submissions')
        .select([
          'id',
          'exercise_id',
          'language',
          'code',
          'status',
          'passed',
          'total',
          'result',
          'created_at',
        ])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        exerciseId: r.exercise_id,
        language: r.language,
        code: r.code,
        status: r.status,
        passed: r.passed,
        total: r.total,
        result: r.result,
        createdAt: new Date(r.created_at).toISOString(),
      }));
    },

    /**
     * Brings the user's already-studied cards among `cardIds` forward to `dueBy`, records why,
     * and returns the ids moved. Cards never studied are left alone: they are new either way.
     */
    nudge(userId: string, cardIds: string[], dueBy: Date, reason: string): Promise<string[]> {
      if (!cardIds.length) return Promise.resolve([]);
      return db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('card_states')
          .set({ due: dueBy, updated_at: new Date() })
          .where('user_id', '=', userId)
          .where('card_id', 'in', cardIds)
          .where('due', '>', dueBy)
          .returning('card_id')
          .execute();
        const ids = moved.map((m) => m.card_id);
        if (ids.length) {
          await trx
            .insertInto('card_nudges')
            .values(ids.map((card_id) => ({ user_id: userId, card_id, due_by: dueBy, reason })))
            .execute();
        }
        return ids.sort();
      });
    },
  };
}

export type PracticeRepo = ReturnType<typeof practiceRepo>;
