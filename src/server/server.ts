import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { ContentCheckFailed, defaultScratchRoot, syncIfChanged } from '../content/auto-sync.js';
import { type AppDeps, buildApp } from './app.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** Stops accepting, finishes in-flight requests, closes the database and Redis. */
  stop(): Promise<void>;
}

/**
 * Starts nodeprep and installs graceful shutdown on SIGTERM and SIGINT.
 * `extend` lets a caller add routes before listening (used by tests of the shutdown itself).
 */
export async function startServer(
  config: Config,
  deps: AppDeps & { extend?: (app: FastifyInstance) => void | Promise<void>; syncContent?: boolean } = {},
): Promise<RunningServer> {
  const started = performance.now();
  const app = await buildApp(config, deps);
  await deps.extend?.(app);
  if (deps.syncContent !== false) {
    try {
      const report = await syncIfChanged(
        app.database.db,
        {
          ...config.contentCheck,
          contentDir: config.contentDir,
          scratchRoot: defaultScratchRoot(),
          runExamples: false,
        },
        app.log,
      );
      if (report) {
        await app.content.invalidate();
        const { ms, ...counts } = report;
        app.log.info({ ...counts, ms: Math.round(ms) }, 'content synced');
      }
    } catch (err) {
      if (!(err instanceof ContentCheckFailed)) throw err;
      app.log.error(`${err.message}
Serving the content synced before.`);
    }
  }
  // Learner code runs in processes started ahead of demand.
  app.runner?.warm();
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    {
      database: app.database.kind,
      redis: Boolean(app.redis),
      sandbox: app.runner?.sandbox.mode ?? 'none',
      ms: Math.round(performance.now() - started),
    },
    `nodeprep is ready at ${address.replace('127.0.0.1', 'localhost')}`,
  );
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= app.close();
    return stopping;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down: finishing in-flight requests');
      const force = setTimeout(() => {
        app.log.error('shutdown took longer than 10 s; exiting');
        process.exit(1);
      }, 10_000);
      force.unref();
      stop().then(
        () => process.exit(0),
        (err) => {
          app.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return { app, url: address, stop };
}
