import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFixedWindowLimiter } from './submission.mjs';

function clock(start) {
  const c = { t: start, now: () => c.t };
  return c;
}

test('allows limit requests, then denies', () => {
  const c = clock(10_000);
  const limiter = createFixedWindowLimiter({ limit: 3, windowMs: 1000, now: c.now });
  const results = [1, 2, 3, 4, 5].map(() => limiter.hit('alice').allowed);
  assert.deepEqual(results, [true, true, true, false, false]);
});

test('reports remaining, resetAt and retryAfterMs', () => {
  const c = clock(10_000);
  const limiter = createFixedWindowLimiter({ limit: 2, windowMs: 1000, now: c.now });
  assert.deepEqual(limiter.hit('alice'), { allowed: true, remaining: 1, resetAt: 11_000, retryAfterMs: 0 });
  assert.deepEqual(limiter.hit('alice'), { allowed: true, remaining: 0, resetAt: 11_000, retryAfterMs: 0 });
  c.t = 10_400;
  assert.deepEqual(limiter.hit('alice'), { allowed: false, remaining: 0, resetAt: 11_000, retryAfterMs: 600 });
});

test('windows are aligned to the clock, not to the first request', () => {
  const c = clock(10_900);
  const limiter = createFixedWindowLimiter({ limit: 1, windowMs: 1000, now: c.now });
  const first = limiter.hit('k');
  assert.equal(first.resetAt, 11_000, 'a request at 10900 falls in the window [10000, 11000)');
  assert.equal(limiter.hit('k').allowed, false);
  c.t = 11_000;
  const next = limiter.hit('k');
  assert.equal(next.allowed, true, 'a new window starts exactly at 11000');
  assert.equal(next.resetAt, 12_000);
});

test('denied requests do not count against the next window', () => {
  const c = clock(0);
  const limiter = createFixedWindowLimiter({ limit: 2, windowMs: 1000, now: c.now });
  for (let i = 0; i < 10; i++) limiter.hit('k');
  c.t = 1000;
  assert.deepEqual(
    [limiter.hit('k').allowed, limiter.hit('k').allowed, limiter.hit('k').allowed],
    [true, true, false],
  );
});

test('keys are independent', () => {
  const c = clock(0);
  const limiter = createFixedWindowLimiter({ limit: 1, windowMs: 1000, now: c.now });
  assert.equal(limiter.hit('alice').allowed, true);
  assert.equal(limiter.hit('alice').allowed, false);
  assert.equal(limiter.hit('bob').allowed, true, "alice's usage must not affect bob");
});

test('a burst across a window boundary is allowed (the known weakness of fixed windows)', () => {
  const c = clock(999);
  const limiter = createFixedWindowLimiter({ limit: 5, windowMs: 1000, now: c.now });
  let allowed = 0;
  for (let i = 0; i < 5; i++) if (limiter.hit('k').allowed) allowed++;
  c.t = 1000;
  for (let i = 0; i < 5; i++) if (limiter.hit('k').allowed) allowed++;
  assert.equal(allowed, 10, 'two full windows within 1 ms: both are granted');
});

test('uses Date.now by default', () => {
  const limiter = createFixedWindowLimiter({ limit: 1, windowMs: 60_000 });
  const r = limiter.hit('k');
  assert.equal(r.allowed, true);
  assert.ok(r.resetAt > Date.now() - 1 && r.resetAt <= Date.now() + 60_000, 'resetAt must be in the next minute');
});

test('rejects invalid options with RangeError', () => {
  assert.throws(() => createFixedWindowLimiter({ limit: 0, windowMs: 1000 }), RangeError);
  assert.throws(() => createFixedWindowLimiter({ limit: 1.5, windowMs: 1000 }), RangeError);
  assert.throws(() => createFixedWindowLimiter({ limit: 5, windowMs: 0 }), RangeError);
  assert.throws(() => createFixedWindowLimiter({ limit: 5, windowMs: -10 }), RangeError);
});
