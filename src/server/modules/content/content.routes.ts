import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cardDetail,
  cardListQuery,
  cardSummary,
  exerciseDetail,
  exerciseListQuery,
  exerciseSummary,
  idParam,
  pageMeta,
  topicDetail,
  topicSummary,
} from './content.schema.js';
import type { CachedBody, ContentService } from './content.service.js';

/** Sends a cached JSON body with its ETag, or 304 when the client already has it. */
function sendCached(request: FastifyRequest, reply: FastifyReply, entry: CachedBody) {
  reply.header('etag', entry.etag).header('cache-control', 'public, max-age=60, stale-while-revalidate=300');
  if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
  return reply
    .type('application/json; charset=utf-8')
    .serializer((payload) => payload as string)
    .send(entry.body);
}

/** The curriculum, public: topics with their guides, and cards with search, filters and paging. */
export async function contentRoutes(app: FastifyInstance, { service }: { service: ContentService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/topics',
    {
      schema: {
        tags: ['content'],
        summary: 'The 13 topic areas',
        response: { 200: z.object({ data: z.array(topicSummary) }) },
      },
    },
    async (request, reply) => sendCached(request, reply, await service.listTopics()),
  );
  r.get(
    '/api/v1/topics/:id',
    {
      schema: {
        tags: ['content'],
        summary: 'A topic area with its rendered guide and table of contents',
        params: idParam,
        response: { 200: topicDetail },
      },
    },
    async (request, reply) => sendCached(request, reply, await service.getTopic(request.params.id)),
  );
  r.get(
    '/api/v1/cards',
    {
      schema: {
        tags: ['content'],
        summary: 'Search and browse cards',
        description:
          '`q` is PostgreSQL full-text search (English stemming, web-search syntax). `sort` is one of relevance, topic, level, difficulty, question, with a leading - for descending. `limit` is clamped to 1..100.',
        querystring: cardListQuery,
        response: { 200: z.object({ data: z.array(cardSummary), meta: pageMeta }) },
      },
    },
    async (request, reply) => sendCached(request, reply, await service.listCards(request.query)),
  );
  r.get(
    '/api/v1/cards/:id',
    {
      schema: {
        tags: ['content'],
        summary: 'One card with its answer',
        params: idParam,
        response: { 200: cardDetail },
      },
    },
    async (request, reply) => sendCached(request, reply, await service.getCard(request.params.id)),
  );
  r.get(
    '/api/v1/exercises',
    {
      schema: {
        tags: ['practice'],
        summary: 'Browse coding and debugging exercises',
        description:
          '`q` searches titles and tags (PostgreSQL full-text). `sort` is one of relevance, topic, level, difficulty, title, with a leading - for descending. `limit` is clamped to 1..100.',
        querystring: exerciseListQuery,
        response: { 200: z.object({ data: z.array(exerciseSummary), meta: pageMeta }) },
      },
    },
    async (request, reply) => sendCached(request, reply, await service.listExercises(request.query)),
  );
  r.get(
    '/api/v1/exercises/:id',
    {
      schema: {
        tags: ['practice'],
        summary: 'One exercise: its prompt and starter code (the tests stay hidden)',
        params: idParam,
        response: { 200: exerciseDetail },
      },
    },
    async (request, reply) => sendCached(request, reply, await service.getExercise(request.params.id)),
  );
}
