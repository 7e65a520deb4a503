import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { detectSandbox } from '../../src/runner/sandbox.js';
import { bearer, createTestApp, register, type TestApp } from '../helpers/app.js';
import { freshDatabase, testDatabaseKind, testRedisUrl } from '../helpers/databases.js';
import { startProxy } from '../helpers/tcp-proxy.js';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('/healthz answers 200 while the process lives', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 when the database (and Redis, if configured) answer', async () => {
    const res = await t.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json().checks.database).toEqual({ status: 'ok', kind: testDatabaseKind });
    if (testRedisUrl) expect(res.json().checks.redis).toEqual({ status: 'ok' });
  });

  it("/readyz says how learners' code is sandboxed, and a weaker sandbox is named as degraded", async () => {
    const runner = (await t.app.inject({ url: '/readyz' })).json().checks.runner;
    const mode = detectSandbox().mode;
    expect(runner.sandbox).toBe(mode);
    if (mode === 'bubblewrap') expect(runner.status).toBe('ok');
    else expect(runner).toMatchObject({ status: 'degraded', detail: expect.stringContaining('weaker mode') });
  });
});

describe.runIf(testDatabaseKind === 'postgres')('when PostgreSQL becomes unreachable', () => {
  it('answers 503 with Retry-After, reports it in /readyz, and recovers without a restart', async () => {
    const real = await freshDatabase();
    const target = new URL(real.url!);
    const proxy = await startProxy(Number(target.port || 5432), target.hostname);
    const viaProxy = new URL(real.url!);
    viaProxy.port = String(proxy.port);
    const database = await openDatabase({ kind: 'postgres', url: viaProxy.toString(), poolMax: 4 });
    const t = await createTestApp({}, { database });
    try {
      const { json } = await register(t.app);
      await proxy.cut();
      const ready = await t.app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.database.status).toBe('unavailable');
      const me = await t.app.inject({ url: '/api/v1/me', headers: bearer(json.accessToken) });
      expect(me.statusCode).toBe(503);
      expect(me.json().code).toBe('database_unavailable');
      expect(Number(me.headers['retry-after'])).toBeGreaterThan(0);

      await proxy.restore();
      expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(json.accessToken) })).statusCode).toBe(
        200,
      );
    } finally {
      await t.close();
      await database.close();
      await proxy.close();
      await real.close();
    }
  });
});

describe.runIf(testRedisUrl)('when Redis becomes unreachable', () => {
  /** An app whose Redis connections (cache, limits, job queue) all pass through a cuttable proxy. */
  async function appBehindProxy() {
    const target = new URL(testRedisUrl!);
    const proxy = await startProxy(Number(target.port || 6379), target.hostname);
    target.port = String(proxy.port);
    const t = await createTestApp({ REDIS_URL: target.toString() });
    expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
    return { t, proxy };
  }

  it('/readyz answers 503 naming Redis, 200 again once it is back, and jobs run again', async () => {
    const { t, proxy } = await appBehindProxy();
    try {
      await proxy.cut();
      const down = await t.app.inject({ url: '/readyz' });
      expect(down.statusCode).toBe(503);
      expect(down.json().checks.redis.status).toBe('unavailable');
      expect(down.json().checks.database.status).toBe('ok');
      await proxy.restore();
      await expect
        .poll(async () => (await t.app.inject({ url: '/readyz' })).statusCode, { timeout: 10_000 })
        .toBe(200);
      // The job queue's workers reconnect too: a run goes through BullMQ and comes back.
      const { json } = await register(t.app);
      const run = await t.app.inject({
        method: 'POST',
        url: '/api/v1/runs',
        headers: bearer(json.accessToken),
        payload: { code: 'console.log(6 * 7)' },
      });
      expect(run.statusCode).toBe(200);
      expect(run.json()).toMatchObject({ status: 'ok', stdout: '42\n' });
    } finally {
      await t.close();
      await proxy.close();
    }
  });

  it('shutting down while Redis is unreachable does not hang', async () => {
    const { t, proxy } = await appBehindProxy();
    await proxy.cut();
    // Within the test's time limit: closing the job queue waits at most 5 s, then disconnects.
    await t.close();
    await proxy.close();
  });
});
