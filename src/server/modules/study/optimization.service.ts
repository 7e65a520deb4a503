import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { Actor } from '../../../core/access.js';
import { AppError } from '../../../core/errors.js';
import {
  areValidParameters,
  evaluateParameters,
  fitParameters,
  type TrainingItem,
  trainingItems,
} from '../../../core/study/optimizer.js';
import type { JobKind, JobQueue } from '../../lib/jobs.js';
import type { OptimizationRepo, OptimizationRow } from './optimization.repo.js';
import type { optimizationRun } from './optimization.schema.js';

export const OPTIMIZE_JOB = 'fsrs-optimize';

/** Fewer predictable reviews than this and the optimiser's figures mean little. */
export const MIN_TRAINING_ITEMS = 64;

/** An unfinished run older than this is taken to have died with its process. */
const STALE_AFTER_MS = 30 * 60_000;

export interface OptimizationSettings {
  /** Reviews needed before the first fit. */
  minReviews: number;
  /** Reviews after which the fit runs again. */
  every: number;
  /** Automatic runs of one learner at most this often; a milestone reached sooner is skipped. */
  minIntervalMs?: number;
}

/** After a milestone found another run unfinished, the count is checked again this many reviews later. */
const DEFER_REVIEWS = 10;

/** A run as the API shows it (the response schema is the one definition). */
export type OptimizationView = z.infer<typeof optimizationRun>;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export const presentRun = (r: OptimizationRow): OptimizationView => ({
  id: r.id,
  status: r.status,
  trigger: r.trigger,
  reviewCount: r.review_count,
  itemCount: r.item_count,
  logLossBefore: r.log_loss_before,
  logLossAfter: r.log_loss_after,
  rmseBefore: r.rmse_before,
  rmseAfter: r.rmse_after,
  adopted: r.adopted,
  parameters: r.parameters,
  reason: r.reason,
  createdAt: new Date(r.created_at).toISOString(),
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
});

/** Progress of a run, for the command line. */
export type OptimizationProgress =
  | { phase: 'reading'; reviews: number; items: number }
  | { phase: 'fitting'; done: number; total: number }
  | { phase: 'evaluating' };

/**
 * Fitting each learner's own FSRS parameters from their review log. A run is recorded before it
 * is queued, so its state is visible at once; the fitted parameters replace the scheduler's only
 * when they predict the learner's history better (lower log-loss) than the ones in force.
 */
export function optimizationService(deps: {
  repo: OptimizationRepo;
  settings: OptimizationSettings;
  /** Without a queue (the command line) runs are executed directly with `runNow`. */
  jobs?: JobQueue;
  /** Called after new weights are adopted, e.g. to drop cached study queues. */
  onWeightsChanged?: (userId: string) => Promise<void> | void;
  log?: { warn: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void };
  now?: () => Date;
}) {
  const { repo, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const job: JobKind<{ runId: string }, void> | undefined = deps.jobs?.define(
    OPTIMIZE_JOB,
    async ({ runId }: { runId: string }) => {
      await execute(runId);
    },
    { concurrency: 1 },
  );

  /** The review count whose crossing starts an automatic run, or null below the threshold. */
  function milestoneFor(count: number): number | null {
    if (count < settings.minReviews) return null;
    return settings.minReviews + Math.floor((count - settings.minReviews) / settings.every) * settings.every;
  }

  /** The first review count past `count` that starts an automatic run. */
  const nextMilestone = (count: number) => {
    const reached = milestoneFor(count);
    return reached === null ? settings.minReviews : reached + settings.every;
  };

  // Review counts this process has seen, so most reviews need no count query: the database is
  // asked again only when the estimate reaches the next milestone (reviews handled by other
  // instances only delay that, and the query then gives the true count).
  const knownCounts = new LRUCache<string, number>({ max: 10_000 });
  // A learner whose milestone had to wait is asked again at this count, not on every review.
  const retryAt = new LRUCache<string, number>({ max: 10_000 });

  async function enqueue(run: OptimizationRow) {
    if (!job) throw new Error('No job queue: run the optimisation directly');
    try {
      // The run's id as the job id: enqueueing the same run twice adds one job, and the unique
      // index on unfinished runs keeps a learner to one job at a time.
      await job.enqueue({ runId: run.id }, { jobId: `${OPTIMIZE_JOB}-${run.id}` });
    } catch (err) {
      // Not queued (e.g. `queue_full`): the run must not block the learner's next one.
      await repo.finish(run.id, {
        status: 'failed',
        reviewCount: run.review_count,
        itemCount: null,
        reason: 'The run could not be queued; try again in a few minutes.',
        at: now(),
      });
      throw err;
    }
  }

  async function create(userId: string, trigger: 'manual' | 'cli'): Promise<OptimizationRow> {
    const count = await repo.reviewCount(userId);
    if (count < settings.minReviews) {
      const more = settings.minReviews - count;
      throw new AppError(
        'not_enough_reviews',
        `Fitting your own scheduling parameters needs at least ${settings.minReviews} reviews; you have ${count}, so ${more} more to go.`,
      );
    }
    await repo.failStale(userId, new Date(now().getTime() - STALE_AFTER_MS));
    const run = await repo.createRun({ userId, trigger, milestone: null, reviewCount: count });
    if (!run) {
      throw new AppError(
        'optimization_in_progress',
        'Your scheduling parameters are already being fitted; see the latest run for its result.',
      );
    }
    return run;
  }

  /** Runs a queued run to the end; every outcome is recorded on the run, nothing is thrown. */
  async function execute(runId: string, onProgress?: (p: OptimizationProgress) => void): Promise<void> {
    const run = await repo.start(runId, now());
    if (!run) return;
    const userId = run.user_id;
    let reviewCount = run.review_count;
    let items: TrainingItem[] = [];
    try {
      const log = await repo.reviewLog(userId);
      reviewCount = log.length;
      items = trainingItems(log, await repo.timeZone(userId));
      onProgress?.({ phase: 'reading', reviews: log.length, items: items.length });
      const baseline = await repo.weights(userId);
      if (items.length < MIN_TRAINING_ITEMS) {
        await repo.finish(runId, {
          status: 'skipped',
          reviewCount,
          itemCount: items.length,
          baselineParameters: baseline,
          reason: `Only ${items.length} of your reviews came a day or more after the card's previous review; at least ${MIN_TRAINING_ITEMS} are needed.`,
          at: now(),
        });
        return;
      }
      const before = evaluateParameters(items, baseline ?? undefined);
      const fitted = await fitParameters(items, {
        onProgress: (done, total) => onProgress?.({ phase: 'fitting', done, total }),
      });
      onProgress?.({ phase: 'evaluating' });
      if (!areValidParameters(fitted)) throw new Error(`the optimiser returned ${fitted.length} parameters`);
      const after = evaluateParameters(items, fitted);
      const adopted = Number.isFinite(after.logLoss) && after.logLoss < before.logLoss;
      if (adopted) {
        await repo.saveWeights(userId, fitted);
        // The weights are saved: a cache that could not be told only serves stale previews a while.
        await Promise.resolve(deps.onWeightsChanged?.(userId)).catch((err) =>
          deps.log?.warn({ err, runId }, 'could not drop cached study queues'),
        );
      }
      await repo.finish(runId, {
        status: 'done',
        reviewCount,
        itemCount: items.length,
        logLossBefore: before.logLoss,
        logLossAfter: after.logLoss,
        rmseBefore: before.rmse,
        rmseAfter: after.rmse,
        adopted,
        parameters: fitted,
        baselineParameters: baseline,
        reason: adopted
          ? null
          : 'The fitted parameters did not predict your reviews better than the ones in use.',
        at: now(),
      });
      deps.log?.info(
        {
          runId,
          reviewCount,
          items: items.length,
          logLossBefore: before.logLoss,
          logLossAfter: after.logLoss,
          adopted,
        },
        'fsrs parameters fitted',
      );
    } catch (err) {
      deps.log?.warn({ err, runId }, 'fitting fsrs parameters failed');
      await repo.finish(runId, {
        status: 'failed',
        reviewCount,
        itemCount: items.length || null,
        reason: 'The optimiser could not fit parameters to this review history.',
        at: now(),
      });
    }
  }

  return {
    milestoneFor,

    /**
     * After a new review: when the learner has just reached the threshold (or another `every`
     * reviews past it), records an automatic run and queues it. At most one run per milestone.
     */
    async afterReview(userId: string): Promise<boolean> {
      if (!job) return false;
      const known = knownCounts.get(userId);
      if (known !== undefined) {
        knownCounts.set(userId, known + 1);
        const waitFor = retryAt.get(userId) ?? nextMilestone(known);
        if (known + 1 < waitFor) return false;
      }
      retryAt.delete(userId);
      const count = await repo.reviewCount(userId);
      knownCounts.set(userId, count);
      const milestone = milestoneFor(count);
      if (milestone === null || (await repo.hasMilestone(userId, milestone))) return false;
      const latest = await repo.latest(userId);
      if (
        settings.minIntervalMs &&
        latest?.trigger === 'auto' &&
        now().getTime() - new Date(latest.created_at).getTime() < settings.minIntervalMs
      ) {
        // Too soon after the last automatic fit: this milestone is skipped, the next one counts.
        return false;
      }
      await repo.failStale(userId, new Date(now().getTime() - STALE_AFTER_MS));
      const run = await repo.createRun({ userId, trigger: 'auto', milestone, reviewCount: milestone });
      if (!run) {
        // Another run is unfinished (or took this milestone): ask again a few reviews later.
        retryAt.set(userId, count + DEFER_REVIEWS);
        return false;
      }
      await enqueue(run);
      return true;
    },

    /** `POST /study/optimize`: queues a run for the learner. */
    async start(actor: Actor): Promise<OptimizationView> {
      const run = await create(actor.userId, 'manual');
      await enqueue(run);
      return presentRun(run);
    },

    /** `GET /study/optimization`: the latest run, and how far the learner is from the threshold. */
    async latest(actor: Actor) {
      const [run, count, weights] = await Promise.all([
        repo.latest(actor.userId),
        repo.reviewCount(actor.userId),
        repo.weights(actor.userId),
      ]);
      return {
        run: run ? presentRun(run) : null,
        reviewCount: count,
        minReviews: settings.minReviews,
        reviewsNeeded: Math.max(0, settings.minReviews - count),
        nextAutomaticAt: nextMilestone(count),
        usingOwnParameters: weights !== null,
      };
    },

    /** Fits now, in this process (the command line), reporting progress. */
    async runNow(userId: string, onProgress?: (p: OptimizationProgress) => void): Promise<OptimizationView> {
      const run = await create(userId, 'cli');
      await execute(run.id, onProgress);
      return presentRun((await repo.find(run.id))!);
    },

    execute,
  };
}

export type OptimizationService = ReturnType<typeof optimizationService>;
