import { z } from 'zod';
import { LEVELS, TOPIC_IDS } from '../../../core/content/model.js';

export const SORTS = ['relevance', 'topic', 'level', 'difficulty', 'question'] as const;

/** `page` from 1; `limit` clamped to 1..100. */
export const pageQuery = z.strictObject({
  page: z.coerce.number().int().min(1, 'must be 1 or more').max(100_000).default(1),
  limit: z.coerce
    .number()
    .int()
    .default(20)
    .transform((n) => Math.min(100, Math.max(1, n))),
});

export const cardListQuery = pageQuery.extend({
  topic: z.enum(TOPIC_IDS).optional(),
  level: z.enum(LEVELS).optional(),
  kind: z.enum(['card', 'predict']).optional(),
  tag: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'must be a kebab-case tag')
    .optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z
    .enum([...SORTS, ...SORTS.map((s) => `-${s}` as const)], {
      message: `must be one of ${SORTS.join(', ')}, optionally prefixed with - for descending`,
    })
    .optional(),
});

export const EXERCISE_SORTS = ['relevance', 'topic', 'level', 'difficulty', 'title'] as const;

export const exerciseListQuery = cardListQuery.omit({ kind: true, sort: true }).extend({
  kind: z.enum(['exercise', 'debugging']).optional(),
  sort: z
    .enum([...EXERCISE_SORTS, ...EXERCISE_SORTS.map((s) => `-${s}` as const)], {
      message: `must be one of ${EXERCISE_SORTS.join(', ')}, optionally prefixed with - for descending`,
    })
    .optional(),
});

export const exerciseSummary = z.object({
  id: z.string(),
  topicId: z.string(),
  kind: z.enum(['exercise', 'debugging']),
  title: z.string(),
  level: z.enum(LEVELS),
  difficulty: z.number().int(),
  tags: z.array(z.string()),
  cards: z.array(z.string()),
});

export const exerciseDetail = exerciseSummary.extend({
  promptHtml: z.string(),
  starter: z.string(),
  timeoutMs: z.number().int(),
});

export const topicSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  order: z.number().int(),
  nodeVersion: z.string(),
  cardCount: z.number().int(),
  predictCount: z.number().int(),
});

export const topicDetail = topicSummary.extend({
  guideHtml: z.string(),
  toc: z.array(z.object({ id: z.string(), text: z.string(), depth: z.number().int() })),
});

export const cardSummary = z.object({
  id: z.string(),
  topicId: z.string(),
  kind: z.enum(['card', 'predict']),
  question: z.string(),
  level: z.enum(LEVELS),
  difficulty: z.number().int(),
  tags: z.array(z.string()),
});

export const cardDetail = cardSummary.extend({
  answerHtml: z.string(),
  keyPoints: z.array(z.string()),
  synonyms: z.record(z.string(), z.array(z.string())),
  section: z.string().nullable(),
  related: z.array(z.string()),
  followUpHtml: z.string().nullable(),
  exampleHtml: z.string().nullable(),
  exampleOutput: z.string().nullable(),
  module: z.enum(['esm', 'cjs']).nullable(),
  codeHtml: z.string().nullable(),
  explanationHtml: z.string().nullable(),
});

export const pageMeta = z.object({
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
  pages: z.number().int(),
});

export const idParam = z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,120}$/, 'must be a content id') });
