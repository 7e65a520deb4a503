import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/authenticate.js';
import { idParam, pageMeta } from '../content/content.schema.js';
import {
  answerBody,
  answerResult,
  runBody,
  runResult,
  submissionBody,
  submissionListQuery,
  submissionView,
} from './practice.schema.js';
import type { PracticeService } from './practice.service.js';

/**
 * Runs, exercise submissions and predict-the-output answers. All need a signed-in user and share
 * one per-user rate limit (counted after authentication, so it is per account, not per IP).
 */
export async function practiceRoutes(
  app: FastifyInstance,
  { service, runsPerMinute }: { service: PracticeService; runsPerMinute: number },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = {
    preValidation: app.requireAuth,
    config: {
      rateLimit: {
        max: runsPerMinute,
        timeWindow: 60_000,
        hook: 'preHandler' as const,
        groupId: 'runs',
        keyGenerator: (request: FastifyRequest) => `runs:${request.actor?.userId ?? request.ip}`,
      },
    },
  };

  r.post(
    '/api/v1/runs',
    {
      ...limited,
      schema: {
        tags: ['practice'],
        summary: 'Run a snippet in the sandbox',
        description:
          'Whatever the code does, the answer is 200 with a `status`: ok, error (non-zero exit or a compile error), timeout, memory or output-limit. Limited per user per minute (429 with Retry-After).',
        body: runBody,
        response: { 200: runResult },
      },
    },
    async (request) => service.run(request.body),
  );

  r.post(
    '/api/v1/exercises/:id/submissions',
    {
      ...limited,
      schema: {
        tags: ['practice'],
        summary: 'Submit a solution: hidden tests grade it; the submission is kept',
        description:
          'Answers 201 with per-test results in the order of the test file. A failed submission brings the exercise’s linked cards forward in the study queue (`nudgedCards`).',
        params: idParam,
        body: submissionBody,
        response: { 201: submissionView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.submit(actorOf(request).userId, request.params.id, request.body)),
  );

  r.get(
    '/api/v1/exercises/:id/submissions',
    {
      preValidation: app.requireAuth,
      schema: {
        tags: ['practice'],
        summary: 'My submissions to an exercise, newest first',
        params: idParam,
        querystring: submissionListQuery,
        response: { 200: z.object({ data: z.array(submissionView), meta: pageMeta }) },
      },
    },
    async (request) =>
      service.submissions(
        actorOf(request).userId,
        request.params.id,
        request.query.page,
        request.query.limit,
      ),
  );

  r.post(
    '/api/v1/cards/:id/answers',
    {
      ...limited,
      schema: {
        tags: ['practice'],
        summary: 'Answer a predict-the-output card: graded by running the snippet now',
        description:
          'Compares the predicted output with every output Node may print for the snippet (exactly, ignoring trailing whitespace) and suggests a rating. A wrong prediction brings related cards forward (`nudgedCards`). 422 `not_predict_card` for other cards.',
        params: idParam,
        body: answerBody,
        response: { 200: answerResult },
      },
    },
    async (request) => service.answer(actorOf(request).userId, request.params.id, request.body.output),
  );
}
