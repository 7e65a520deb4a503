import assert from 'node:assert/strict';
import { test } from 'node:test';
import express from 'express';
import { asyncHandler } from './submission.mjs';

function recorder() {
  const calls = [];
  const next = (...args) => calls.push(args);
  return { calls, next };
}

test('a resolved handler does not call next', async () => {
  const { calls, next } = recorder();
  let ran = false;
  const mw = asyncHandler(async () => {
    ran = true;
  });
  await mw({}, {}, next);
  assert.equal(ran, true, 'the wrapped handler must run');
  assert.deepEqual(calls, [], 'next must not be called when the handler succeeds');
});

test('passes req, res, next and this through unchanged', async () => {
  const req = { id: 'req' };
  const res = { id: 'res' };
  const ctx = { id: 'this' };
  const { next } = recorder();
  let seen;
  let self;
  await asyncHandler(function (...args) {
    seen = args;
    self = this;
  }).call(ctx, req, res, next);
  assert.equal(self, ctx, 'the handler must be called with the same this');
  assert.equal(seen[0], req);
  assert.equal(seen[1], res);
  assert.equal(seen[2], next);
});

test('a rejection is forwarded to next(err) exactly once', async () => {
  const { calls, next } = recorder();
  const boom = new Error('db down');
  await asyncHandler(async () => {
    throw boom;
  })({}, {}, next);
  assert.equal(calls.length, 1, 'next must be called exactly once');
  assert.equal(calls[0][0], boom, 'next must receive the original error');
});

test('a synchronous throw is forwarded to next(err)', async () => {
  const { calls, next } = recorder();
  const boom = new TypeError('bad input');
  const mw = asyncHandler(() => {
    throw boom;
  });
  let returned;
  assert.doesNotThrow(() => {
    returned = mw({}, {}, next);
  }, 'the middleware must not throw synchronously');
  await returned;
  assert.equal(calls.length, 1);
  assert.equal(calls[0][0], boom);
});

test('a falsy rejection reason becomes an Error', async () => {
  for (const reason of [undefined, null, 0, '']) {
    const { calls, next } = recorder();
    await asyncHandler(() => Promise.reject(reason))({}, {}, next);
    assert.equal(calls.length, 1, `next must be called for reject(${JSON.stringify(reason)})`);
    assert.ok(calls[0][0] instanceof Error, `reject(${JSON.stringify(reason)}) must reach next as an Error`);
    assert.equal(calls[0][0].message, 'asyncHandler: handler rejected with a falsy value');
  }
});

test('a plain function returning a value works', async () => {
  const { calls, next } = recorder();
  await asyncHandler(() => 42)({}, {}, next);
  assert.deepEqual(calls, []);
});

test('the middleware has arity 3 and returns a promise that resolves', async () => {
  const mw = asyncHandler(async () => {
    throw new Error('x');
  });
  assert.equal(mw.length, 3, 'Express treats 4-argument functions as error middleware');
  const out = mw({}, {}, () => {});
  assert.ok(out && typeof out.then === 'function', 'the middleware must return a promise');
  await assert.doesNotReject(out, 'the returned promise must never reject');
});

test('the error reaches Express error middleware in a real app', async () => {
  const app = express();
  app.get(
    '/boom',
    asyncHandler(async () => {
      await new Promise((r) => setImmediate(r));
      throw Object.assign(new Error('not found'), { status: 404 });
    }),
  );
  app.get(
    '/ok',
    asyncHandler(async (req, res) => {
      res.json({ ok: true });
    }),
  );
  app.use((err, req, res, next) => res.status(err.status ?? 500).json({ error: err.message }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const base = `http://127.0.0.1:${server.address().port}`;
    const boom = await fetch(`${base}/boom`, { signal: AbortSignal.timeout(5000) });
    assert.equal(boom.status, 404);
    assert.deepEqual(await boom.json(), { error: 'not found' });
    const ok = await fetch(`${base}/ok`, { signal: AbortSignal.timeout(5000) });
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { ok: true });
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
