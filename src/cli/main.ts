import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { ConfigError, contentCheckConfig, loadConfig } from '../config.js';
import { ContentCheckFailed, defaultScratchRoot, syncIfChanged } from '../content/auto-sync.js';
import { checkContent, summaryTable, writeCheckStamp } from '../content/check.js';
import { loadCurriculum } from '../content/load.js';
import { createRenderer } from '../content/render.js';
import { renderCurriculum } from '../content/sync.js';
import { isRole, roles } from '../core/access.js';
import { isAppError } from '../core/errors.js';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { memoryAttemptLimiter } from '../server/lib/attempt-limiter.js';
import { redisCache } from '../server/lib/cache.js';
import { closeRedis } from '../server/lib/jobs.js';
import { authRepo } from '../server/modules/auth/auth.repo.js';
import { authService } from '../server/modules/auth/auth.service.js';
import { createTokenSigner } from '../server/modules/auth/tokens.js';
import { optimizationRepo } from '../server/modules/study/optimization.repo.js';
import {
  type OptimizationProgress,
  optimizationService,
} from '../server/modules/study/optimization.service.js';
import { studyRepo } from '../server/modules/study/study.repo.js';
import { invalidateStudyQueue, studyService } from '../server/modules/study/study.service.js';
import { startServer } from '../server/server.js';

const USAGE = `nodeprep: interview preparation for Node.js backend developers

Usage:
  nodeprep serve [--port N] [--host H]     start the web app and API (default http://localhost:3000)
  nodeprep db migrate                      apply pending database migrations
  nodeprep user promote <email> <role>     add a role (${roles.join(', ')}) to a user
  nodeprep content check [--no-run] [--require-services]
                                           validate content/ and run every example on Node.js
  nodeprep study rebuild [--user <email>]  rebuild card states from the review log
  nodeprep study optimize --user <email>   fit the learner's own FSRS parameters now
  nodeprep content build                   validate content/ and pre-render it (cached in .cache/)
  nodeprep content sync [--force]          check, then load content/ into the database
  nodeprep help                            this text

Configuration comes from environment variables; see the README.`;

class UsageError extends Error {}

/**
 * With Redis, running servers keep their study queues' tokens there; a command that changes what
 * a learner's queue shows renews them through this, so servers stop serving the cached queue.
 */
function serversCache(redisUrl: string | undefined) {
  if (!redisUrl) return null;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let warned = false;
  redis.on('error', (err) => {
    if (warned) return;
    warned = true;
    console.error(
      `warning: Redis is unreachable (${err.message}); running servers may serve study queues cached before this change until the learner's next review`,
    );
  });
  return { cache: redisCache(redis), close: () => closeRedis(redis) };
}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function contentCheckCommand(execute: boolean, requireServices: boolean): Promise<number> {
  const settings = contentCheckConfig();
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  const result = await checkContent({
    ...settings,
    scratchRoot: defaultScratchRoot(),
    execute,
    requireServices,
    onProgress: (done, total, label) => {
      if (tty) process.stderr.write(`\r\x1b[2Kchecking [${done}/${total}] ${label.slice(0, 60)}`);
      else if (done === total || done - lastLine >= 25) {
        lastLine = done;
        process.stderr.write(`checking [${done}/${total}]\n`);
      }
    },
  });
  if (tty) process.stderr.write('\r\x1b[2K');
  for (const p of result.problems)
    console.log(`${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
  if (result.problems.length) console.log('');
  console.log(summaryTable(result.curriculum));
  console.log('');
  const ran = result.executed
    ? `ran ${result.executed.ran} programs${result.executed.skipped ? ` (${result.executed.skipped} skipped: a service was unreachable)` : ''} in ${(result.executed.ms / 1000).toFixed(1)} s (exercises and predict items in the ${result.executed.sandbox === 'bubblewrap' ? 'bubblewrap sandbox' : 'weaker sandbox: bubblewrap is unavailable'}); `
    : 'examples not run (--no-run); ';
  console.log(
    `${ran}${result.errors} errors, ${result.warnings} warnings; ${(result.ms / 1000).toFixed(1)} s in all`,
  );
  if (result.errors === 0 && execute) writeCheckStamp(settings.stampFile, result);
  return result.errors ? 1 : 0;
}

const fixed = (n: number | null) => (n === null ? '-' : n.toFixed(3));

/** `nodeprep study optimize --user <email>`: fits one learner's FSRS parameters in this process. */
async function studyOptimizeCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { user: { type: 'string' } } });
  if (!values.user) throw new UsageError('usage: nodeprep study optimize --user <email>');
  const config = loadConfig();
  return withDatabase(async (d) => {
    await migrateToLatest(d.db);
    const user = await authRepo(d.db).findUserByEmail(values.user!.trim().toLowerCase());
    if (!user) throw new UsageError(`no user with e-mail ${values.user}`);
    const redis = serversCache(config.redisUrl);
    const service = optimizationService({
      repo: optimizationRepo(d.db),
      settings: config.fsrsOptimization,
      ...(redis ? { onWeightsChanged: (userId: string) => invalidateStudyQueue(redis.cache, userId) } : {}),
    });
    const started = performance.now();
    let lastPercent = -1;
    const progress = (p: OptimizationProgress) => {
      if (p.phase === 'reading') console.log(`read ${p.reviews} reviews: ${p.items} to predict`);
      else if (p.phase === 'fitting') {
        const percent = p.total ? Math.floor((100 * p.done) / p.total) : 0;
        if (percent >= lastPercent + 10 || p.done === p.total) {
          lastPercent = percent;
          console.log(`fitting… ${percent}%`);
        }
      } else console.log('evaluating the fitted parameters');
    };
    console.log(`fitting FSRS parameters for ${user.email}`);
    const run = await service.runNow(user.id, progress).finally(() => redis?.close());
    const ms = Math.round(performance.now() - started);
    if (run.status !== 'done') {
      console.log(`${run.status}: ${run.reason ?? 'no reason recorded'} (${ms} ms)`);
      return run.status === 'failed' ? 1 : 0;
    }
    console.log(
      `log-loss ${fixed(run.logLossBefore)} → ${fixed(run.logLossAfter)}, RMSE ${fixed(run.rmseBefore)} → ${fixed(run.rmseAfter)} over ${run.itemCount} reviews (${ms} ms)`,
    );
    console.log(
      run.adopted
        ? 'adopted: later reviews are scheduled with these parameters'
        : `kept the parameters in use: ${run.reason ?? ''}`,
    );
    console.log(`parameters: ${run.parameters?.map((w) => w.toFixed(4)).join(', ') ?? '-'}`);
    return 0;
  });
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args: argv.slice(1),
        options: { port: { type: 'string' }, host: { type: 'string' } },
      });
      const base = loadConfig();
      const port = values.port === undefined ? base.port : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0-65535');
      const config = loadConfig({ port, host: values.host ?? base.host, jwtSecret: base.jwtSecret });
      await startServer(config);
      return -1; // keep running
    }
    case 'db': {
      if (sub !== 'migrate') throw new UsageError(`unknown db command "${sub ?? ''}"`);
      const applied = await withDatabase((d) => migrateToLatest(d.db));
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      return 0;
    }
    case 'user': {
      const [email, role] = rest;
      if (sub !== 'promote' || !email || !role)
        throw new UsageError('usage: nodeprep user promote <email> <role>');
      if (!isRole(role)) throw new UsageError(`role must be one of: ${roles.join(', ')}`);
      const config = loadConfig();
      const user = await withDatabase(async (d) => {
        await migrateToLatest(d.db);
        return authService({
          repo: authRepo(d.db),
          signer: createTokenSigner(config.jwtSecret, config.accessTokenTtlS),
          limiter: memoryAttemptLimiter(),
          accessTokenTtlS: config.accessTokenTtlS,
          refreshTokenTtlS: config.refreshTokenTtlS,
          loginLimits: config.loginLimits,
        }).promote(email.trim().toLowerCase(), role);
      });
      console.log(`${user.email} now has roles: ${user.roles.join(', ')}`);
      return 0;
    }
    case 'study': {
      if (sub === 'optimize') return studyOptimizeCommand(argv.slice(2));
      if (sub !== 'rebuild') throw new UsageError(`unknown study command "${sub ?? ''}"`);
      const { values } = parseArgs({ args: argv.slice(2), options: { user: { type: 'string' } } });
      return withDatabase(async (d) => {
        await migrateToLatest(d.db);
        let userId: string | undefined;
        if (values.user) {
          const user = await authRepo(d.db).findUserByEmail(values.user.trim().toLowerCase());
          if (!user) throw new UsageError(`no user with e-mail ${values.user}`);
          userId = user.id;
        }
        const started = performance.now();
        const redis = serversCache(loadConfig().redisUrl);
        const n = await studyService({ repo: studyRepo(d.db), ...(redis ? { cache: redis.cache } : {}) })
          .rebuild(userId)
          .finally(() => redis?.close());
        console.log(
          `rebuilt ${n} card states from the review log in ${Math.round(performance.now() - started)} ms`,
        );
        return 0;
      });
    }
    case 'content': {
      const { values } = parseArgs({
        args: argv.slice(2),
        options: {
          'no-run': { type: 'boolean', default: false },
          'require-services': { type: 'boolean', default: false },
          force: { type: 'boolean', default: false },
        },
      });
      if (sub === 'check') return contentCheckCommand(!values['no-run'], values['require-services']);
      if (sub === 'build') {
        const settings = contentCheckConfig();
        const started = performance.now();
        const { curriculum, problems } = loadCurriculum(settings.contentDir);
        const errors = problems.filter((p) => p.severity === 'error');
        for (const p of errors) console.error(`${p.file}:${p.line}: ${p.message}`);
        if (errors.length) return 1;
        const renderer = await createRenderer({ cacheFile: settings.renderCacheFile });
        const n = renderCurriculum(curriculum, renderer);
        const { rendered, cached } = renderer.stats();
        console.log(
          `rendered ${n} items (${rendered} blocks rendered, ${cached} from cache) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        return 0;
      }
      if (sub === 'sync') {
        const config = loadConfig();
        return withDatabase(async (d) => {
          await migrateToLatest(d.db);
          const log = {
            info: (m: unknown) => console.error(String(m)),
            warn: console.error,
            error: console.error,
          };
          try {
            const report = await syncIfChanged(
              d.db,
              {
                ...config.contentCheck,
                contentDir: config.contentDir,
                scratchRoot: defaultScratchRoot(),
                runExamples: true,
                force: values.force,
              },
              log,
            );
            if (!report) console.log('content is already in sync (use --force to sync anyway)');
            else {
              console.log(
                `synced content version ${report.versionId}${report.changed ? '' : ' (nothing changed)'}: ${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged, ${report.retired} retired in ${Math.round(report.ms)} ms`,
              );
            }
            return 0;
          } catch (err) {
            if (err instanceof ContentCheckFailed) {
              console.error(err.message);
              return 1;
            }
            throw err;
          }
        });
      }
      throw new UsageError(`unknown content command "${sub ?? ''}"`);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

export async function run(argv: string[]): Promise<void> {
  try {
    const code = await main(argv);
    if (code >= 0) process.exitCode = code;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`nodeprep: ${err.message}\n\n${USAGE}`);
      process.exitCode = 64;
    } else if (err instanceof ConfigError || isAppError(err)) {
      console.error(`nodeprep: ${err.message}`);
      process.exitCode = 1;
    } else {
      console.error(err);
      process.exitCode = 1;
    }
  }
}
