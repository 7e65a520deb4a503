import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { test } from 'node:test';
import { TimeoutError, withTimeout } from './submission.mjs';

const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('resolves with the value when the operation is fast, and clears its timer', async () => {
  const before = timeouts();
  const value = await withTimeout(async () => 'fast', 2_000);
  assert.equal(value, 'fast');
  assert.equal(timeouts(), before, 'the 2 s timer must be cleared once the operation settled');
});

test('passes an AbortSignal to the operation', async () => {
  let received;
  await withTimeout(async (signal) => {
    received = signal;
  }, 1000);
  assert.ok(received instanceof AbortSignal, 'operation must receive an AbortSignal');
  assert.equal(received.aborted, false);
});

test("rejects with the operation's own error and clears its timer", async () => {
  const before = timeouts();
  const boom = new Error('ECONNRESET');
  await assert.rejects(withTimeout(async () => Promise.reject(boom), 2_000), (err) => err === boom);
  await assert.rejects(
    withTimeout(() => {
      throw new TypeError('sync');
    }, 2_000),
    TypeError,
  );
  assert.equal(timeouts(), before);
});

test('times out with TimeoutError even if the operation ignores the signal', async () => {
  const started = performance.now();
  await assert.rejects(withTimeout(() => new Promise(() => {}), 20), (err) => {
    assert.ok(err instanceof TimeoutError, `expected TimeoutError, got ${err}`);
    assert.equal(err.name, 'TimeoutError');
    assert.equal(err.message, 'Operation timed out after 20 ms');
    return true;
  });
  assert.ok(performance.now() - started < 1500, "a 20 ms timeout must not take seconds");
});

test('aborts the inner signal on timeout with the TimeoutError as reason', async () => {
  let inner;
  const err = await withTimeout(
    (signal) => {
      inner = signal;
      return new Promise(() => {});
    },
    10,
  ).catch((e) => e);
  assert.ok(err instanceof TimeoutError);
  assert.equal(inner.aborted, true, 'the work must be told to stop');
  assert.equal(inner.reason, err, "the inner signal's reason is the TimeoutError");
});

test("the caller's signal aborts the work and rejects with its reason", async () => {
  const controller = new AbortController();
  let inner;
  const before = timeouts();
  const p = withTimeout(
    (signal) => {
      inner = signal;
      return new Promise(() => {});
    },
    2_000,
    { signal: controller.signal },
  );
  const reason = new Error('client went away');
  setTimeout(() => controller.abort(reason), 5);
  await assert.rejects(p, (err) => err === reason);
  assert.equal(inner.aborted, true);
  assert.equal(timeouts(), before, 'the 2 s timer must be cleared after the abort');
});

test('an already aborted signal rejects at once without calling the operation', async () => {
  let called = false;
  const reason = new Error('already cancelled');
  await assert.rejects(
    withTimeout(
      async () => {
        called = true;
      },
      1000,
      { signal: AbortSignal.abort(reason) },
    ),
    (err) => err === reason,
  );
  assert.equal(called, false);
});

test("no listener is left on the caller's signal", async () => {
  const shared = new AbortController();
  for (let i = 0; i < 30; i++) {
    await withTimeout(async () => i, 1000, { signal: shared.signal });
  }
  await withTimeout(() => sleep(30), 5, { signal: shared.signal }).catch(() => {});
  assert.equal(getEventListeners(shared.signal, 'abort').length, 0, 'every call must remove its abort listener');
});
