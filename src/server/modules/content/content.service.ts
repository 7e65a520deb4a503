import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import type { ExercisesTable } from '../../../db/schema.js';
import type { Cache } from '../../lib/cache.js';
import type { ContentRepo } from './content.repo.js';
import type {
  cardDetail,
  cardListQuery,
  cardSummary,
  exerciseDetail,
  exerciseListQuery,
  exerciseSummary,
  topicDetail,
  topicSummary,
} from './content.schema.js';

export interface CachedBody {
  body: string;
  etag: string;
}

const CACHE_TTL_S = 300;
const VERSION_TTL_MS = 2000;

type CardListQuery = z.output<typeof cardListQuery>;
type ExerciseListQuery = z.output<typeof exerciseListQuery>;

/** An exercise's listed columns, with the ids of the cards it practises. */
type ExerciseSummaryRow = Pick<
  Selectable<ExercisesTable>,
  'id' | 'topic_id' | 'kind' | 'title' | 'level' | 'difficulty' | 'tags'
> & { cards: string[] };

const presentExerciseSummary = (e: ExerciseSummaryRow): z.infer<typeof exerciseSummary> => ({
  id: e.id,
  topicId: e.topic_id,
  kind: e.kind,
  title: e.title,
  level: e.level as z.infer<typeof exerciseSummary>['level'],
  difficulty: e.difficulty,
  tags: e.tags,
  cards: e.cards,
});

/** `-difficulty` -> { column: 'difficulty', desc: true }; the default depends on whether there is a search. */
function parseSort<C extends string>(sort: string | undefined, q: string | undefined, fallback: C) {
  const key = sort ?? (q ? 'relevance' : fallback);
  const desc = key.startsWith('-');
  return { column: (desc ? key.slice(1) : key) as C, desc };
}

interface TopicRow {
  id: string;
  title: string;
  summary: string;
  position: number;
  node_version: string;
  card_count: number;
  predict_count: number;
}

interface CardSummaryRow {
  id: string;
  topic_id: string;
  kind: 'card' | 'predict';
  question: string;
  level: 'junior' | 'mid' | 'senior';
  difficulty: number;
  tags: string[];
}

const presentCardSummary = (c: CardSummaryRow): z.infer<typeof cardSummary> => ({
  id: c.id,
  topicId: c.topic_id,
  kind: c.kind,
  question: c.question,
  level: c.level,
  difficulty: c.difficulty,
  tags: c.tags,
});

const presentTopic = (t: TopicRow): z.infer<typeof topicSummary> => ({
  id: t.id,
  title: t.title,
  summary: t.summary,
  order: t.position,
  nodeVersion: t.node_version,
  cardCount: t.card_count,
  predictCount: t.predict_count,
});

/** Public reads of the curriculum, cached per content version (cache-aside). */
export function contentService(deps: { repo: ContentRepo; cache: Cache; now?: () => number }) {
  const { repo, cache } = deps;
  const now = deps.now ?? Date.now;
  let version: { id: number; at: number } | undefined;

  async function currentVersion(): Promise<number> {
    if (version && now() - version.at < VERSION_TTL_MS) return version.id;
    const latest = await repo.latestVersion();
    version = { id: latest?.id ?? 0, at: now() };
    return version.id;
  }

  /** Serves from the cache, or builds, stores and serves. Keys carry the content version. */
  async function cached(key: string, build: () => Promise<unknown>): Promise<CachedBody> {
    const full = `content:v${await currentVersion()}:${key}`;
    const hit = await cache.get(full);
    if (hit) return JSON.parse(hit) as CachedBody;
    const body = JSON.stringify(await build());
    const entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    await cache.set(full, JSON.stringify(entry), CACHE_TTL_S);
    return entry;
  }

  return {
    currentVersion,
    /** Forgets cached reads (after a sync). */
    async invalidate() {
      version = undefined;
      await cache.clear('content:');
    },

    listTopics: () =>
      cached('topics', async () => ({
        data: (await repo.listTopics()).map(presentTopic),
      })),

    getTopic: (id: string) =>
      cached(`topic:${id}`, async (): Promise<z.infer<typeof topicDetail>> => {
        const t = await repo.getTopic(id);
        if (!t) throw new AppError('not_found', `No topic "${id}"`);
        return { ...presentTopic(t), guideHtml: t.guide_html, toc: t.toc };
      }),

    listCards: (query: CardListQuery) => {
      const key = `cards:${JSON.stringify(query)}`;
      return cached(key, async () => {
        const sort = parseSort(query.sort, query.q, 'topic' as const);
        const { rows, total } = await repo.listCards({ ...query, sort });
        return {
          data: rows.map(presentCardSummary),
          meta: { page: query.page, limit: query.limit, total, pages: Math.ceil(total / query.limit) },
        };
      });
    },

    listExercises: (query: ExerciseListQuery) =>
      cached(`exercises:${JSON.stringify(query)}`, async () => {
        const sort = parseSort(query.sort, query.q, 'topic' as const);
        const { rows, total } = await repo.listExercises({ ...query, sort });
        return {
          data: rows.map(presentExerciseSummary),
          meta: { page: query.page, limit: query.limit, total, pages: Math.ceil(total / query.limit) },
        };
      }),

    getExercise: (id: string) =>
      cached(`exercise:${id}`, async (): Promise<z.infer<typeof exerciseDetail>> => {
        const e = await repo.getExercise(id);
        if (!e) throw new AppError('not_found', `No exercise "${id}"`);
        return {
          ...presentExerciseSummary(e),
          promptHtml: e.prompt_html,
          starter: e.starter,
          timeoutMs: e.timeout_ms,
        };
      }),

    getCard: (id: string) =>
      cached(`card:${id}`, async (): Promise<z.infer<typeof cardDetail>> => {
        const c = await repo.getCard(id);
        if (!c) throw new AppError('not_found', `No card "${id}"`);
        const predict = c.kind === 'predict';
        return {
          ...presentCardSummary(c),
          answerHtml: c.answer_html,
          keyPoints: c.key_points,
          synonyms: c.synonyms,
          section: c.section,
          related: c.related,
          followUpHtml: c.follow_up_html,
          exampleHtml: c.example_html,
          exampleOutput: c.example?.output ?? c.example?.outputs?.[0] ?? null,
          module: (c.module as 'esm' | 'cjs' | null) ?? null,
          codeHtml: predict ? c.code_html : null,
          explanationHtml: predict ? c.answer_html : null,
        };
      }),
  };
}

export type ContentService = ReturnType<typeof contentService>;
