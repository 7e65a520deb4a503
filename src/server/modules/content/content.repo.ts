import { type Insertable, type Kysely, sql } from 'kysely';
import type { CardsTable, DB, ExercisesTable } from '../../../db/schema.js';

export interface CardQuery {
  topic?: string | undefined;
  level?: string | undefined;
  tag?: string | undefined;
  kind?: 'card' | 'predict' | undefined;
  q?: string | undefined;
  sort: { column: 'topic' | 'level' | 'difficulty' | 'question' | 'relevance'; desc: boolean };
  page: number;
  limit: number;
}

export interface ExerciseQuery {
  topic?: string | undefined;
  level?: string | undefined;
  tag?: string | undefined;
  kind?: 'exercise' | 'debugging' | undefined;
  q?: string | undefined;
  sort: { column: 'topic' | 'level' | 'difficulty' | 'title' | 'relevance'; desc: boolean };
  page: number;
  limit: number;
}

const CHUNK = 200;

/** All SQL about the curriculum: the sync's writes and the API's reads. */
export function contentRepo(db: Kysely<DB>) {
  /**
   * Filters, full-text search, sort and paging, the same for cards and exercises (their columns
   * share names). Kysely cannot type one query over either table, so this one is untyped inside.
   */
  async function listPage<Row>(
    table: 'cards' | 'exercises',
    query: CardQuery | ExerciseQuery,
    columns: string[],
  ): Promise<{ rows: Row[]; total: number }> {
    const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const tsquery = query.q ? sql`websearch_to_tsquery('english', ${query.q})` : undefined;
    let base = loose.selectFrom(table).where('retired_at', 'is', null);
    if (query.topic) base = base.where('topic_id', '=', query.topic);
    if (query.level) base = base.where('level', '=', query.level);
    if (query.kind) base = base.where('kind', '=', query.kind);
    if (query.tag) base = base.where(sql<boolean>`${query.tag} = any(tags)`);
    if (tsquery) base = base.where(sql<boolean>`search @@ ${tsquery}`);
    const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const dir = query.sort.desc ? 'desc' : 'asc';
    let page = base.select(columns);
    switch (query.sort.column) {
      case 'relevance':
        page = tsquery ? page.orderBy(sql`ts_rank(search, ${tsquery})`, 'desc') : page;
        break;
      case 'topic':
        page = page.orderBy(
          sql`(select position from topics where topics.id = ${sql.ref(`${table}.topic_id`)})`,
          dir,
        );
        break;
      case 'level':
        page = page.orderBy(sql`array_position(array['junior','mid','senior'], level)`, dir);
        break;
      default:
        page = page.orderBy(query.sort.column, dir);
    }
    const rows = await page
      .orderBy('id')
      .limit(query.limit)
      .offset((query.page - 1) * query.limit)
      .execute();
    return { rows: rows as Row[], total: Number(total.n) };
  }

  const writes = (ex: Kysely<DB>) => ({
    async sourceHashes() {
      const load = async (table: 'topics' | 'cards' | 'exercises') => {
        const rows = await ex.selectFrom(table).select(['id', 'source_hash', 'retired_at']).execute();
        return new Map(rows.map((r) => [r.id, { hash: r.source_hash, retired: r.retired_at !== null }]));
      };
      return { topics: await load('topics'), cards: await load('cards'), exercises: await load('exercises') };
    },
    /** Inserts or updates rows by id, in chunks; every given column is overwritten on conflict. */
    async upsert<T extends 'topics' | 'cards' | 'exercises'>(table: T, rows: Insertable<DB[T]>[]) {
      const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== 'id' && c !== 'created_at');
      const update = Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]));
      for (let i = 0; i < rows.length; i += CHUNK) {
        await ex
          .insertInto(table as 'cards')
          .values(rows.slice(i, i + CHUNK) as Insertable<CardsTable>[])
          .onConflict((oc) => oc.column('id').doUpdateSet(update as never))
          .execute();
      }
    },
    /** Retired items stop being served; rows (and the history that points at them) stay. */
    async retire(table: 'topics' | 'cards' | 'exercises', ids: string[]) {
      if (!ids.length) return;
      await ex.updateTable(table).set({ retired_at: new Date() }).where('id', 'in', ids).execute();
    },
    latestVersion() {
      return ex
        .selectFrom('content_versions')
        .select(['id', 'hash'])
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },
    async recordVersion(hash: string, stats: Record<string, number>) {
      const row = await ex
        .insertInto('content_versions')
        .values({ hash, stats: JSON.stringify(stats) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
  });

  return {
    ...writes(db),
    transaction<T>(fn: (tx: ReturnType<typeof writes>) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => fn(writes(trx)));
    },

    async listTopics() {
      return db
        .selectFrom('topics as t')
        .leftJoin('cards as c', (j) => j.onRef('c.topic_id', '=', 't.id').on('c.retired_at', 'is', null))
        .select([
          't.id',
          't.title',
          't.summary',
          't.position',
          't.node_version',
          sql<number>`count(c.id) filter (where c.kind = 'card')::int`.as('card_count'),
          sql<number>`count(c.id) filter (where c.kind = 'predict')::int`.as('predict_count'),
        ])
        .where('t.retired_at', 'is', null)
        .groupBy('t.id')
        .orderBy('t.position')
        .execute();
    },

    async getTopic(id: string) {
      return db
        .selectFrom('topics as t')
        .selectAll('t')
        .select([
          sql<number>`(select count(*)::int from cards c where c.topic_id = t.id and c.kind = 'card' and c.retired_at is null)`.as(
            'card_count',
          ),
          sql<number>`(select count(*)::int from cards c where c.topic_id = t.id and c.kind = 'predict' and c.retired_at is null)`.as(
            'predict_count',
          ),
        ])
        .where('t.id', '=', id)
        .where('t.retired_at', 'is', null)
        .executeTakeFirst();
    },

    /** One page of cards and the total matching, with PostgreSQL full-text search for `q`. */
    listCards(query: CardQuery) {
      return listPage<
        Pick<CardsTable, 'id' | 'topic_id' | 'kind' | 'question' | 'level' | 'difficulty' | 'tags'>
      >('cards', query, ['id', 'topic_id', 'kind', 'question', 'level', 'difficulty', 'tags']);
    },

    /** One page of exercises and the total matching; `q` searches titles and tags. */
    listExercises(query: ExerciseQuery) {
      return listPage<
        Pick<ExercisesTable, 'id' | 'topic_id' | 'kind' | 'title' | 'level' | 'difficulty' | 'tags' | 'cards'>
      >('exercises', query, ['id', 'topic_id', 'kind', 'title', 'level', 'difficulty', 'tags', 'cards']);
    },

    getExercise(id: string) {
      return db
        .selectFrom('exercises')
        .selectAll()
        .where('id', '=', id)
        .where('retired_at', 'is', null)
        .executeTakeFirst();
    },

    getCard(id: string) {
      return db
        .selectFrom('cards')
        .selectAll()
        .where('id', '=', id)
        .where('retired_at', 'is', null)
        .executeTakeFirst();
    },
  };
}

export type ContentRepo = ReturnType<typeof contentRepo>;
