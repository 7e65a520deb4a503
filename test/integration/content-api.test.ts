import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentCheckFailed, syncIfChanged } from '../../src/content/auto-sync.js';
import { loadCurriculum } from '../../src/content/load.js';
import { createRenderer } from '../../src/content/render.js';
import { syncContent } from '../../src/content/sync.js';
import { contentRepo } from '../../src/server/modules/content/content.repo.js';
import { createTestApp, problemFields, type TestApp } from '../helpers/app.js';
import { writeFixtureContent } from '../helpers/content-fixture.js';
import { freshDatabase } from '../helpers/databases.js';

const renderCacheFile = path.resolve('.cache', 'render-cache.json');
const scratch = path.resolve('.cache', `test-content-api-${process.pid}`);

let t: TestApp;
let cardTotal = 0;
beforeAll(async () => {
  t = await createTestApp();
  const { curriculum } = loadCurriculum(path.resolve('content'));
  cardTotal = curriculum.topics.reduce((n, x) => n + x.cards.length + x.predict.length, 0);
  const renderer = await createRenderer({ cacheFile: renderCacheFile });
  await syncContent(contentRepo(t.database.db), curriculum, renderer);
  renderer.flush();
}, 180_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

describe('GET /api/v1/topics', () => {
  it('lists the 13 areas in order with their card counts, without signing in', async () => {
    const res = await get('/api/v1/topics');
    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    expect(data).toHaveLength(13);
    expect(data[0]).toMatchObject({ id: 'event-loop', order: 1, nodeVersion: 'v20.20.2' });
    expect(data.map((d: { order: number }) => d.order)).toEqual(
      [...data.map((d: { order: number }) => d.order)].sort((a, b) => a - b),
    );
    for (const topic of data) expect(topic.cardCount).toBeGreaterThanOrEqual(15);
  });

  it('serves a guide as sanitised, highlighted HTML with a table of contents', async () => {
    const res = await get('/api/v1/topics/event-loop');
    expect(res.statusCode).toBe(200);
    const topic = res.json();
    expect(topic.guideHtml).toContain('class="shiki');
    expect(topic.guideHtml).not.toMatch(/<script/i);
    expect(topic.toc.length).toBeGreaterThan(3);
    for (const entry of topic.toc) expect(topic.guideHtml).toContain(`id="${entry.id}"`);
    expect(topic.toc.map((e: { id: string }) => e.id)).toContain('what-interviewers-probe');
  });

  it('answers 404 problem+json for an unknown topic and 400 for a malformed id', async () => {
    const missing = await get('/api/v1/topics/cobol');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const bad = await get('/api/v1/topics/Bad%20Id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('id');
  });
});

describe('GET /api/v1/cards', () => {
  it('pages through every card with a meta block', async () => {
    const res = await get('/api/v1/cards');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.data).toHaveLength(20);
    expect(body.meta).toEqual({ page: 1, limit: 20, total: cardTotal, pages: Math.ceil(cardTotal / 20) });
    const last = (await get(`/api/v1/cards?page=${body.meta.pages}`)).json();
    expect(last.data.length).toBe(cardTotal - 20 * (body.meta.pages - 1));
    const past = (await get(`/api/v1/cards?page=${body.meta.pages + 1}`)).json();
    expect(past.data).toEqual([]);
  });

  it('filters by topic, level, kind and tag', async () => {
    const res = (await get('/api/v1/cards?topic=sql&level=senior&limit=100')).json();
    expect(res.meta.total).toBeGreaterThan(0);
    for (const c of res.data) expect(c).toMatchObject({ topicId: 'sql', level: 'senior' });
    const predict = (await get('/api/v1/cards?kind=predict&limit=100')).json();
    expect(predict.meta.total).toBeGreaterThanOrEqual(30);
    for (const c of predict.data) expect(c.kind).toBe('predict');
    const tag = predict.data[0].tags[0];
    const tagged = (await get(`/api/v1/cards?tag=${tag}&limit=100`)).json();
    for (const c of tagged.data) expect(c.tags).toContain(tag);
  });

  it('searches with PostgreSQL full-text search, stemming included, best match first', async () => {
    const res = (await get('/api/v1/cards?q=setImmediate')).json();
    expect(res.meta.total).toBeGreaterThan(0);
    expect(res.meta.total).toBeLessThan(cardTotal);
    expect(res.data[0].question.toLowerCase()).toMatch(/setimmediate|immediate/);
    const stemmed = (await get('/api/v1/cards?q=indexes&topic=sql')).json();
    const singular = (await get('/api/v1/cards?q=index&topic=sql')).json();
    expect(stemmed.meta.total).toBe(singular.meta.total);
    expect((await get('/api/v1/cards?q=zzzxqv')).json().meta.total).toBe(0);
  });

  it('sorts by a field, descending with a leading minus', async () => {
    const desc = (await get('/api/v1/cards?sort=-difficulty&limit=100'))
      .json()
      .data.map((c: { difficulty: number }) => c.difficulty);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const asc = (await get('/api/v1/cards?sort=question&limit=50&topic=rest'))
      .json()
      .data.map((c: { question: string }) => c.question);
    expect(asc.length).toBeGreaterThan(10);
    const levels = (await get('/api/v1/cards?sort=level&topic=rest&limit=100'))
      .json()
      .data.map((c: { level: string }) => c.level);
    expect(levels.indexOf('senior')).toBeGreaterThan(levels.lastIndexOf('junior'));
  });

  it('clamps limit to 1..100', async () => {
    expect((await get('/api/v1/cards?limit=1000')).json().meta.limit).toBe(100);
    expect((await get('/api/v1/cards?limit=0')).json().meta.limit).toBe(1);
  });

  it('answers 400 naming the parameter for bad input', async () => {
    for (const [query, field] of [
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['sort=bogus', 'sort'],
      ['level=expert', 'level'],
      ['topic=cobol', 'topic'],
      ['tag=Not%20A%20Tag', 'tag'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await get(`/api/v1/cards?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(problemFields(res), query).toContain(field);
    }
  });

  it('serves one card with its rendered answer, and a predict item with its code', async () => {
    const card = (await get('/api/v1/cards/event-loop-nexttick-vs-promise')).json();
    const list = (await get('/api/v1/cards?topic=event-loop&kind=card&limit=1')).json();
    const id = card.id ?? list.data[0].id;
    const detail = (await get(`/api/v1/cards/${id}`)).json();
    expect(detail.answerHtml).toContain('<p>');
    expect(detail.keyPoints.length).toBeGreaterThanOrEqual(3);
    const predictId = (await get('/api/v1/cards?kind=predict&limit=1')).json().data[0].id;
    const predict = (await get(`/api/v1/cards/${predictId}`)).json();
    expect(predict.codeHtml).toContain('class="shiki');
    expect(predict.explanationHtml).toEqual(expect.any(String));
    expect(predict.module).toMatch(/^(esm|cjs)$/);
    expect((await get('/api/v1/cards/no-such-card')).statusCode).toBe(404);
  });

  it('sends an ETag and answers 304 when the client has the current version', async () => {
    const first = await get('/api/v1/cards?topic=express');
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['cache-control']).toContain('max-age');
    const again = await get('/api/v1/cards?topic=express', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('content sync', () => {
  const options = (contentDir: string) => ({
    contentDir,
    stampFile: path.join(scratch, 'stamp.json'),
    scratchRoot: path.join(scratch, 'runs'),
    postgresUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: 'redis://127.0.0.1:6379',
    renderCacheFile: path.join(scratch, 'render-cache.json'),
    runExamples: true,
  });
  const silent = { info() {}, warn() {}, error() {} };

  it('is idempotent, keeps ids on edits, retires removed items without deleting them, and refuses broken content', {
    timeout: 120_000,
  }, async () => {
    const database = await freshDatabase();
    try {
      const dir = writeFixtureContent(path.join(scratch, 'sync'), { broken: false });
      // The fixture has one area; the others are "missing", which the check reports. Sync the
      // fixture's curriculum directly for the idempotency and retirement rules.
      const repo = contentRepo(database.db);
      const renderer = await createRenderer();
      const first = await syncContent(repo, loadCurriculum(dir).curriculum, renderer);
      expect(first).toMatchObject({ changed: true, inserted: 5, updated: 0, retired: 0 });
      const second = await syncContent(repo, loadCurriculum(dir).curriculum, renderer);
      expect(second).toMatchObject({
        changed: false,
        inserted: 0,
        updated: 0,
        unchanged: 5,
        versionId: first.versionId,
      });

      const cardsFile = path.join(dir, 'topics/event-loop/cards.yaml');
      fs.writeFileSync(
        cardsFile,
        fs
          .readFileSync(cardsFile, 'utf8')
          .replace('Before promise callbacks.', 'Before promise callbacks, always.'),
      );
      fs.writeFileSync(
        path.join(dir, 'topics/event-loop/predict.yaml'),
        fs
          .readFileSync(path.join(dir, 'topics/event-loop/predict.yaml'), 'utf8')
          .split('- id: event-loop-predict-sync')[0]!,
      );
      const third = await syncContent(repo, loadCurriculum(dir).curriculum, renderer);
      expect(third).toMatchObject({ changed: true, updated: 1, retired: 1 });
      expect(third.versionId).toBeGreaterThan(first.versionId);
      const retired = await database.db
        .selectFrom('cards')
        .select(['id', 'retired_at', 'answer_md'])
        .orderBy('id')
        .execute();
      expect(retired.find((r) => r.id === 'event-loop-predict-sync')?.retired_at).toBeInstanceOf(Date);
      expect(retired.find((r) => r.id === 'event-loop-tick-first')?.answer_md).toContain('always');

      // Broken content never reaches the database.
      const broken = writeFixtureContent(path.join(scratch, 'sync-broken'), { broken: true });
      const versionsBefore = await database.db.selectFrom('content_versions').select('id').execute();
      await expect(syncIfChanged(database.db, options(broken), silent)).rejects.toThrow(ContentCheckFailed);
      await expect(syncIfChanged(database.db, options(broken), silent)).rejects.toThrow(
        /cards\.yaml:21: id "event-loop-tick-first" is already used/,
      );
      expect(await database.db.selectFrom('content_versions').select('id').execute()).toEqual(versionsBefore);
      expect(
        await database.db
          .selectFrom('cards')
          .select('id')
          .where('id', '=', 'event-loop-no-key-points')
          .executeTakeFirst(),
      ).toBeUndefined();
    } finally {
      await database.close();
    }
  });
});
