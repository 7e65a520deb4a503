import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoizeAsync } from './submission.mjs';

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function clock(start = 0) {
  const c = { t: start, now: () => c.t };
  return c;
}

test('repeated calls with the same arguments reuse the value', async () => {
  let calls = 0;
  const m = memoizeAsync(async (a, b) => {
    calls++;
    return a + b;
  });
  assert.equal(await m(1, 2), 3);
  assert.equal(await m(1, 2), 3);
  assert.equal(await m(2, 1), 3);
  assert.equal(calls, 2, '(1,2) and (2,1) are different keys; the second (1,2) is cached');
});

test('concurrent calls share one in-flight call', async () => {
  const d = deferred();
  let calls = 0;
  const m = memoizeAsync(() => {
    calls++;
    return d.promise;
  });
  const p1 = m('EUR');
  const p2 = m('EUR');
  const p3 = m('EUR');
  assert.equal(calls, 1, 'fn must run once while a call is in flight');
  d.resolve(1.08);
  assert.deepEqual(await Promise.all([p1, p2, p3]), [1.08, 1.08, 1.08]);
});

test('the value expires ttlMs after it resolved', async () => {
  const c = clock(1000);
  const d = deferred();
  let calls = 0;
  const m = memoizeAsync(
    () => {
      calls++;
      return calls === 1 ? d.promise : Promise.resolve(`v${calls}`);
    },
    { ttlMs: 100, now: c.now },
  );
  const first = m();
  c.t = 1500; // the call takes 500 ms
  d.resolve('v1');
  assert.equal(await first, 'v1');
  c.t = 1599;
  assert.equal(await m(), 'v1', 'still fresh: ttl counts from resolution (1500), not from the call (1000)');
  c.t = 1600;
  assert.equal(await m(), 'v2', 'expired exactly at resolved + ttlMs');
  assert.equal(calls, 2);
});

test('rejections reach every waiting caller and are not cached', async () => {
  const d = deferred();
  let calls = 0;
  const m = memoizeAsync(() => {
    calls++;
    return calls === 1 ? d.promise : Promise.resolve('recovered');
  });
  const a = m('k');
  const b = m('k');
  const boom = new Error('upstream 503');
  d.reject(boom);
  await assert.rejects(a, (err) => err === boom);
  await assert.rejects(b, (err) => err === boom);
  assert.equal(await m('k'), 'recovered', 'the next call must try again');
  assert.equal(calls, 2);
});

test('a synchronous throw becomes a rejected promise', async () => {
  const m = memoizeAsync(() => {
    throw new TypeError('bad argument');
  });
  let returned;
  assert.doesNotThrow(() => {
    returned = m();
  });
  await assert.rejects(returned, TypeError);
});

test('passes this and arguments through', async () => {
  const service = {
    base: 10,
    add: memoizeAsync(async function (n) {
      return this.base + n;
    }),
  };
  assert.equal(await service.add(5), 15);
});

test('a custom key function decides which calls are the same', async () => {
  let calls = 0;
  const m = memoizeAsync(async (user) => ++calls, { key: (user) => user.id });
  assert.equal(await m({ id: 1, name: 'a' }), 1);
  assert.equal(await m({ id: 1, name: 'changed' }), 1);
  assert.equal(await m({ id: 2 }), 2);
});

test('delete and clear forget entries; a forgotten in-flight call is not stored', async () => {
  let calls = 0;
  const gates = [];
  const m = memoizeAsync(() => {
    calls++;
    const d = deferred();
    gates.push(d);
    return d.promise;
  });
  const p = m('x');
  m.delete('x');
  const q = m('x');
  assert.equal(calls, 2, 'after delete, a new call starts');
  gates[1].resolve('new');
  assert.equal(await q, 'new');
  gates[0].resolve('old');
  assert.equal(await p, 'old', 'the forgotten call still settles for its callers');
  assert.equal(await m('x'), 'new', 'the stored value comes from the call made after delete');
  assert.equal(calls, 2);
  m.clear();
  const r = m('x');
  assert.equal(calls, 3);
  gates[2].resolve('after clear');
  assert.equal(await r, 'after clear');
});
