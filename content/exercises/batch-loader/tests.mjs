import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BatchLoader } from './submission.mjs';

const turn = () => new Promise((r) => setImmediate(r));

function recordingBatchFn(impl = async (keys) => keys.map((k) => `value:${k}`)) {
  const calls = [];
  const fn = async (keys) => {
    calls.push([...keys]);
    return impl(keys);
  };
  return { fn, calls };
}

test('loads in the same turn are batched into one call', async () => {
  const b = recordingBatchFn();
  const loader = new BatchLoader(b.fn);
  const values = await Promise.all([loader.load(1), loader.load(2), loader.load(3)]);
  assert.deepEqual(values, ['value:1', 'value:2', 'value:3']);
  assert.deepEqual(b.calls, [[1, 2, 3]]);
});

test('loads made from several resolvers before the dispatch still join the batch', async () => {
  const b = recordingBatchFn();
  const loader = new BatchLoader(b.fn);
  const resolver = async (id) => {
    await Promise.resolve(); // resolvers usually await something first
    return loader.load(id);
  };
  const values = await Promise.all([resolver('a'), resolver('b'), loader.load('c')]);
  assert.deepEqual(values, ['value:a', 'value:b', 'value:c']);
  assert.deepEqual(b.calls, [['c', 'a', 'b']], 'keys in the order they were first requested');
});

test('later loads form a new batch', async () => {
  const b = recordingBatchFn();
  const loader = new BatchLoader(b.fn);
  await loader.load(1);
  await turn();
  await Promise.all([loader.load(2), loader.load(3)]);
  assert.deepEqual(b.calls, [[1], [2, 3]]);
});

test('duplicate keys are requested once and repeated loads are cached', async () => {
  const b = recordingBatchFn();
  const loader = new BatchLoader(b.fn);
  const [x, y, z] = await Promise.all([loader.load('k'), loader.load('k'), loader.load('j')]);
  assert.deepEqual([x, y, z], ['value:k', 'value:k', 'value:j']);
  assert.equal(await loader.load('k'), 'value:k');
  assert.deepEqual(b.calls, [['k', 'j']], 'a cached key must not cause another batch');
  assert.equal(loader.load('k'), loader.load('k'), 'the same promise is returned for a cached key');
});

test('an Error entry rejects only its own load', async () => {
  const loader = new BatchLoader(async (ids) => ids.map((id) => (id === 2 ? new Error('user 2 not found') : { id })));
  const results = await Promise.allSettled([loader.load(1), loader.load(2), loader.load(3)]);
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.equal(results[1].reason.message, 'user 2 not found');
  assert.deepEqual(results[0].value, { id: 1 });
});

test('a failing batch function rejects every load of the batch, and failures are not cached', async () => {
  let attempt = 0;
  const loader = new BatchLoader(async (keys) => {
    attempt++;
    if (attempt === 1) throw new Error('db down');
    return keys.map((k) => k * 10);
  });
  const results = await Promise.allSettled([loader.load(1), loader.load(2)]);
  assert.deepEqual(results.map((r) => r.reason?.message), ['db down', 'db down']);
  assert.equal(await loader.load(1), 10, 'a rejected load must be retried, not served from the cache');
});

test('a wrong-length result rejects the batch with a clear error', async () => {
  const loader = new BatchLoader(async (keys) => keys.slice(1));
  const results = await Promise.allSettled([loader.load('a'), loader.load('b')]);
  for (const r of results) {
    assert.equal(r.status, 'rejected');
    assert.match(r.reason.message, /batch function/);
  }
  const notArray = new BatchLoader(async () => ({ a: 1 }));
  await assert.rejects(notArray.load('a'), /batch function/);
});

test('maxBatchSize splits large batches', async () => {
  const b = recordingBatchFn();
  const loader = new BatchLoader(b.fn, { maxBatchSize: 2 });
  const values = await loader.loadMany([1, 2, 3, 4, 5]);
  assert.deepEqual(values, [1, 2, 3, 4, 5].map((k) => `value:${k}`));
  assert.deepEqual(b.calls, [[1, 2], [3, 4], [5]]);
});

test('clear and clearAll force a reload', async () => {
  let version = 1;
  const b = recordingBatchFn(async (keys) => keys.map((k) => `${k}@v${version}`));
  const loader = new BatchLoader(b.fn);
  assert.equal(await loader.load('a'), 'a@v1');
  version = 2;
  assert.equal(await loader.load('a'), 'a@v1');
  assert.equal(loader.clear('a'), loader);
  assert.equal(await loader.load('a'), 'a@v2');
  await loader.load('b');
  version = 3;
  loader.clearAll();
  assert.deepEqual(await loader.loadMany(['a', 'b']), ['a@v3', 'b@v3']);
  assert.deepEqual(await loader.loadMany([1, '1']).then(() => b.calls.at(-1)), [1, '1'], "1 and '1' are different keys");
});
