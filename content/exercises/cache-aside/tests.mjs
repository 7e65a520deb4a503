import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCacheAside } from './submission.mjs';

function fakeStore({ failGet = false, failSet = false } = {}) {
  const data = new Map();
  const calls = [];
  return {
    data,
    calls,
    async get(key) {
      calls.push(['get', key]);
      if (failGet) throw new Error('store down');
      return data.get(key);
    },
    async set(key, value, ttlMs) {
      calls.push(['set', key, value, ttlMs]);
      if (failSet) throw new Error('store down');
      data.set(key, value);
    },
    async delete(key) {
      calls.push(['delete', key]);
      data.delete(key);
    },
  };
}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setImmediate(r));

test('a miss loads, caches with the ttl and returns the value', async () => {
  const store = fakeStore();
  const loads = [];
  const cache = createCacheAside({
    store,
    loader: async (key) => {
      loads.push(key);
      return { id: key, price: 5 };
    },
    ttlMs: 60_000,
  });
  assert.deepEqual(await cache.get('p1'), { id: 'p1', price: 5 });
  assert.deepEqual(loads, ['p1']);
  assert.deepEqual(store.calls.find((c) => c[0] === 'set'), ['set', 'p1', { id: 'p1', price: 5 }, 60_000]);
});

test('a hit is served from the store without calling the loader', async () => {
  const store = fakeStore();
  store.data.set('p1', 'cached');
  let loads = 0;
  const cache = createCacheAside({ store, loader: async () => ++loads, ttlMs: 1000 });
  assert.equal(await cache.get('p1'), 'cached');
  assert.equal(loads, 0);
  const falsy = fakeStore();
  falsy.data.set('zero', 0);
  const cache2 = createCacheAside({ store: falsy, loader: async () => 99, ttlMs: 1000 });
  assert.equal(await cache2.get('zero'), 0, 'a cached falsy value (0) is still a hit');
});

test('undefined from the loader is returned and not cached', async () => {
  const store = fakeStore();
  let loads = 0;
  const cache = createCacheAside({ store, loader: async () => (loads++, undefined), ttlMs: 1000 });
  assert.equal(await cache.get('missing'), undefined);
  assert.equal(await cache.get('missing'), undefined);
  assert.equal(loads, 2);
  assert.ok(!store.calls.some((c) => c[0] === 'set'), 'undefined must not be written to the store');
});

test('a loader error rejects, is not cached, and the next get retries', async () => {
  const store = fakeStore();
  let attempt = 0;
  const boom = new Error('db timeout');
  const cache = createCacheAside({
    store,
    loader: async () => {
      attempt++;
      if (attempt === 1) throw boom;
      return 'fresh';
    },
    ttlMs: 1000,
  });
  await assert.rejects(cache.get('k'), (err) => err === boom);
  assert.equal(await cache.get('k'), 'fresh');
  assert.equal(attempt, 2);
});

test('a failing store falls back to the loader', async () => {
  const cache = createCacheAside({ store: fakeStore({ failGet: true, failSet: true }), loader: async () => 'db', ttlMs: 1000 });
  assert.equal(await cache.get('k'), 'db', 'store.get and store.set failures must not fail the read');
});

test('concurrent gets of one key share a single loader call', async () => {
  const store = fakeStore();
  const d = deferred();
  let loads = 0;
  const cache = createCacheAside({
    store,
    loader: () => {
      loads++;
      return d.promise;
    },
    ttlMs: 1000,
  });
  const all = Promise.all(Array.from({ length: 50 }, () => cache.get('hot')));
  await tick();
  d.resolve('value');
  assert.deepEqual(new Set(await all), new Set(['value']));
  assert.equal(loads, 1, '50 concurrent misses must cause one load');
  assert.equal(await cache.get('hot'), 'value');
  assert.equal(loads, 1, 'the value is now cached');
  const other = await cache.get('cold');
  assert.equal(loads, 2, 'different keys are loaded separately');
  assert.equal(other, 'value');
});

test('invalidate deletes the key so the next get reloads', async () => {
  const store = fakeStore();
  let version = 1;
  const cache = createCacheAside({ store, loader: async () => `v${version}`, ttlMs: 1000 });
  assert.equal(await cache.get('k'), 'v1');
  version = 2;
  assert.equal(await cache.get('k'), 'v1', 'still cached');
  await cache.invalidate('k');
  assert.ok(store.calls.some((c) => c[0] === 'delete' && c[1] === 'k'), 'invalidate must call store.delete');
  assert.equal(await cache.get('k'), 'v2');
});

test('a load in flight during invalidate does not write its stale value back', async () => {
  const store = fakeStore();
  const first = deferred();
  const second = deferred();
  const pending = [first, second];
  let loads = 0;
  const cache = createCacheAside({
    store,
    loader: () => {
      loads++;
      return pending.shift().promise;
    },
    ttlMs: 1000,
  });
  const before = cache.get('k');
  await tick();
  assert.equal(loads, 1);
  await cache.invalidate('k');
  const afterInvalidate = cache.get('k');
  await tick();
  assert.equal(loads, 2, 'a get after invalidate must start a new load, not join the old one');
  first.resolve('stale');
  assert.equal(await before, 'stale', 'callers of the old load still receive its value');
  await tick();
  assert.equal(store.data.has('k'), false, 'the stale value must not be written to the store');
  second.resolve('fresh');
  assert.equal(await afterInvalidate, 'fresh');
  assert.equal(store.data.get('k'), 'fresh');
});
