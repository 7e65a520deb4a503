import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { loadAll } from './submission.mjs';

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const ticks = async (n) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

let unhandled = [];
const onUnhandled = (reason) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

test('resolves with the results in the order of ids', async () => {
  const delays = { a: 15, b: 1, c: 8 };
  const out = await loadAll(['a', 'b', 'c'], (id) => new Promise((r) => setTimeout(() => r(id.toUpperCase()), delays[id])));
  assert.deepEqual(out, ['A', 'B', 'C']);
});

test('starts every fetch before any has finished', async () => {
  const started = [];
  const gates = {};
  const p = loadAll(['a', 'b', 'c'], (id) => {
    started.push(id);
    gates[id] = deferred();
    return gates[id].promise;
  });
  await ticks(1);
  assert.deepEqual(started, ['a', 'b', 'c']);
  for (const id of ['c', 'b', 'a']) gates[id].resolve(id);
  assert.deepEqual(await p, ['a', 'b', 'c']);
});

test('a later failure while an earlier fetch is pending is not an unhandled rejection', async () => {
  const slow = deferred();
  const boom = new Error('user b: 503 from upstream');
  const p = loadAll(['a', 'b'], (id) => (id === 'a' ? slow.promise : Promise.reject(boom)));
  const outcome = p.then(
    () => 'resolved',
    (err) => err,
  );
  await ticks(5);
  slow.resolve('a');
  assert.equal(await outcome, boom, 'loadAll must reject with the failing fetch’s error');
  await ticks(2);
  assert.deepEqual(unhandled, [], `unhandled rejection(s): ${unhandled.map(String).join(', ')}`);
});

test('rejects as soon as one fetch fails, without waiting for slower ones', async () => {
  const slow = deferred();
  const boom = new Error('fail fast');
  let settled = null;
  loadAll(['slow', 'bad'], (id) => (id === 'slow' ? slow.promise : Promise.reject(boom))).then(
    () => {
      settled = 'resolved';
    },
    (err) => {
      settled = err;
    },
  );
  await ticks(5);
  assert.equal(settled, boom, 'the rejection must arrive while the slow fetch is still pending');
  slow.resolve('late');
  await ticks(2);
});

test('a failure is catchable with try/catch around await', async () => {
  let caught;
  try {
    await loadAll(['x'], async () => {
      throw new Error('only one');
    });
  } catch (err) {
    caught = err;
  }
  assert.equal(caught?.message, 'only one');
});

test('an empty list resolves to []', async () => {
  assert.deepEqual(await loadAll([], () => assert.fail('fetchOne must not be called')), []);
});
