import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '../../src/core/days.js';
import { memoryJobQueue } from '../../src/server/lib/jobs.js';
import { optimizationRepo } from '../../src/server/modules/study/optimization.repo.js';
import { optimizationService } from '../../src/server/modules/study/optimization.service.js';
import { bearer, createTestApp, register, type TestApp } from '../helpers/app.js';
import { syncRealCurriculum } from '../helpers/content-fixture.js';
import { syntheticHistory } from '../helpers/review-history.js';

let t: TestApp;
let cardIds: string[];
beforeAll(async () => {
  t = await createTestApp();
  await syncRealCurriculum(t.database.db);
  const rows = await t.database.db
    .selectFrom('cards')
    .select('id')
    .where('retired_at', 'is', null)
    .orderBy('id')
    .limit(70)
    .execute();
  cardIds = rows.map((r) => r.id);
}, 180_000);
afterAll(() => t.close());

async function learner() {
  const { json } = await register(t.app);
  return { id: json.user.id, headers: bearer(json.accessToken) };
}

type Logged = ReturnType<typeof syntheticHistory>[number];

/** A review of the synthetic history as a row of the log. */
const logRow = (userId: string, r: Logged) => ({
  id: randomUUID(),
  user_id: userId,
  card_id: r.cardId,
  rating: r.rating,
  reviewed_at: r.reviewedAt,
  was_new: false,
  state_before: 'review',
  schedule_after: '{}',
  scheduler: '{}',
});

/** Waits until none of the learner's runs is queued or running. */
const runsSettled = (userId: string) =>
  vi.waitFor(
    async () => {
      if ((await runsOf(userId)).some((r) => r.status === 'queued' || r.status === 'running'))
        throw new Error('still running');
    },
    { timeout: 30_000, interval: 50 },
  );

/** Writes the first `n` reviews of a synthetic learner's 90 days (fixed, in the past) straight into the log. */
async function seedReviews(userId: string, n: number) {
  const log = syntheticHistory({ cardIds, start: new Date('2025-06-02T00:00:00Z'), days: 90 }).slice(0, n);
  expect(log).toHaveLength(n);
  const rows = log.map((r) => logRow(userId, r));
  for (let i = 0; i < rows.length; i += 200) {
    await t.database.db
      .insertInto('reviews')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

const review = (headers: Record<string, string>, cardId = cardIds[0]!) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/reviews',
    headers,
    payload: { id: randomUUID(), cardId, rating: 'good' },
  });

const latest = async (headers: Record<string, string>) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/study/optimization', headers });
  expect(res.statusCode).toBe(200);
  return res.json();
};

const optimize = (headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/study/optimize', headers });

const runsOf = (userId: string) =>
  t.database.db.selectFrom('fsrs_optimizations').selectAll().where('user_id', '=', userId).execute();

/** Waits until the learner's latest run has finished, and answers the GET view. */
async function finished(headers: Record<string, string>) {
  return vi.waitFor(
    async () => {
      const view = await latest(headers);
      if (!view.run || ['queued', 'running'].includes(view.run.status)) throw new Error('not finished yet');
      return view;
    },
    { timeout: 30_000, interval: 100 },
  );
}

describe('fitting a learner’s own FSRS parameters', { timeout: 60_000 }, () => {
  it('tells a new learner how many reviews are still needed, and refuses to fit with 422 not_enough_reviews', async () => {
    const me = await learner();
    expect(await latest(me.headers)).toEqual({
      run: null,
      reviewCount: 0,
      minReviews: 400,
      reviewsNeeded: 400,
      nextAutomaticAt: 400,
      usingOwnParameters: false,
    });
    await seedReviews(me.id, 120);
    const res = await optimize(me.headers);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'not_enough_reviews',
      detail: expect.stringContaining('280 more'),
    });
    expect(await runsOf(me.id)).toHaveLength(0);
  });

  it('queues a fit exactly once when a review crosses 400, adopts the fitted parameters, and later reviews are scheduled with them', async () => {
    const me = await learner();
    await seedReviews(me.id, 399);
    expect((await review(me.headers)).statusCode).toBe(201);
    const view = await finished(me.headers);
    // More reviews past the threshold (but short of the next 200) queue nothing more.
    for (let i = 0; i < 3; i++) expect((await review(me.headers, cardIds[1 + i])).statusCode).toBe(201);
    await sleep(300);
    const runs = await runsOf(me.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'auto', milestone: 400 });

    expect(view.run).toMatchObject({ status: 'done', trigger: 'auto', reviewCount: 400, adopted: true });
    expect(view.run.logLossAfter).toBeLessThan(view.run.logLossBefore);
    expect(view.run.parameters).toHaveLength(21);
    expect(view.run.rmseBefore).toBeGreaterThan(0);
    expect(view.run.finishedAt).toEqual(expect.any(String));
    expect(view.usingOwnParameters).toBe(true);

    const settings = await t.database.db
      .selectFrom('study_settings')
      .select('weights')
      .where('user_id', '=', me.id)
      .executeTakeFirstOrThrow();
    expect(settings.weights).toEqual(view.run.parameters);
    // The review log records the scheduler settings each review was made under.
    const [lastReview] = await t.database.db
      .selectFrom('reviews')
      .select('scheduler')
      .where('user_id', '=', me.id)
      .orderBy('reviewed_at', 'desc')
      .limit(1)
      .execute();
    expect(lastReview!.scheduler).toMatchObject({ weights: view.run.parameters });
  });

  it('queues again every 200 more reviews, once each, counting in the database only near a milestone; an unfinished run defers it by a few reviews', async () => {
    const me = await learner();
    const jobs = memoryJobQueue();
    const repo = optimizationRepo(t.database.db);
    let counted = 0;
    const service = optimizationService({
      repo: {
        ...repo,
        reviewCount: (userId: string) => {
          counted++;
          return repo.reviewCount(userId);
        },
      },
      settings: { minReviews: 400, every: 200 },
      jobs,
    });
    const log = syntheticHistory({ cardIds, start: new Date('2025-06-02T00:00:00Z'), days: 180 });
    const queued: number[] = [];
    for (let i = 0; i < 610; i++) {
      const r = log[i]!;
      await t.database.db.insertInto('reviews').values(logRow(me.id, r)).execute();
      if (i + 1 === 600) {
        // A run the learner started by hand is still going when the 600th review lands.
        await t.database.db
          .insertInto('fsrs_optimizations')
          .values({ user_id: me.id, trigger: 'manual', status: 'running', review_count: 599 })
          .execute();
      }
      const started = await service.afterReview(me.id);
      if (i + 1 === 600) {
        await t.database.db
          .updateTable('fsrs_optimizations')
          .set({ status: 'failed' })
          .where('user_id', '=', me.id)
          .where('trigger', '=', 'manual')
          .execute();
      }
      if (started) {
        queued.push(i + 1);
        // Let the run finish, as a learner's next reviews would.
        await runsSettled(me.id);
      }
    }
    await jobs.close();
    expect(queued).toEqual([400, 610]);
    // Once for the first review this process saw, at each milestone, and once more after the deferral.
    expect(counted).toBe(4);
    const runs = await runsOf(me.id);
    expect(
      runs
        .filter((r) => r.trigger === 'auto')
        .sort((a, b) => a.milestone! - b.milestone!)
        .map((r) => [r.milestone, r.status, r.review_count]),
    ).toEqual([
      [400, 'done', 400],
      [600, 'done', 610],
    ]);
  });

  it('fits one learner automatically at most once per interval: a milestone reached sooner is skipped', async () => {
    const me = await learner();
    const jobs = memoryJobQueue();
    // Runs are stamped by the database, so the clock starts at the real time.
    let clock = new Date();
    const service = optimizationService({
      repo: optimizationRepo(t.database.db),
      settings: { minReviews: 400, every: 200, minIntervalMs: 3600_000 },
      jobs,
      now: () => clock,
    });
    const log = syntheticHistory({ cardIds, start: new Date('2025-06-02T00:00:00Z'), days: 180 });
    const queued: number[] = [];
    for (let i = 0; i < 800; i++) {
      const r = log[i % log.length]!;
      await t.database.db.insertInto('reviews').values(logRow(me.id, r)).execute();
      // Two hours pass between the 700th and the 701st review.
      if (i + 1 === 701) clock = new Date(clock.getTime() + 2 * 3600_000);
      if (await service.afterReview(me.id)) {
        queued.push(i + 1);
        await runsSettled(me.id);
      }
    }
    await jobs.close();
    // 600 came minutes after 400 and was skipped; 800 came two hours later.
    expect(queued).toEqual([400, 800]);
  });

  it('runs on demand (202, queued), and answers 409 optimization_in_progress while a run is unfinished', async () => {
    const me = await learner();
    await seedReviews(me.id, 450);
    // An unfinished run, as if another request had just queued one.
    await t.database.db
      .insertInto('fsrs_optimizations')
      .values({ user_id: me.id, trigger: 'manual', status: 'running', review_count: 450 })
      .execute();
    const busy = await optimize(me.headers);
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ code: 'optimization_in_progress' });
    await t.database.db
      .updateTable('fsrs_optimizations')
      .set({ status: 'failed' })
      .where('user_id', '=', me.id)
      .execute();

    const res = await optimize(me.headers);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'queued', trigger: 'manual', reviewCount: 450 });
    const view = await finished(me.headers);
    expect(view.run).toMatchObject({ id: res.json().id, status: 'done', reviewCount: 450 });
    expect(Number.isFinite(view.run.logLossBefore)).toBe(true);
    expect(Number.isFinite(view.run.logLossAfter)).toBe(true);
    // The learner's account export holds every run, the failed one too.
    const exported = (await t.app.inject({ url: '/api/v1/me/export', headers: me.headers })).json();
    expect(exported.fsrsOptimizations.map((r: { status: string }) => r.status)).toEqual(['failed', 'done']);
  });

  it('keeps each learner to their own runs: another learner neither sees nor starts them', async () => {
    const a = await learner();
    const b = await learner();
    await seedReviews(a.id, 420);
    expect((await optimize(a.headers)).statusCode).toBe(202);
    await finished(a.headers);
    const bView = await latest(b.headers);
    expect(bView).toMatchObject({ run: null, reviewCount: 0, usingOwnParameters: false });
    // B's request fits B's history only (too short), never A's.
    const res = await optimize(b.headers);
    expect(res.statusCode).toBe(422);
    expect(await runsOf(b.id)).toHaveLength(0);
    expect(await runsOf(a.id)).toHaveLength(1);
    // Signed out: nothing at all.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/study/optimization' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/study/optimize' })).statusCode).toBe(401);
  });

  it('limits on-demand runs per learner', async () => {
    const me = await learner();
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await optimize(me.headers)).statusCode);
    expect(codes).toEqual([422, 422, 422, 422, 422, 422, 429]);
    // Another learner is not affected.
    expect((await optimize((await learner()).headers)).statusCode).toBe(422);
  });

  it('adopts fitted parameters only when they predict the history better than the ones in force, recording both figures either way', async () => {
    const me = await learner();
    await seedReviews(me.id, 500);
    const changed: string[] = [];
    const service = optimizationService({
      repo: optimizationRepo(t.database.db),
      settings: { minReviews: 400, every: 200 },
      onWeightsChanged: (userId) => {
        changed.push(userId);
      },
    });
    const phases: string[] = [];
    const first = await service.runNow(me.id, (p) => phases.push(p.phase));
    expect(phases[0]).toBe('reading');
    expect(phases.at(-1)).toBe('evaluating');
    expect(first).toMatchObject({ status: 'done', trigger: 'cli', adopted: true, reviewCount: 500 });
    // The same history again fits the same parameters: no better than those now in force.
    const second = await service.runNow(me.id);
    expect(second).toMatchObject({ status: 'done', adopted: false });
    expect(second.parameters).toEqual(first.parameters);
    expect(second.logLossBefore).toBeCloseTo(first.logLossAfter!, 10);
    expect(second.logLossAfter).toBeCloseTo(second.logLossBefore!, 10);
    expect(second.reason).toMatch(/did not predict/);
    const weights = await optimizationRepo(t.database.db).weights(me.id);
    expect(weights).toEqual(first.parameters);
    // Cached study queues are dropped only when the weights really changed.
    expect(changed).toEqual([me.id]);
  });

  it('skips a history with too few reviews on later days, saying why', async () => {
    const me = await learner();
    const at = new Date(Date.now() - 2 * DAY_MS);
    const rows = Array.from({ length: 400 }, (_, i) => ({
      id: randomUUID(),
      user_id: me.id,
      card_id: cardIds[i % cardIds.length]!,
      rating: 'good' as const,
      reviewed_at: new Date(at.getTime() + i * 1000),
      was_new: false,
      state_before: 'review',
      schedule_after: '{}',
      scheduler: '{}',
    }));
    await t.database.db.insertInto('reviews').values(rows).execute();
    expect((await optimize(me.headers)).statusCode).toBe(202);
    const view = await finished(me.headers);
    expect(view.run).toMatchObject({ status: 'skipped', itemCount: 0, adopted: false, logLossAfter: null });
    expect(view.run.reason).toMatch(/at least 64/);
    expect(view.usingOwnParameters).toBe(false);
  });
});
