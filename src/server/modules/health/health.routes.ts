import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withDeadline } from '../../../core/deadline.js';

const check = z.object({ status: z.enum(['ok', 'unavailable']), detail: z.string().optional() });

async function probe(fn: () => Promise<unknown>, timeoutMs: number): Promise<z.infer<typeof check>> {
  try {
    await withDeadline(fn(), timeoutMs, () => new Error(`no answer within ${timeoutMs} ms`));
    return { status: 'ok' };
  } catch (err) {
    return { status: 'unavailable', detail: (err as Error).message || String(err) };
  }
}

/** `/healthz`: the process is alive. `/readyz`: its database (and Redis, if configured) answer. */
export async function healthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['health'],
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  const readiness = z.object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.object({
      database: check.extend({ kind: z.string() }),
      redis: check.optional(),
      runner: z.object({
        status: z.enum(['ok', 'degraded', 'unavailable']),
        sandbox: z.enum(['bubblewrap', 'weak', 'none']),
        cgroups: z.enum(['v1', 'v2', 'none']),
        detail: z.string().optional(),
      }),
    }),
  });
  r.get(
    '/readyz',
    {
      config: { rateLimit: false },
      schema: { tags: ['health'], summary: 'Readiness', response: { 200: readiness, 503: readiness } },
    },
    async (_request, reply) => {
      const [database, redis] = await Promise.all([
        probe(() => app.database.ping(2000), 2500),
        app.redis ? probe(() => app.redis!.ping(), 2000) : Promise.resolve(undefined),
      ]);
      const ok = database.status === 'ok' && (!redis || redis.status === 'ok');
      // The runner never fails readiness (the rest of the app serves without it); it says how safe it is.
      const runner = app.runner
        ? {
            status: app.runner.sandbox.mode === 'bubblewrap' ? ('ok' as const) : ('degraded' as const),
            sandbox: app.runner.sandbox.mode,
            cgroups: app.runner.cgroups,
            ...(app.runnerProblem ? { detail: app.runnerProblem } : {}),
          }
        : {
            status: 'unavailable' as const,
            sandbox: 'none' as const,
            cgroups: 'none' as const,
            detail: app.runnerProblem ?? 'no runner',
          };
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'unavailable',
        checks: { database: { ...database, kind: app.database.kind }, ...(redis ? { redis } : {}), runner },
      });
    },
  );
}
