import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyReview, newSchedule } from '../../src/core/study/scheduler.js';
import { memoryCache } from '../../src/server/lib/cache.js';
import { progressRepo } from '../../src/server/modules/progress/progress.repo.js';
import { progressService } from '../../src/server/modules/progress/progress.service.js';
import { studyRepo } from '../../src/server/modules/study/study.repo.js';
import { studyService } from '../../src/server/modules/study/study.service.js';
import { bearer, createTestApp, problemFields, register, type TestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { syncRealCurriculum } from '../helpers/content-fixture.js';
import { testDatabaseKind, testRedisUrl } from '../helpers/databases.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await syncRealCurriculum(t.database.db);
}, 180_000);
afterAll(() => t.close());

async function learner() {
  const { json } = await register(t.app);
  return { id: json.user.id, headers: bearer(json.accessToken) };
}

const review = (headers: Record<string, string>, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/reviews', headers, payload: body });

const stateRows = (userId: string) =>
  t.database.db
    .selectFrom('card_states')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('card_id')
    .execute();

/** The learner's review log, undone reviews included. */
const logOf = (userId: string) =>
  t.database.db.selectFrom('reviews').select(['id', 'undone_at']).where('user_id', '=', userId).execute();

describe('reviews', () => {
  it('records a rating and answers the new schedule; the same id again changes nothing', async () => {
    const me = await learner();
    const body = { id: randomUUID(), cardId: 'event-loop-phases', rating: 'good', durationMs: 4000 };
    const first = await review(me.headers, body);
    expect(first.statusCode).toBe(201);
    expect(first.json().schedule).toMatchObject({ state: 'learning', reps: 1, lapses: 0 });
    const again = await review(me.headers, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    // Even with another rating, a retried id returns the first result.
    expect((await review(me.headers, { ...body, rating: 'again' })).json()).toEqual(first.json());
    expect(await logOf(me.id)).toHaveLength(1);
  });

  it('schedules exactly what the scheduler computes for the same clock and seed', async () => {
    const me = await learner();
    const times = [
      '2026-01-05T09:00:00Z',
      '2026-01-05T09:11:00Z',
      '2026-01-06T10:00:00Z',
      '2026-01-09T10:00:00Z',
    ].map((s) => new Date(s));
    let i = 0;
    const service = studyService({ repo: studyRepo(t.database.db), now: () => times[i]! });
    const ratings = ['good', 'good', 'hard', 'easy'] as const;
    let expected = newSchedule(times[0]!);
    for (; i < times.length; i++) {
      const id = randomUUID();
      const { result } = await service.review(
        { userId: me.id, roles: ['learner'] },
        { id, cardId: 'sql-inner-vs-left-join', rating: ratings[i]! },
      );
      expected = applyReview(
        expected,
        ratings[i]!,
        times[i]!,
        { desiredRetention: 0.9 },
        `${me.id}:sql-inner-vs-left-join:${id}`,
      );
      expect(result.schedule.due).toBe(expected.due.toISOString());
      expect(result.schedule.stability).toBeCloseTo(expected.stability, 10);
      expect(result.schedule.state).toBe(expected.state);
    }
    expect(expected.state).toBe('review');
  });

  it("a rating sent late counts when it was made, never before the card's last review, and at most 30 days late", async () => {
    const me = await learner();
    const actor = { userId: me.id, roles: [] };
    let clock = new Date('2026-05-10T12:00:00Z');
    const service = studyService({ repo: studyRepo(t.database.db), now: () => clock });
    const reviewedAt = async (id: string) =>
      new Date(
        (
          await t.database.db
            .selectFrom('reviews')
            .select('reviewed_at')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).reviewed_at,
      ).toISOString();
    const first = randomUUID();
    await service.review(actor, { id: first, cardId: 'rest-idempotency-keys', rating: 'good' });
    clock = new Date('2026-05-10T15:00:00Z');
    // Rated two hours ago, offline: it counts at 13:00 and is scheduled from then.
    const late = randomUUID();
    const { result } = await service.review(actor, {
      id: late,
      cardId: 'rest-success-status-codes',
      rating: 'good',
      ratedAgoMs: 2 * 3_600_000,
    });
    expect(await reviewedAt(late)).toBe('2026-05-10T13:00:00.000Z');
    expect(result.review.reviewedAt).toBe('2026-05-10T13:00:00.000Z');
    // Earlier than the card's last review: it counts right after that one.
    const tooEarly = randomUUID();
    await service.review(actor, {
      id: tooEarly,
      cardId: 'rest-idempotency-keys',
      rating: 'easy',
      ratedAgoMs: 5 * 3_600_000,
    });
    expect(await reviewedAt(tooEarly)).toBe(await reviewedAt(first));

    for (const ratedAgoMs of [-1, 31 * 86_400_000, 1.5]) {
      const bad = await review(me.headers, {
        id: randomUUID(),
        cardId: 'rest-idempotency-keys',
        rating: 'good',
        ratedAgoMs,
      });
      expect(bad.statusCode).toBe(400);
      expect(problemFields(bad)).toEqual(['ratedAgoMs']);
    }
  });

  it('serialises concurrent reviews of one card: every one counted once, state equal to a replay of the log', async () => {
    const me = await learner();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        review(me.headers, { id: randomUUID(), cardId: 'rest-success-status-codes', rating: 'good' }),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const [state] = await stateRows(me.id);
    expect(state!.reps).toBe(8);
    const service = studyService({ repo: studyRepo(t.database.db) });
    await service.rebuild(me.id);
    const [rebuilt] = await stateRows(me.id);
    expect({ ...rebuilt, updated_at: null }).toEqual({ ...state, updated_at: null });
  });

  it('a card reviewed on another instance meanwhile is reviewed from its stored state, not the one this instance knew', async () => {
    const me = await learner();
    const actor = { userId: me.id, roles: [] };
    const a = studyService({ repo: studyRepo(t.database.db) });
    const b = studyService({ repo: studyRepo(t.database.db) });
    const cardId = 'rest-idempotency-keys';
    const rate = (s: ReturnType<typeof studyService>, rating: 'again' | 'good' | 'easy') =>
      s.review(actor, { id: randomUUID(), cardId, rating });
    await rate(a, 'good'); // a now knows the state it wrote
    await rate(b, 'easy'); // b changes it behind a's back
    await rate(a, 'again'); // a must notice, read and compute from b's state
    const [live] = await stateRows(me.id);
    expect(live!.reps).toBe(3);
    await a.rebuild(me.id);
    const [rebuilt] = await stateRows(me.id);
    expect({ ...rebuilt, updated_at: null }).toEqual({ ...live, updated_at: null });
    // A retried id on the instance that knows the card's state is still answered once.
    const id = randomUUID();
    const first = await a.review(actor, { id, cardId, rating: 'good' });
    const again = await a.review(actor, { id, cardId, rating: 'good' });
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.result).toEqual(first.result);
    expect((await stateRows(me.id))[0]!.reps).toBe(4);
  });

  it('answers one stored result to concurrent retries of the same id', async () => {
    const me = await learner();
    const body = { id: randomUUID(), cardId: 'rest-success-status-codes', rating: 'easy' };
    const results = await Promise.all(Array.from({ length: 5 }, () => review(me.headers, body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    for (const r of results) expect(r.json()).toEqual(results[0]!.json());
    expect(await logOf(me.id)).toHaveLength(1);
  });

  it('undo takes back the last review and restores the state before it', async () => {
    const me = await learner();
    await review(me.headers, { id: randomUUID(), cardId: 'express-middleware-order', rating: 'good' });
    const before = await stateRows(me.id);
    await review(me.headers, { id: randomUUID(), cardId: 'express-middleware-order', rating: 'again' });
    const undo = await t.app.inject({ method: 'POST', url: '/api/v1/reviews/undo', headers: me.headers });
    expect(undo.statusCode).toBe(200);
    expect(undo.json().undone).toMatchObject({ cardId: 'express-middleware-order', rating: 'again' });
    const after = await stateRows(me.id);
    expect(after.map((r) => ({ ...r, updated_at: null }))).toEqual(
      before.map((r) => ({ ...r, updated_at: null })),
    );
    await t.app.inject({ method: 'POST', url: '/api/v1/reviews/undo', headers: me.headers });
    expect(await stateRows(me.id)).toEqual([]);
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/reviews/undo', headers: me.headers });
    expect(none.statusCode).toBe(404);
    // The log keeps every rating, undone ones stamped.
    const log = await logOf(me.id);
    expect(log).toHaveLength(2);
    expect(log.every((r) => r.undone_at !== null)).toBe(true);
  });

  it('refuses bad input with 400 naming the field, and unknown cards with 404', async () => {
    const me = await learner();
    const bad = await review(me.headers, {
      id: 'not-a-uuid',
      cardId: 'rest-success-status-codes',
      rating: 'meh',
    });
    expect(bad.statusCode).toBe(400);
    expect(problemFields(bad)).toEqual(['id', 'rating']);
    const unknown = await review(me.headers, { id: randomUUID(), cardId: 'no-such-card', rating: 'good' });
    expect(unknown.statusCode).toBe(404);
    expect(await logOf(me.id)).toEqual([]);
  });
});

describe('object-level access', () => {
  it("a learner can neither reuse nor read another learner's review, nor undo it, nor see their state", async () => {
    const ann = await learner();
    const bob = await learner();
    const id = randomUUID();
    await review(ann.headers, { id, cardId: 'auth-password-storage', rating: 'good' });
    const steal = await review(bob.headers, { id, cardId: 'auth-password-storage', rating: 'good' });
    expect(steal.statusCode).toBe(409);
    expect(steal.body).not.toContain(ann.id);
    const undo = await t.app.inject({ method: 'POST', url: '/api/v1/reviews/undo', headers: bob.headers });
    expect(undo.statusCode).toBe(404);
    expect(await stateRows(ann.id)).toHaveLength(1);
    const queue = (
      await t.app.inject({ url: '/api/v1/study/queue?topic=auth&limit=100', headers: bob.headers })
    ).json();
    const item = queue.data.find((d: { card: { id: string } }) => d.card.id === 'auth-password-storage');
    expect(item?.state ?? 'new').toBe('new');
    const progress = (await t.app.inject({ url: '/api/v1/progress/summary', headers: bob.headers })).json();
    expect(progress.totalReviews).toBe(0);
  });

  it('every study route needs a signed-in user', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/study/queue'],
      ['POST', '/api/v1/reviews'],
      ['POST', '/api/v1/reviews/undo'],
      ['GET', '/api/v1/study/settings'],
      ['PUT', '/api/v1/study/settings'],
      ['GET', '/api/v1/study/plan'],
      ['GET', '/api/v1/progress/summary'],
      ['POST', '/api/v1/cards/rest-success-status-codes/typed-answer'],
      ['PUT', '/api/v1/cards/rest-success-status-codes/note'],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('the study queue', () => {
  it('serves due cards first, then new cards up to the daily limit, interleaving areas', async () => {
    const me = await learner();
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/study/settings',
      headers: me.headers,
      payload: { newPerDay: 5 },
    });
    const res = await t.app.inject({ url: '/api/v1/study/queue?limit=50', headers: me.headers });
    expect(res.statusCode).toBe(200);
    const { data, meta } = res.json();
    expect(data).toHaveLength(5);
    expect(new Set(data.map((d: { card: { topicId: string } }) => d.card.topicId)).size).toBe(5);
    expect(meta).toMatchObject({ newLimit: 5, newToday: 5, dueToday: 0, newDoneToday: 0 });
    expect(meta.forecast).toHaveLength(7);
    for (const d of data) expect(Object.keys(d.intervals).sort()).toEqual(['again', 'easy', 'good', 'hard']);

    // Rate one "again": it is relearning and due within minutes; the new allowance shrinks.
    await review(me.headers, { id: randomUUID(), cardId: data[0].card.id, rating: 'again' });
    const next = (await t.app.inject({ url: '/api/v1/study/queue?limit=50', headers: me.headers })).json();
    expect(next.meta.newDoneToday).toBe(1);
    expect(next.data.filter((d: { state: string }) => d.state === 'new')).toHaveLength(4);
  });

  it('filters by topic and level and clamps the limit', async () => {
    const me = await learner();
    const res = (
      await t.app.inject({ url: '/api/v1/study/queue?topic=sql&level=senior&limit=500', headers: me.headers })
    ).json();
    for (const d of res.data) expect(d.card).toMatchObject({ topicId: 'sql', level: 'senior' });
    const bad = await t.app.inject({ url: '/api/v1/study/queue?topic=cobol', headers: me.headers });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the cached study queue', () => {
  const queueOf = async (headers: Record<string, string>, query = 'limit=5') =>
    (await t.app.inject({ url: `/api/v1/study/queue?${query}`, headers })).json();
  type QueueBody = {
    data: { card: { id: string }; state: string; note: string | null }[];
    meta: Record<string, unknown>;
  };
  const stateOf = (q: QueueBody, cardId: string) => q.data.find((d) => d.card.id === cardId)?.state;

  it('is never served stale after a review, an undo, a settings change or a note', async () => {
    const me = await learner();
    const first: QueueBody = await queueOf(me.headers);
    expect(await queueOf(me.headers)).toMatchObject({ data: first.data.map((d) => ({ card: d.card })) });
    const cardId = first.data[0]!.card.id;

    await review(me.headers, { id: randomUUID(), cardId, rating: 'easy' });
    const afterReview: QueueBody = await queueOf(me.headers);
    expect(afterReview.meta.newDoneToday).toBe(1);
    expect(stateOf(afterReview, cardId)).toBeUndefined();

    await t.app.inject({ method: 'POST', url: '/api/v1/reviews/undo', headers: me.headers });
    const afterUndo: QueueBody = await queueOf(me.headers);
    expect(afterUndo.meta.newDoneToday).toBe(0);
    expect(stateOf(afterUndo, cardId)).toBe('new');

    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/study/settings',
      headers: me.headers,
      payload: { newPerDay: 2 },
    });
    const afterSettings: QueueBody = await queueOf(me.headers);
    expect(afterSettings.meta.newLimit).toBe(2);
    expect(afterSettings.data).toHaveLength(2);

    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cards/${cardId}/note`,
      headers: me.headers,
      payload: { text: 'remember this' },
    });
    expect((await queueOf(me.headers)).data[0].note).toBe('remember this');
  });

  it.runIf(testRedisUrl && testDatabaseKind === 'postgres')(
    'is renewed when `nodeprep study rebuild` in another process changes the learner’s cards',
    async () => {
      const { json, email } = await register(t.app);
      const headers = bearer(json.accessToken);
      const first: QueueBody = await queueOf(headers);
      const cardId = first.data[0]!.card.id;
      await review(headers, { id: randomUUID(), cardId, rating: 'again' });
      expect(stateOf(await queueOf(headers), cardId)).not.toBe('new');
      // The log is changed behind the server's back: the review is marked undone. The server's
      // cached queue cannot know, so it still shows what the old log said.
      await t.database.db
        .updateTable('reviews')
        .set({ undone_at: new Date() })
        .where('user_id', '=', json.user.id)
        .execute();
      expect(stateOf(await queueOf(headers), cardId)).not.toBe('new');
      const rebuilt = await runCli(
        { DATABASE_URL: (t.database as { url?: string }).url!, REDIS_URL: testRedisUrl! },
        'study',
        'rebuild',
        '--user',
        email,
      );
      expect(rebuilt).toMatchObject({ code: 0, out: expect.stringContaining('rebuilt 1 card states') });
      expect(stateOf(await queueOf(headers), cardId)).toBe('new');
    },
  );

  it('answers exactly what a fresh computation answers at every moment, and reads the database only when something changed', async () => {
    const me = await learner();
    const actor = { userId: me.id, roles: ['learner' as const] };
    let clock = new Date('2026-03-02T09:00:00.000Z');
    const repo = studyRepo(t.database.db);
    let reads = 0;
    const counted = {
      ...repo,
      queueInputs: (...args: Parameters<typeof repo.queueInputs>) => {
        reads++;
        return repo.queueInputs(...args);
      },
    };
    const cached = studyService({ repo: counted, now: () => clock, cache: memoryCache() });
    const fresh = studyService({ repo, now: () => clock });
    const query = { limit: 10 };
    const same = async () =>
      expect(await cached.queue(actor, query)).toEqual(await fresh.queue(actor, query));

    // A learning card (due in 10 minutes), a card in review (due in days), new cards.
    await cached.review(actor, { id: randomUUID(), cardId: 'event-loop-phases', rating: 'good' });
    await cached.review(actor, { id: randomUUID(), cardId: 'sql-inner-vs-left-join', rating: 'easy' });
    // A review card due exactly three days after 09:00 sits on a forecast day boundary at 09:00
    // and moves to the day before one millisecond later: the cached queue must move with it.
    await t.database.db
      .updateTable('card_states')
      .set({ due: new Date(clock.getTime() + 3 * 86_400_000) })
      .where('user_id', '=', me.id)
      .where('card_id', '=', 'sql-inner-vs-left-join')
      .execute();
    expect((await cached.queue(actor, query)).meta.forecast.slice(2, 4)).toEqual([0, 1]);
    clock = new Date('2026-03-02T09:00:00.001Z');
    expect((await cached.queue(actor, query)).meta.forecast.slice(2, 4)).toEqual([1, 0]);
    await same();
    clock = new Date('2026-03-02T09:01:00.000Z');
    await same();
    const readsAfterFirst = reads;
    clock = new Date('2026-03-02T09:05:00.000Z');
    await same();
    expect(reads).toBe(readsAfterFirst);
    // The learning step comes due: the queue changes with time alone, and is recomputed.
    clock = new Date('2026-03-02T09:10:00.000Z');
    await same();
    expect(reads).toBe(readsAfterFirst + 1);
    clock = new Date('2026-03-02T23:59:59.999Z');
    await same();
    // A new UTC day: today's counts start again.
    clock = new Date('2026-03-03T00:00:00.000Z');
    await same();
    expect((await cached.queue(actor, query)).meta.newDoneToday).toBe(0);
    // Days later the review card is due and the forecast has moved.
    clock = new Date('2026-03-12T12:00:00.000Z');
    await same();
    await cached.undo(actor);
    await same();
  });

  it.skipIf(!testRedisUrl)('is invalidated for every app instance sharing Redis', async () => {
    const other = await createTestApp({}, { database: t.database });
    try {
      const me = await learner();
      const before: QueueBody = await queueOf(me.headers);
      const cardId = before.data[0]!.card.id;
      const res = await other.app.inject({
        method: 'POST',
        url: '/api/v1/reviews',
        headers: me.headers,
        payload: { id: randomUUID(), cardId, rating: 'easy' },
      });
      expect(res.statusCode).toBe(201);
      const after: QueueBody = await queueOf(me.headers);
      expect(after.meta.newDoneToday).toBe(1);
      expect(stateOf(after, cardId)).toBeUndefined();
    } finally {
      await other.app.close();
    }
  });
});

describe('settings, plan, typed answers and notes', () => {
  it('validates settings and computes an interview-date plan', async () => {
    const me = await learner();
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/study/settings',
      headers: me.headers,
      payload: { interviewDate: '31/12/2026', desiredRetention: 2 },
    });
    expect(bad.statusCode).toBe(400);
    expect(problemFields(bad)).toEqual(['desiredRetention', 'interviewDate']);
    const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/study/settings',
      headers: me.headers,
      payload: { interviewDate: day, hoursPerWeek: 6, topics: ['event-loop', 'node-core'] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      interviewDate: day,
      hoursPerWeek: 6,
      topics: ['event-loop', 'node-core'],
    });
    const plan = (await t.app.inject({ url: '/api/v1/study/plan', headers: me.headers })).json();
    expect(plan).toMatchObject({ enabled: true, feasible: true, unseenCards: 48 + 23 });
    expect(plan.newPerDay).toBeGreaterThan(0);
    expect(plan.sentence).toMatch(/before your interview/);
    const queue = (await t.app.inject({ url: '/api/v1/study/queue', headers: me.headers })).json();
    expect(queue.meta.newLimit).toBe(plan.newPerDay);
    for (const d of queue.data) expect(['event-loop', 'node-core']).toContain(d.card.topicId);
  });

  it('matches a typed answer against the key points and suggests a rating', async () => {
    const me = await learner();
    const card = (await t.app.inject({ url: '/api/v1/cards/auth-password-storage' })).json();
    const typed = card.keyPoints.join('. ');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cards/auth-password-storage/typed-answer',
      headers: me.headers,
      payload: { text: typed },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ coverage: 1, suggestedRating: 'easy' });
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cards/auth-password-storage/typed-answer',
      headers: me.headers,
      payload: { text: '' },
    });
    expect(empty.json()).toMatchObject({ coverage: 0, suggestedRating: 'again' });
  });

  it('keeps a personal note per card, shown in the queue only to its author', async () => {
    const ann = await learner();
    const bob = await learner();
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/cards/event-loop-phases/note',
      headers: ann.headers,
      payload: { text: 'timers, pending, poll, check, close' },
    });
    expect(put.statusCode).toBe(200);
    const noteOf = async (h: Record<string, string>) =>
      (await t.app.inject({ url: '/api/v1/study/queue?topic=event-loop&limit=100', headers: h }))
        .json()
        .data.find((d: { card: { id: string } }) => d.card.id === 'event-loop-phases')?.note;
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/study/settings',
      headers: ann.headers,
      payload: { newPerDay: 100 },
    });
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/study/settings',
      headers: bob.headers,
      payload: { newPerDay: 100 },
    });
    expect(await noteOf(ann.headers)).toBe('timers, pending, poll, check, close');
    expect(await noteOf(bob.headers)).toBeNull();
  });
});

describe('progress', () => {
  it('counts reviews into the streak, heat-map, forecast, retention and mastery', async () => {
    const me = await learner();
    for (const cardId of ['graphql-n-plus-one', 'graphql-dataloader-batching']) {
      await review(me.headers, { id: randomUUID(), cardId, rating: 'easy' });
    }
    const res = await t.app.inject({ url: '/api/v1/progress/summary', headers: me.headers });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ reviewsToday: 2, totalReviews: 2, streak: { current: 1, longest: 1 } });
    expect(p.heatmap).toHaveLength(365);
    expect(p.heatmap.at(-1)).toEqual({ date: new Date().toISOString().slice(0, 10), count: 2 });
    expect(p.dueNext30).toHaveLength(30);
    expect(p.dueNext30.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(2);
    const graphql = p.masteryByArea.find((m: { topicId: string }) => m.topicId === 'graphql');
    expect(graphql).toMatchObject({ seen: 2, mastered: 0 });
    expect(p.masteryByArea).toHaveLength(13);
  });
});

describe("the learner's time zone", () => {
  it('is validated, and a day starts at local midnight for daily counts and every progress figure', async () => {
    const me = await learner();
    const put = (timeZone: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/study/settings',
        headers: me.headers,
        payload: { timeZone },
      });
    const bad = await put('Mars/Olympus_Mons');
    expect(bad.statusCode).toBe(400);
    expect(problemFields(bad)).toEqual(['timeZone']);
    expect((await t.app.inject({ url: '/api/v1/study/settings', headers: me.headers })).json().timeZone).toBe(
      'UTC',
    );

    // 13:00 in Los Angeles on 10 May (20:00 UTC), then the evening of the same local day, which
    // is already 11 May in UTC.
    let clock = new Date('2026-05-10T20:00:00Z');
    const now = () => clock;
    const service = studyService({ repo: studyRepo(t.database.db), now });
    const progress = progressService({ repo: progressRepo(t.database.db), now });
    const actor = { userId: me.id, roles: [] };
    await service.review(actor, { id: randomUUID(), cardId: 'graphql-n-plus-one', rating: 'good' });
    clock = new Date('2026-05-11T03:00:00Z');

    const inUtc = await service.queue(actor, { limit: 5 });
    expect(inUtc.meta.newDoneToday).toBe(0);
    expect(await progress.summary(actor)).toMatchObject({ reviewsToday: 0, streak: { current: 1 } });

    expect((await put('America/Los_Angeles')).json().timeZone).toBe('America/Los_Angeles');
    const inLa = await service.queue(actor, { limit: 5 });
    expect(inLa.meta.newDoneToday).toBe(1);
    const summary = await progress.summary(actor);
    expect(summary).toMatchObject({ reviewsToday: 1, streak: { current: 1, longest: 1 } });
    expect(summary.heatmap.at(-1)).toEqual({ date: '2026-05-10', count: 1 });
    expect(summary.dueNext30[0]!.date).toBe('2026-05-10');
  });
});

describe('my data', () => {
  it('the export carries my reviews, settings and notes; deleting the account removes them', async () => {
    const { json } = await register(t.app);
    const headers = bearer(json.accessToken);
    const id = randomUUID();
    await review(headers, {
      id,
      cardId: 'express-middleware-order',
      rating: 'good',
      typedAnswer: 'in order',
    });
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/cards/express-middleware-order/note',
      headers,
      payload: { text: 'order!' },
    });
    const data = (await t.app.inject({ url: '/api/v1/me/export', headers })).json();
    expect(data.reviews).toEqual([
      expect.objectContaining({
        id,
        cardId: 'express-middleware-order',
        rating: 'good',
        typedAnswer: 'in order',
      }),
    ]);
    expect(data.notes).toEqual([
      expect.objectContaining({ cardId: 'express-middleware-order', text: 'order!' }),
    ]);
    expect(data.studySettings).toMatchObject({ newPerDay: 20 });
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers,
      payload: { password: 'correct horse battery' },
    });
    expect(del.statusCode).toBe(204);
    for (const table of ['reviews', 'card_states', 'card_notes'] as const) {
      const rows = await t.database.db
        .selectFrom(table)
        .select('user_id')
        .where('user_id', '=', json.user.id)
        .execute();
      expect(rows, table).toEqual([]);
    }
  });
});
