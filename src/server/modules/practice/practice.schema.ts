import { z } from 'zod';
import type { GradedResult, RunResult } from '../../../runner/types.js';
import { pageQuery } from '../content/content.schema.js';

const CODE_LIMIT = 64 * 1024;

export const language = z.enum(['javascript', 'typescript']);

export const runBody = z.strictObject({
  code: z.string().min(1, 'must not be empty').max(CODE_LIMIT, `must be at most ${CODE_LIMIT} characters`),
  language: language.default('javascript'),
  module: z.enum(['esm', 'cjs']).default('esm'),
});

export const submissionBody = z.strictObject({
  code: z.string().min(1, 'must not be empty').max(CODE_LIMIT, `must be at most ${CODE_LIMIT} characters`),
  language: language.default('javascript'),
});

export const answerBody = z.strictObject({
  output: z.string().max(CODE_LIMIT, `must be at most ${CODE_LIMIT} characters`),
});

export const runResult = z.object({
  status: z.enum(['ok', 'failed', 'error', 'timeout', 'memory', 'output-limit']),
  stdout: z.string(),
  stderr: z.string(),
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  durationMs: z.number(),
  truncated: z.boolean(),
  sandbox: z.enum(['bubblewrap', 'weak']),
}) satisfies z.ZodType<RunResult>; // the runner's own type: drift is a compile error

export const testResult = z.object({
  name: z.string(),
  status: z.enum(['pass', 'fail', 'skip']),
  durationMs: z.number(),
  message: z.string().optional(),
});

export const gradedResult = runResult.extend({
  tests: z.array(testResult),
  passed: z.number().int(),
  total: z.number().int(),
}) satisfies z.ZodType<GradedResult>;

export const submissionView = z.object({
  id: z.string(),
  exerciseId: z.string(),
  language,
  code: z.string(),
  createdAt: z.string(),
  result: gradedResult,
  /** Cards brought forward in the study queue because this submission failed. */
  nudgedCards: z.array(z.string()),
});

export const submissionListQuery = pageQuery;

export const diffLine = z.object({ op: z.enum(['same', 'add', 'remove']), text: z.string() });

export const answerResult = z.object({
  correct: z.boolean(),
  /** Every output Node may print for this snippet (more than one where Node does not fix the order). */
  expected: z.array(z.string()),
  /**
   * The snippet's run just now, in the sandbox. Null for the few snippets that need PostgreSQL or
   * Redis (the sandbox has no network): those are graded against outputs checked in CI.
   */
  actual: runResult.nullable(),
  /** Line diff from the expected output to the prediction: `remove` = expected but missing, `add` = predicted but not expected. */
  diff: z.array(diffLine),
  suggestedRating: z.enum(['again', 'hard', 'good', 'easy']),
  nudgedCards: z.array(z.string()),
});
