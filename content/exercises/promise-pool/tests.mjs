import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapWithConcurrency } from './submission.mjs';

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setImmediate(r));

/** A worker whose calls finish only when the test says so. */
function controlled() {
  const started = [];
  const gates = new Map();
  let running = 0;
  let maxRunning = 0;
  const worker = async (item, index) => {
    started.push(item);
    running++;
    maxRunning = Math.max(maxRunning, running);
    const d = deferred();
    gates.set(item, d);
    try {
      return await d.promise;
    } finally {
      running--;
    }
  };
  return {
    worker,
    started,
    get maxRunning() {
      return maxRunning;
    },
    finish: (item, value = `${item}!`) => gates.get(item).resolve(value),
    fail: (item, err) => gates.get(item).reject(err),
  };
}

test('returns results in input order', async () => {
  const delays = [30, 5, 20, 1, 10];
  const out = await mapWithConcurrency(delays, 2, (ms, i) => new Promise((r) => setTimeout(() => r(`${i}:${ms}`), ms)));
  assert.deepEqual(out, ['0:30', '1:5', '2:20', '3:1', '4:10']);
});

test('never runs more than limit at once', async () => {
  let running = 0;
  let max = 0;
  const items = Array.from({ length: 40 }, (_, i) => i);
  const out = await mapWithConcurrency(items, 3, async (n) => {
    running++;
    max = Math.max(max, running);
    await new Promise((r) => setImmediate(r));
    running--;
    return n * 2;
  });
  assert.equal(max, 3, `expected at most (and, with 40 items, exactly) 3 concurrent calls, saw ${max}`);
  assert.deepEqual(out, items.map((n) => n * 2));
});

test('starts the next item as soon as one finishes, not in batches', async () => {
  const c = controlled();
  const done = mapWithConcurrency(['a', 'b', 'c', 'd'], 2, c.worker);
  await flush();
  assert.deepEqual(c.started, ['a', 'b']);
  c.finish('b');
  await flush();
  assert.deepEqual(c.started, ['a', 'b', 'c'], 'c must start while a is still running');
  c.finish('c');
  await flush();
  assert.deepEqual(c.started, ['a', 'b', 'c', 'd']);
  c.finish('d');
  c.finish('a');
  assert.deepEqual(await done, ['a!', 'b!', 'c!', 'd!']);
  assert.equal(c.maxRunning, 2);
});

test('rejects with the first error and starts nothing new', async () => {
  const c = controlled();
  const boom = new Error('item b failed');
  const done = mapWithConcurrency(['a', 'b', 'c', 'd', 'e'], 2, c.worker);
  await flush();
  c.fail('b', boom);
  await assert.rejects(done, (err) => err === boom);
  await flush();
  assert.deepEqual(c.started, ['a', 'b'], 'no item may start after a failure');
  c.finish('a');
});

test('a synchronous throw in the worker rejects the result', async () => {
  const boom = new TypeError('sync');
  await assert.rejects(
    mapWithConcurrency([1, 2, 3], 2, (n) => {
      if (n === 1) throw boom;
      return n;
    }),
    (err) => err === boom,
  );
});

test('passes the index and accepts plain (non-promise) values', async () => {
  const out = await mapWithConcurrency(['x', 'y', 'z'], 5, (item, index) => `${index}${item}`);
  assert.deepEqual(out, ['0x', '1y', '2z']);
});

test('an empty array resolves to []', async () => {
  let calls = 0;
  assert.deepEqual(await mapWithConcurrency([], 3, () => calls++), []);
  assert.equal(calls, 0);
});

test('an invalid limit rejects with RangeError', async () => {
  for (const limit of [0, -1, 1.5, NaN]) {
    await assert.rejects(mapWithConcurrency([1], limit, (n) => n), RangeError, `limit ${limit} must be rejected`);
  }
});
