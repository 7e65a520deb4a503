import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/authenticate.js';
import { optimizationRun, optimizationView } from './optimization.schema.js';
import type { OptimizationService } from './optimization.service.js';

/** Fitting the learner's own FSRS parameters. Both routes only ever read or start the actor's own run. */
export async function optimizationRoutes(
  app: FastifyInstance,
  { service }: { service: OptimizationService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.requireAuth };

  r.post(
    '/api/v1/study/optimize',
    {
      ...auth,
      // Counted per learner after sign-in is checked: a fit is a few seconds of CPU.
      config: {
        rateLimit: {
          max: 6,
          timeWindow: '1 hour',
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) => `fsrs-optimize:${actorOf(request).userId}`,
        },
      },
      schema: {
        tags: ['study'],
        summary: 'Fit my own scheduling parameters from my reviews (queued; see GET /study/optimization)',
        description:
          'Answers 202 with the queued run. 422 `not_enough_reviews` below the threshold (400 reviews by default); 409 `optimization_in_progress` while a run is queued or running.',
        response: { 202: optimizationRun },
      },
    },
    async (request, reply) => reply.code(202).send(await service.start(actorOf(request))),
  );

  r.get(
    '/api/v1/study/optimization',
    {
      ...auth,
      schema: {
        tags: ['study'],
        summary: 'My latest parameter fit: status, log-loss before and after, whether it was adopted',
        response: { 200: optimizationView },
      },
    },
    async (request) => service.latest(actorOf(request)),
  );
}
