import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CircuitBreaker, CircuitOpenError } from './submission.mjs';

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

/** A dependency whose next results are scripted: true = succeed, false = fail. */
function dependency() {
  const d = { calls: [], healthy: true };
  d.fn = async (...args) => {
    d.calls.push(args);
    if (!d.healthy) throw new Error(`down (call ${d.calls.length})`);
    return `ok:${args.join(',')}`;
  };
  return d;
}

async function failTimes(breaker, n) {
  for (let i = 0; i < n; i++) await breaker.call().catch(() => {});
}

test('closed: passes arguments, values and errors through', async () => {
  const dep = dependency();
  const b = new CircuitBreaker(dep.fn, { failureThreshold: 3, now: clock().now });
  assert.equal(b.state, 'closed');
  assert.equal(await b.call('a', 1), 'ok:a,1');
  assert.deepEqual(dep.calls, [['a', 1]]);
  dep.healthy = false;
  await assert.rejects(b.call(), { message: 'down (call 2)' });
  assert.equal(b.state, 'closed', 'one failure is below the threshold');
});

test('opens after failureThreshold consecutive failures and then fails fast', async () => {
  const dep = dependency();
  dep.healthy = false;
  const b = new CircuitBreaker(dep.fn, { failureThreshold: 3, resetTimeoutMs: 10_000, now: clock().now });
  await failTimes(b, 3);
  assert.equal(b.state, 'open');
  const before = dep.calls.length;
  await assert.rejects(b.call(), (err) => err instanceof CircuitOpenError && err.name === 'CircuitOpenError');
  assert.equal(dep.calls.length, before, 'an open breaker must not call the dependency');
  assert.ok(new CircuitOpenError() instanceof Error);
});

test('a success resets the count of consecutive failures', async () => {
  const dep = dependency();
  const b = new CircuitBreaker(dep.fn, { failureThreshold: 3, now: clock().now });
  dep.healthy = false;
  await failTimes(b, 2);
  dep.healthy = true;
  await b.call();
  dep.healthy = false;
  await failTimes(b, 2);
  assert.equal(b.state, 'closed', 'fail, fail, ok, fail, fail is never 3 in a row');
  await failTimes(b, 1);
  assert.equal(b.state, 'open');
});

test('becomes half-open when resetTimeoutMs has passed', async () => {
  const c = clock();
  const dep = dependency();
  dep.healthy = false;
  const b = new CircuitBreaker(dep.fn, { failureThreshold: 2, resetTimeoutMs: 10_000, now: c.now });
  await failTimes(b, 2);
  c.t += 9_999;
  assert.equal(b.state, 'open');
  await assert.rejects(b.call(), CircuitOpenError);
  c.t += 1;
  assert.equal(b.state, 'half-open');
});

test('a successful trial closes the breaker', async () => {
  const c = clock();
  const dep = dependency();
  dep.healthy = false;
  const b = new CircuitBreaker(dep.fn, { failureThreshold: 2, resetTimeoutMs: 5_000, now: c.now });
  await failTimes(b, 2);
  c.t += 5_000;
  dep.healthy = true;
  assert.equal(await b.call('x'), 'ok:x');
  assert.equal(b.state, 'closed');
  dep.healthy = false;
  await failTimes(b, 1);
  assert.equal(b.state, 'closed', 'after closing, the failure count starts again from 0');
});

test('a failed trial opens the breaker again from the time of that failure', async () => {
  const c = clock();
  const dep = dependency();
  dep.healthy = false;
  const b = new CircuitBreaker(dep.fn, { failureThreshold: 2, resetTimeoutMs: 5_000, now: c.now });
  await failTimes(b, 2);
  c.t += 6_000;
  await assert.rejects(b.call(), { message: /^down/ }, 'the trial error itself is rethrown');
  assert.equal(b.state, 'open');
  c.t += 4_999;
  assert.equal(b.state, 'open', 'the new open period counts from the failed trial');
  c.t += 1;
  assert.equal(b.state, 'half-open');
});

test('only one trial call runs while half-open', async () => {
  const c = clock();
  let release;
  let calls = 0;
  let mode = 'fail';
  const fn = () => {
    calls++;
    if (mode === 'fail') return Promise.reject(new Error('down'));
    return new Promise((r) => {
      release = r;
    });
  };
  const b = new CircuitBreaker(fn, { failureThreshold: 1, resetTimeoutMs: 1_000, now: c.now });
  await b.call().catch(() => {});
  c.t += 1_000;
  mode = 'slow';
  const trial = b.call();
  await assert.rejects(b.call(), CircuitOpenError, 'a second call during the trial must fail fast');
  await assert.rejects(b.call(), CircuitOpenError);
  assert.equal(calls, 2, 'the dependency sees the first failure and the single trial only');
  release('recovered');
  assert.equal(await trial, 'recovered');
  assert.equal(b.state, 'closed');
});

test('a synchronous throw counts as a failure', async () => {
  const b = new CircuitBreaker(
    () => {
      throw new TypeError('sync');
    },
    { failureThreshold: 2, now: clock().now },
  );
  await assert.rejects(b.call(), TypeError);
  await assert.rejects(b.call(), TypeError);
  assert.equal(b.state, 'open');
});
