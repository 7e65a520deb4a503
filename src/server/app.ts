import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { AppError } from '../core/errors.js';
import { type Database, migrateToLatest, openDatabase } from '../db/database.js';
import { createRunner, type Runner, SandboxUnavailableError } from '../runner/runner.js';
import { memoryAttemptLimiter, redisAttemptLimiter } from './lib/attempt-limiter.js';
import { type Cache, memoryCache, redisCache } from './lib/cache.js';
import { bullmqJobQueue, closeRedis, type JobQueue, memoryJobQueue } from './lib/jobs.js';
import { authRepo } from './modules/auth/auth.repo.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { authService } from './modules/auth/auth.service.js';
import { createTokenSigner } from './modules/auth/tokens.js';
import { contentRepo } from './modules/content/content.repo.js';
import { contentRoutes } from './modules/content/content.routes.js';
import { type ContentService, contentService } from './modules/content/content.service.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { practiceRepo } from './modules/practice/practice.repo.js';
import { practiceRoutes } from './modules/practice/practice.routes.js';
import { practiceService } from './modules/practice/practice.service.js';
import { progressRoutes } from './modules/progress/progress.routes.js';
import { optimizationRepo } from './modules/study/optimization.repo.js';
import { optimizationRoutes } from './modules/study/optimization.routes.js';
import { optimizationService, presentRun } from './modules/study/optimization.service.js';
import { studyRepo } from './modules/study/study.repo.js';
import { studyRoutes } from './modules/study/study.routes.js';
import { invalidateStudyQueue, studyService } from './modules/study/study.service.js';
import { authenticatePlugin } from './plugins/authenticate.js';
import { errorsPlugin } from './plugins/errors.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.jwtSecret',
];

export interface AppDeps {
  /** An already-open database (tests share one); otherwise the app opens and closes its own. */
  database?: Database;
  /** Skip migrations (when the caller already ran them). */
  skipMigrations?: boolean;
  /** Redis key prefix for the BullMQ queues (tests give each app its own). */
  jobPrefix?: string;
  /** Extra pino options, e.g. a destination stream in tests. */
  logger?: FastifyServerOptions['logger'];
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    redis: Redis | null;
    cache: Cache;
    content: ContentService;
    jobs: JobQueue;
    /** The sandboxed runner for learner code; null when it refuses to run here (strict mode). */
    runner: Runner | null;
    runnerProblem: string | null;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the whole nodeprep HTTP application. The caller listens (or injects) and closes it. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs + 5000,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ownsDatabase = !deps.database;
  const database =
    deps.database ??
    (await openDatabase(config.database, {
      onPoolError: (err) => app.log.warn({ err }, 'idle database connection failed'),
    }));
  if (!deps.skipMigrations) {
    const applied = await migrateToLatest(database.db);
    if (applied.length) app.log.info({ applied }, 'database migrated');
  }
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, {
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
        enableOfflineQueue: true,
        lazyConnect: false,
      })
    : null;
  redis?.on('error', (err) => app.log.warn({ err: err.message }, 'redis connection error'));

  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('redis', redis);
  const cache = redis ? redisCache(redis) : memoryCache();
  app.decorate('cache', cache);
  const content = contentService({ repo: contentRepo(database.db), cache });
  app.decorate('content', content);
  // The runner's pool starts with the first run (or at listen, see server.ts), not per app built.
  let runner: Runner | null = null;
  let runnerProblem: string | null = null;
  const poolSize = config.runner.poolSize || os.availableParallelism();
  try {
    runner = createRunner({
      poolSize,
      timeoutMs: config.runner.timeoutMs,
      memoryMb: config.runner.memoryMb,
      outputLimitBytes: config.runner.outputLimitBytes,
      strict: config.runner.sandbox === 'strict',
      warmAtStart: false,
    });
    if (runner.sandbox.mode !== 'bubblewrap') {
      runnerProblem = `learner code runs in the weaker mode (Node's permission model and limits, no namespaces, network not blocked): ${runner.sandbox.reason}`;
      app.log.warn(runnerProblem);
    }
  } catch (err) {
    if (!(err instanceof SandboxUnavailableError)) throw err;
    runnerProblem = err.message;
    app.log.error(
      `${err.message}; runs, submissions and predict answers will answer 503 sandbox_unavailable`,
    );
  }
  app.decorate('runner', runner);
  app.decorate('runnerProblem', runnerProblem);
  const jobs = config.redisUrl
    ? bullmqJobQueue(config.redisUrl, {
        ...(deps.jobPrefix ? { prefix: deps.jobPrefix } : {}),
        onError: (err, where) => app.log.warn({ err: err.message, where }, 'job queue redis error'),
      })
    : memoryJobQueue();
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => {
    await jobs.close();
    await runner?.close();
    if (redis) await closeRedis(redis);
    if (ownsDatabase) await database.close();
  });
  // While shutting down, answers to requests already in flight close their connection, so
  // keep-alive sockets do not hold the server open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // A handler slower than the limit gets 503 request_timeout. One timer per request: Fastify's own
  // handlerTimeout aborts an AbortController (building a DOMException) at the end of every
  // request, which cost about 5% of a review's CPU.
  const timers = new WeakMap<object, NodeJS.Timeout>();
  app.addHook('onRequest', (request, reply, done) => {
    timers.set(
      request,
      setTimeout(() => {
        if (!reply.sent && !request.raw.destroyed) reply.send(new AppError('request_timeout'));
      }, config.requestTimeoutMs),
    );
    done();
  });
  app.addHook('onSend', async (request, reply) => {
    clearTimeout(timers.get(request));
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  // External plugins first.
  await app.register(cookie);
  await app.register(securityHeadersPlugin, {
    helmet: {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Highlighted code's colours are applied by the web app through the CSSOM, so even
          // style attributes stay forbidden.
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: config.cookieSecure ? [] : null,
        },
      },
      hsts: config.cookieSecure,
    },
  });
  if (config.corsOrigins.length) {
    await app.register(cors, { origin: [...config.corsOrigins], credentials: true });
  }
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowS * 1000,
    ...(redis ? { redis, nameSpace: 'nodeprep:ratelimit:', skipOnError: true } : {}),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'nodeprep API',
        version: '1',
        description:
          'Errors are RFC 9457 problem details (application/problem+json) with a stable `code`. Authenticate with `Authorization: Bearer <accessToken>`.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  // App plugins.
  const indexHtml = path.join(config.webDir, 'index.html');
  await app.register(errorsPlugin, {
    fallback: async (request, reply) => {
      const wantsPage =
        (request.method === 'GET' || request.method === 'HEAD') &&
        !request.url.startsWith('/api/') &&
        (request.headers.accept ?? '').includes('text/html');
      if (!wantsPage || !fs.existsSync(indexHtml)) return false;
      await reply.header('cache-control', 'no-cache').sendFile('index.html');
      return true;
    },
  });
  const signer = createTokenSigner(config.jwtSecret, config.accessTokenTtlS);
  await app.register(authenticatePlugin, { signer });

  // Routes.
  await app.register(healthRoutes);
  app.get('/openapi.json', { schema: { hide: true }, config: { rateLimit: false } }, async () =>
    app.swagger(),
  );
  await app.register(authRoutes, {
    service: authService({
      repo: authRepo(database.db),
      signer,
      limiter: redis ? redisAttemptLimiter(redis) : memoryAttemptLimiter(),
      accessTokenTtlS: config.accessTokenTtlS,
      refreshTokenTtlS: config.refreshTokenTtlS,
      loginLimits: config.loginLimits,
      cache,
      exportExtras: async (userId) => ({
        ...(await studyRepo(database.db).exportFor(userId)),
        submissions: await practiceRepo(database.db).exportFor(userId),
        fsrsOptimizations: (await optimizationRepo(database.db).runsOf(userId)).map(presentRun),
      }),
    }),
    cookieSecure: config.cookieSecure,
    authRateLimit: config.rateLimit.authMax,
  });

  await app.register(contentRoutes, { service: content });
  await app.register(studyRoutes, {
    service: studyService({ repo: studyRepo(database.db), contentVersion: content.currentVersion, cache }),
  });
  await app.register(progressRoutes, { db: database.db });
  await app.register(practiceRoutes, {
    service: practiceService({
      repo: practiceRepo(database.db),
      runner,
      jobs,
      concurrency: poolSize,
      ...(runnerProblem && !runner ? { unavailableReason: runnerProblem } : {}),
      onCardsMoved: (userId) => invalidateStudyQueue(cache, userId),
    }),
    runsPerMinute: config.runner.runsPerMinute,
  });
  const optimization = optimizationService({
    repo: optimizationRepo(database.db),
    settings: config.fsrsOptimization,
    jobs,
    log: app.log,
    // New weights change every interval the queue previews.
    onWeightsChanged: (userId) => invalidateStudyQueue(cache, userId),
  });
  await app.register(optimizationRoutes, { service: optimization });
  // A review that reaches the threshold (or `every` reviews past it) queues a fit of the
  // learner's own FSRS parameters, once its answer has been sent.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'POST' || reply.statusCode !== 201 || !request.actor) return;
    if (request.routeOptions.url !== '/api/v1/reviews') return;
    const { userId } = request.actor;
    optimization
      .afterReview(userId)
      .catch((err) => request.log.warn({ err }, 'could not queue fitting fsrs parameters'));
  });

  // The web app (built by `npm run build:web`).
  await app.register(fastifyStatic, {
    root: fs.existsSync(config.webDir) ? config.webDir : path.resolve('web'),
    wildcard: false,
    index: false,
    serve: fs.existsSync(config.webDir),
    setHeaders: (res, file) => {
      res.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    if (!fs.existsSync(indexHtml)) {
      return reply
        .type('text/plain')
        .send('The web app is not built yet: run `npm run build:web`. The API is at /docs.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}
