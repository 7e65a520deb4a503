import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/authenticate.js';
import { idParam } from '../content/content.schema.js';
import {
  noteBody,
  planView,
  queueQuery,
  queueResult,
  reviewBody,
  reviewResult,
  settingsPatch,
  settingsView,
  typedAnswerBody,
  typedAnswerResult,
  undoResult,
} from './study.schema.js';
import type { StudyService } from './study.service.js';

/** Reviews, the study queue, settings and the interview-date plan. Every route is the actor's own. */
export async function studyRoutes(app: FastifyInstance, { service }: { service: StudyService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = { preValidation: app.requireAuth };

  r.post(
    '/api/v1/reviews',
    {
      ...auth,
      schema: {
        tags: ['study'],
        summary: 'Record a rating (idempotent by the client-generated id)',
        description:
          'Answers 201 with the new schedule; the same id again answers 200 with the first result and changes nothing.',
        body: reviewBody,
        response: { 200: reviewResult, 201: reviewResult },
      },
    },
    async (request, reply) => {
      const { created, result } = await service.review(actorOf(request), request.body);
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  r.post(
    '/api/v1/reviews/undo',
    { ...auth, schema: { tags: ['study'], summary: 'Undo my last review', response: { 200: undoResult } } },
    async (request) => service.undo(actorOf(request)),
  );

  r.get(
    '/api/v1/study/queue',
    {
      ...auth,
      schema: {
        tags: ['study'],
        summary: 'What to study now: due cards (most overdue first), then new cards',
        querystring: queueQuery,
        response: { 200: queueResult },
      },
    },
    async (request) => service.queue(actorOf(request), request.query),
  );

  r.get(
    '/api/v1/study/settings',
    { ...auth, schema: { tags: ['study'], summary: 'My study settings', response: { 200: settingsView } } },
    async (request) => service.settings(actorOf(request)),
  );

  r.put(
    '/api/v1/study/settings',
    {
      ...auth,
      schema: {
        tags: ['study'],
        summary: 'Change my study settings (fields left out stay as they are)',
        body: settingsPatch,
        response: { 200: settingsView },
      },
    },
    async (request) => {
      const patch = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined));
      return service.updateSettings(actorOf(request), patch);
    },
  );

  r.get(
    '/api/v1/study/plan',
    { ...auth, schema: { tags: ['study'], summary: 'My interview-date plan', response: { 200: planView } } },
    async (request) => service.plan(actorOf(request)),
  );

  r.post(
    '/api/v1/cards/:id/typed-answer',
    {
      ...auth,
      schema: {
        tags: ['study'],
        summary: "Which of a card's key points a typed answer covers, and a suggested rating",
        params: idParam,
        body: typedAnswerBody,
        response: { 200: typedAnswerResult },
      },
    },
    async (request) => service.typedAnswer(request.params.id, request.body.text),
  );

  r.put(
    '/api/v1/cards/:id/note',
    {
      ...auth,
      schema: {
        tags: ['study'],
        summary: 'My personal note on a card (empty text deletes it)',
        params: idParam,
        body: noteBody,
        response: { 200: z.object({ text: z.string() }) },
      },
    },
    async (request) => service.saveNote(actorOf(request), request.params.id, request.body.text),
  );
}
