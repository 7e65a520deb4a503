import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../db/schema.js';
import { actorOf } from '../../plugins/authenticate.js';
import { progressRepo } from './progress.repo.js';
import { progressService } from './progress.service.js';

const dayCount = z.object({ date: z.string(), count: z.number().int() });
const summary = z.object({
  streak: z.object({ current: z.number().int(), longest: z.number().int() }),
  reviewsToday: z.number().int(),
  totalReviews: z.number().int(),
  heatmap: z.array(dayCount),
  dueNext30: z.array(dayCount),
  retentionByArea: z.array(
    z.object({
      topicId: z.string(),
      title: z.string(),
      reviews: z.number().int(),
      actual: z.number().nullable(),
      predicted: z.number().nullable(),
    }),
  ),
  masteryByArea: z.array(
    z.object({
      topicId: z.string(),
      title: z.string(),
      total: z.number().int(),
      seen: z.number().int(),
      mastered: z.number().int(),
    }),
  ),
});

/** `/api/v1/progress/summary`: the numbers behind the progress page, for the signed-in learner only. */
export async function progressRoutes(app: FastifyInstance, { db }: { db: Kysely<DB> }) {
  const service = progressService({ repo: progressRepo(db) });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/progress/summary',
    {
      preValidation: app.requireAuth,
      schema: {
        tags: ['progress'],
        summary: 'My streak, heat-map, forecast, retention and mastery',
        response: { 200: summary },
      },
    },
    async (request) => service.summary(actorOf(request)),
  );
}
