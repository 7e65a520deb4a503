import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studyRepo } from '../../src/server/modules/study/study.repo.js';
import { studyService } from '../../src/server/modules/study/study.service.js';
import { bearer, createTestApp, register, type TestApp } from '../helpers/app.js';
import { syncRealCurriculum } from '../helpers/content-fixture.js';

let t: TestApp;
const exercise = (id: string, file: string) =>
  fs.readFileSync(path.resolve('content/exercises', id, file), 'utf8');

beforeAll(async () => {
  t = await createTestApp({ RUNS_PER_MINUTE: '1000', RUNNER_TIMEOUT_MS: '2000' });
  await syncRealCurriculum(t.database.db);
}, 180_000);
afterAll(() => t.close());

async function learner() {
  const { json } = await register(t.app);
  return { id: json.user.id as string, headers: bearer(json.accessToken) };
}

const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });

describe('exercises (public)', () => {
  it('lists every exercise in the page envelope, filters by kind and searches titles', async () => {
    const all = (await t.app.inject('/api/v1/exercises?limit=100')).json();
    expect(all.meta.total).toBe(fs.readdirSync(path.resolve('content/exercises')).length);
    expect(all.data[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), kind: expect.any(String), cards: expect.any(Array) }),
    );
    const debugging = (await t.app.inject('/api/v1/exercises?kind=debugging&limit=100')).json();
    expect(debugging.data.length).toBeGreaterThanOrEqual(5);
    expect(debugging.data.every((e: { kind: string }) => e.kind === 'debugging')).toBe(true);
    const search = (await t.app.inject('/api/v1/exercises?q=circuit')).json();
    expect(search.data.map((e: { id: string }) => e.id)).toContain('circuit-breaker');
    const sorted = (await t.app.inject('/api/v1/exercises?sort=-difficulty&limit=100')).json();
    const d = sorted.data.map((e: { difficulty: number }) => e.difficulty);
    expect(d).toEqual([...d].sort((a, b) => b - a));
  });

  it('rejects bad parameters with 400 problem+json naming the field', async () => {
    const res = await t.app.inject('/api/v1/exercises?sort=sideways');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toContain('sort');
  });

  it('serves one exercise with its prompt and starter, never its tests or solution', async () => {
    const res = await t.app.inject('/api/v1/exercises/lru-cache');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.starter).toBe(exercise('lru-cache', 'starter.mjs'));
    expect(body.promptHtml).toContain('<');
    expect(JSON.stringify(body)).not.toContain(exercise('lru-cache', 'tests.mjs').slice(0, 80));
    expect(body).not.toHaveProperty('solution');
    expect((await t.app.inject('/api/v1/exercises/no-such-exercise')).statusCode).toBe(404);
  });
});

describe('runs', () => {
  it('needs a signed-in user', async () => {
    const res = await post('/api/v1/runs', {}, { code: 'console.log(1)' });
    expect(res.statusCode).toBe(401);
  });

  it('runs JavaScript and TypeScript and reports output and status', async () => {
    const me = await learner();
    const js = await post('/api/v1/runs', me.headers, { code: 'console.log([1, 2].map((n) => n * 2))' });
    expect(js.statusCode).toBe(200);
    expect(js.json()).toMatchObject({ status: 'ok', stdout: '[ 2, 4 ]\n', exitCode: 0 });
    const ts = await post('/api/v1/runs', me.headers, {
      code: 'const n: number = 21; console.log(n * 2);',
      language: 'typescript',
    });
    expect(ts.json()).toMatchObject({ status: 'ok', stdout: '42\n' });
  });

  it('answers hostile or broken code with 200 and its status, never a 5xx', async () => {
    const me = await learner();
    const loop = await post('/api/v1/runs', me.headers, { code: 'for (;;) {}' });
    expect(loop.statusCode).toBe(200);
    expect(loop.json().status).toBe('timeout');
    const thrown = await post('/api/v1/runs', me.headers, { code: 'throw new Error("boom")' });
    expect(thrown.json()).toMatchObject({ status: 'error', exitCode: 1 });
    expect(thrown.json().stderr).toContain('boom');
    expect(thrown.json().stderr).not.toContain('harness.mjs');
    const badTs = await post('/api/v1/runs', me.headers, { code: 'const = 1', language: 'typescript' });
    expect(badTs.statusCode).toBe(200);
    expect(badTs.json().status).toBe('error');
    expect(badTs.json().stderr).toMatch(/main\.ts:1:\d+/);
  });

  it('validates the body: empty code, unknown language, unknown fields', async () => {
    const me = await learner();
    for (const body of [{ code: '' }, { code: '1', language: 'python' }, { code: '1', shell: true }]) {
      const res = await post('/api/v1/runs', me.headers, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });

  it('queues 50 concurrent runs from many learners and loses none', async () => {
    const learners = await Promise.all(Array.from({ length: 10 }, learner));
    const runs = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post('/api/v1/runs', learners[i % 10]!.headers, { code: `console.log(${i})` }),
      ),
    );
    expect(runs.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    expect(runs.map((r) => r.json().stdout)).toEqual(Array.from({ length: 50 }, (_, i) => `${i}\n`));
  }, 60_000);
});

describe('submissions', () => {
  it('passes the reference solution and fails the starter, test by test in file order', async () => {
    const me = await learner();
    const url = '/api/v1/exercises/lru-cache/submissions';
    const good = await post(url, me.headers, { code: exercise('lru-cache', 'solution.mjs') });
    expect(good.statusCode).toBe(201);
    expect(good.json().result.status).toBe('ok');
    expect(good.json().result.passed).toBe(good.json().result.total);
    const bad = await post(url, me.headers, { code: exercise('lru-cache', 'starter.mjs') });
    expect(bad.json().result.status).toBe('failed');
    const tests = bad.json().result.tests;
    expect(tests.map((x: { name: string }) => x.name)).toEqual(
      good.json().result.tests.map((x: { name: string }) => x.name),
    );
    expect(tests.find((x: { status: string }) => x.status === 'fail').message).toBeTruthy();
  });

  it('keeps submissions per user: mine newest first, none of anyone else’s', async () => {
    const me = await learner();
    const other = await learner();
    const url = '/api/v1/exercises/promise-pool/submissions';
    await post(url, me.headers, { code: exercise('promise-pool', 'starter.mjs') });
    await post(url, me.headers, { code: exercise('promise-pool', 'solution.mjs') });
    const mine = (await t.app.inject({ url, headers: me.headers })).json();
    expect(mine.meta.total).toBe(2);
    expect(mine.data.map((s: { result: { status: string } }) => s.result.status)).toEqual(['ok', 'failed']);
    expect(mine.data[0].code).toBe(exercise('promise-pool', 'solution.mjs'));
    const theirs = (await t.app.inject({ url, headers: other.headers })).json();
    expect(theirs.meta.total).toBe(0);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });

  it('puts my submissions in my account export, with their code and results', async () => {
    const me = await learner();
    await post('/api/v1/exercises/lru-cache/submissions', me.headers, {
      code: exercise('lru-cache', 'starter.mjs'),
    });
    const data = (await t.app.inject({ url: '/api/v1/me/export', headers: me.headers })).json();
    expect(data.submissions).toHaveLength(1);
    expect(data.submissions[0]).toMatchObject({
      exerciseId: 'lru-cache',
      code: exercise('lru-cache', 'starter.mjs'),
      status: 'failed',
    });
  });

  it('grades a TypeScript submission', async () => {
    const me = await learner();
    const code = `export function createPool(limit: number) { return limit; }\n${exercise('promise-pool', 'solution.mjs')}`;
    const res = await post('/api/v1/exercises/promise-pool/submissions', me.headers, {
      code: code.replace('export function createPool(limit: number) { return limit; }\n', ''),
      language: 'typescript',
    });
    expect(res.json().result.status).toBe('ok');
  });

  it('grades an exercise that loads a native addon (argon2)', async () => {
    const me = await learner();
    const res = await post('/api/v1/exercises/password-hashing-argon2/submissions', me.headers, {
      code: exercise('password-hashing-argon2', 'solution.mjs'),
    });
    expect(res.json().result.status).toBe('ok');
  }, 30_000);

  it('404s for an unknown exercise and stores nothing', async () => {
    const me = await learner();
    const res = await post('/api/v1/exercises/nope/submissions', me.headers, { code: 'export {}' });
    expect(res.statusCode).toBe(404);
    const rows = await t.database.db
      .selectFrom('submissions')
      .selectAll()
      .where('user_id', '=', me.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('a failed submission brings the linked cards the learner has studied forward; a rebuild keeps that', async () => {
    const me = await learner();
    const linked = (await t.app.inject('/api/v1/exercises/lru-cache')).json().cards as string[];
    expect(linked.length).toBeGreaterThan(0);
    const card = linked[0]!;
    const reviewed = await post('/api/v1/reviews', me.headers, {
      id: crypto.randomUUID(),
      cardId: card,
      rating: 'easy',
    });
    expect(new Date(reviewed.json().schedule.due).getTime()).toBeGreaterThan(Date.now() + 3600_000);
    const queueHas = async () =>
      (await t.app.inject({ url: '/api/v1/study/queue?limit=100', headers: me.headers }))
        .json()
        .data.some((i: { card: { id: string }; state: string }) => i.card.id === card && i.state !== 'new');
    expect(await queueHas()).toBe(false);
    const res = await post('/api/v1/exercises/lru-cache/submissions', me.headers, {
      code: exercise('lru-cache', 'starter.mjs'),
    });
    expect(res.json().nudgedCards).toEqual([card]);
    // The study queue (cached per learner) shows it as due at once.
    expect(await queueHas()).toBe(true);
    const due = async () =>
      (
        await t.database.db
          .selectFrom('card_states')
          .select('due')
          .where('user_id', '=', me.id)
          .where('card_id', '=', card)
          .executeTakeFirstOrThrow()
      ).due;
    const after = new Date(await due()).getTime();
    expect(after).toBeLessThanOrEqual(Date.now());
    await studyService({ repo: studyRepo(t.database.db) } as Parameters<typeof studyService>[0]).rebuild(
      me.id,
    );
    expect(new Date(await due()).getTime()).toBe(after);
  });
});

describe('predict-the-output answers', () => {
  const predictCard = async () => {
    const res = (await t.app.inject('/api/v1/cards?kind=predict&topic=event-loop&limit=100')).json();
    for (const c of res.data as { id: string }[]) {
      const row = await t.database.db
        .selectFrom('cards')
        .select(['id', 'expected_outputs'])
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      if (row.expected_outputs?.length === 1) return { id: row.id, output: row.expected_outputs[0]! };
    }
    throw new Error('no predict card with a single expected output');
  };

  it('grades a right prediction by running the snippet and suggests good', async () => {
    const me = await learner();
    const card = await predictCard();
    const res = await post(`/api/v1/cards/${card.id}/answers`, me.headers, { output: card.output });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ correct: true, suggestedRating: 'good' });
    expect(res.json().actual.stdout.trimEnd()).toBe(card.output.trimEnd());
    expect(res.json().diff.every((d: { op: string }) => d.op === 'same')).toBe(true);
  });

  it('shows a wrong prediction as a line diff and suggests again', async () => {
    const me = await learner();
    const card = await predictCard();
    const lines = card.output.trimEnd().split('\n');
    const wrong = [...lines].reverse().join('\n');
    const res = await post(`/api/v1/cards/${card.id}/answers`, me.headers, { output: `${wrong}\nextra` });
    expect(res.json()).toMatchObject({ correct: false, suggestedRating: 'again' });
    const ops = res.json().diff.map((d: { op: string }) => d.op);
    expect(ops).toContain('add');
    expect(
      res
        .json()
        .diff.filter((d: { op: string }) => d.op === 'add')
        .at(-1).text,
    ).toBe('extra');
  });

  it('grades a snippet that needs PostgreSQL against its checked output, without running it', async () => {
    const me = await learner();
    const row = await t.database.db
      .selectFrom('cards')
      .select(['id', 'expected_outputs'])
      .where('kind', '=', 'predict')
      .where(({ fn }) => fn('cardinality', ['needs']), '>', 0)
      .executeTakeFirstOrThrow();
    const res = await post(`/api/v1/cards/${row.id}/answers`, me.headers, {
      output: row.expected_outputs![0]!,
    });
    expect(res.json()).toMatchObject({ correct: true, actual: null, suggestedRating: 'good' });
  });

  it('refuses a card that is not predict-the-output with 422', async () => {
    const me = await learner();
    const card = (await t.app.inject('/api/v1/cards?kind=card&limit=1')).json().data[0].id;
    const res = await post(`/api/v1/cards/${card}/answers`, me.headers, { output: 'x' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('not_predict_card');
  });
});

describe('rate limits', () => {
  it('limits runs per user, not per address: 429 with Retry-After, other users unaffected', async () => {
    const small = await createTestApp({ RUNS_PER_MINUTE: '3' }, { database: t.database });
    try {
      const a = bearer((await register(small.app)).json.accessToken);
      const b = bearer((await register(small.app)).json.accessToken);
      const burst = await Promise.all(
        Array.from({ length: 50 }, () =>
          small.app.inject({
            method: 'POST',
            url: '/api/v1/runs',
            headers: a,
            payload: { code: 'console.log(1)' },
          }),
        ),
      );
      const codes = burst.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 200)).toHaveLength(3);
      expect(codes.filter((c) => c === 429)).toHaveLength(47);
      const limited = burst.find((r) => r.statusCode === 429)!;
      expect(limited.headers['retry-after']).toBeDefined();
      expect(limited.json().code).toBe('rate_limited');
      const other = await small.app.inject({
        method: 'POST',
        url: '/api/v1/runs',
        headers: b,
        payload: { code: 'console.log(2)' },
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await small.close();
    }
  }, 60_000);
});
