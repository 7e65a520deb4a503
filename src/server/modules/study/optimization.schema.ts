import { z } from 'zod';

const status = z.enum(['queued', 'running', 'done', 'failed', 'skipped']);

export const optimizationRun = z.object({
  id: z.string(),
  status,
  trigger: z.enum(['auto', 'manual', 'cli']),
  reviewCount: z
    .number()
    .int()
    .describe('Reviews the run was fitted on (at the start: the count when it was queued)'),
  itemCount: z
    .number()
    .int()
    .nullable()
    .describe('Reviews whose outcome the model predicts (a day or more after the previous one)'),
  logLossBefore: z.number().nullable().describe('Log-loss of the parameters in force before the run'),
  logLossAfter: z.number().nullable().describe('Log-loss of the fitted parameters'),
  rmseBefore: z.number().nullable(),
  rmseAfter: z.number().nullable(),
  adopted: z.boolean().describe('Whether the fitted parameters now schedule your reviews'),
  parameters: z.array(z.number()).nullable().describe('The fitted FSRS-6 parameters'),
  reason: z.string().nullable().describe('Why a run was skipped, failed or not adopted'),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const optimizationView = z.object({
  run: optimizationRun.nullable(),
  reviewCount: z.number().int().describe('Your reviews now (undone ones left out)'),
  minReviews: z.number().int(),
  reviewsNeeded: z.number().int().describe('Reviews still needed before the first fit'),
  nextAutomaticAt: z.number().int().describe('The review count at which the next automatic fit starts'),
  usingOwnParameters: z.boolean(),
});
