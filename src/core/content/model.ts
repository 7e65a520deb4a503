import { z } from 'zod';

/** The curriculum's file format (documented in content/README.md). Pure: no I/O. */

export const TOPIC_IDS = [
  'event-loop',
  'node-core',
  'express',
  'nestjs',
  'rest',
  'graphql',
  'sql',
  'mongodb',
  'postgres',
  'auth',
  'security',
  'system-design',
  'realtime',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export const LEVELS = ['junior', 'mid', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single hyphens)')
  .max(120);
const tag = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'tags must be kebab-case');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const topicSchema = z.strictObject({
  id: z.enum(TOPIC_IDS, { message: `must be one of: ${TOPIC_IDS.join(', ')}` }),
  title: text(120),
  summary: text(400),
  order: z.number().int().min(1).max(100),
  nodeVersion: z.string().regex(/^v\d+\.\d+\.\d+$/, 'must look like v20.20.2'),
});

export const exampleSchema = z
  .strictObject({
    code: text(20_000),
    module: z.enum(['esm', 'cjs']).default('esm'),
    output: z.string().optional(),
    outputs: z.array(z.string()).min(2, 'list at least two allowed outputs').optional(),
    needs: z.array(z.enum(['postgres', 'redis'])).default([]),
    timeoutMs: z.number().int().min(100).max(30_000).default(5000),
  })
  .refine((e) => !(e.output !== undefined && e.outputs !== undefined), {
    message: 'give either output or outputs, not both',
  });

const common = {
  id,
  level: z.enum(LEVELS),
  difficulty: z.number().int().min(1).max(5),
  tags: z.array(tag).min(1, 'give at least one tag'),
  section: id.optional(),
};

export const cardSchema = z.strictObject({
  ...common,
  question: text(500),
  answer: text(8000),
  keyPoints: z.array(text(300)).min(3, 'give 3 to 6 key points').max(6, 'give 3 to 6 key points'),
  synonyms: z.record(z.string(), z.array(z.string().min(1))).optional(),
  example: exampleSchema.optional(),
  followUp: text(3000).optional(),
  related: z.array(id).optional(),
});

export const predictSchema = z
  .strictObject({
    ...common,
    title: text(200),
    code: text(10_000),
    module: z.enum(['esm', 'cjs']).default('esm'),
    output: z.string().optional(),
    outputs: z.array(z.string()).min(2, 'list at least two allowed outputs').optional(),
    explanation: text(5000),
    cards: z.array(id).optional(),
    needs: z.array(z.enum(['postgres', 'redis'])).default([]),
    timeoutMs: z.number().int().min(100).max(30_000).default(5000),
  })
  .refine((p) => (p.output === undefined) !== (p.outputs === undefined), {
    message: 'give exactly one of output or outputs',
  });

export const exerciseSchema = z.strictObject({
  ...common,
  topic: z.enum(TOPIC_IDS),
  kind: z.enum(['exercise', 'debugging']),
  title: text(200),
  prompt: text(10_000),
  cards: z.array(id).optional(),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  /** The tests or the solution load a native addon (such as @node-rs/argon2); see content/README.md. */
  nativeAddons: z.boolean().default(false),
});

export const labTaskSchema = z.looseObject({
  id,
  title: text(200),
  topic: z.enum(TOPIC_IDS),
  level: z.enum(LEVELS),
  difficulty: z.number().int().min(1).max(5),
  prompt: text(10_000),
});

export const stagesSchema = z.looseObject({
  stages: z
    .array(
      z.looseObject({
        id,
        title: text(120),
        minutes: z.number().int().positive(),
        checks: z.array(text(300)),
      }),
    )
    .min(1),
  rubric: z.array(z.looseObject({ id, title: text(120), description: text(500) })).min(1),
});

export type TopicFile = z.infer<typeof topicSchema>;
export type CardFile = z.infer<typeof cardSchema>;
export type PredictFile = z.infer<typeof predictSchema>;
export type ExerciseFile = z.infer<typeof exerciseSchema>;
export type Example = z.infer<typeof exampleSchema>;

/** A heading's anchor: lower case, every run of other characters collapsed to one hyphen. */
export function slugify(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Normalises a question for duplicate detection. */
export function normaliseQuestion(q: string): string {
  return q
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Compares program output the way the check does: trailing white space at the end is ignored. */
export function sameOutput(expected: string, actual: string): boolean {
  return expected.replace(/\s+$/, '') === actual.replace(/\s+$/, '');
}
