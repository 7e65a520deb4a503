import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenBucket } from './submission.mjs';

function clock(start = 0) {
  const c = { t: start, now: () => c.t };
  return c;
}

test('starts full and allows a burst up to capacity', () => {
  const c = clock();
  const b = new TokenBucket({ capacity: 3, refillPerSecond: 1, now: c.now });
  assert.equal(b.available(), 3);
  assert.deepEqual([b.take(), b.take(), b.take(), b.take()], [true, true, true, false]);
});

test('refills continuously, fractions included', () => {
  const c = clock();
  const b = new TokenBucket({ capacity: 4, refillPerSecond: 2, now: c.now });
  assert.equal(b.take(4), true);
  c.t = 250;
  assert.equal(b.available(), 0.5);
  assert.equal(b.take(), false, 'half a token is not enough');
  c.t = 500;
  assert.equal(b.take(), true, 'one token after 500 ms at 2/s');
  assert.equal(b.available(), 0);
});

test('never exceeds capacity after a long idle time', () => {
  const c = clock();
  const b = new TokenBucket({ capacity: 5, refillPerSecond: 10, now: c.now });
  b.take(5);
  c.t = 3_600_000;
  assert.equal(b.available(), 5);
  assert.deepEqual(
    Array.from({ length: 6 }, () => b.take()),
    [true, true, true, true, true, false],
  );
});

test('a failed take removes nothing', () => {
  const c = clock();
  const b = new TokenBucket({ capacity: 5, refillPerSecond: 1, now: c.now });
  b.take(3);
  assert.equal(b.take(3), false);
  assert.equal(b.available(), 2, 'a denied request must not consume tokens');
  assert.equal(b.take(2), true);
});

test('waitTimeMs says how long until the tokens are there, rounded up', () => {
  const c = clock();
  const b = new TokenBucket({ capacity: 4, refillPerSecond: 2, now: c.now });
  assert.equal(b.waitTimeMs(), 0, 'tokens are available now');
  b.take(4);
  assert.equal(b.waitTimeMs(), 500);
  assert.equal(b.waitTimeMs(3), 1500);
  c.t = 100;
  assert.equal(b.waitTimeMs(), 400);
  const slow = new TokenBucket({ capacity: 1, refillPerSecond: 3, now: c.now });
  slow.take();
  assert.equal(slow.waitTimeMs(), 334, '1/3 s is 333.33 ms, rounded up to 334');
});

test('a clock that goes backwards adds nothing and removes nothing', () => {
  const c = clock(10_000);
  const b = new TokenBucket({ capacity: 4, refillPerSecond: 2, now: c.now });
  b.take(2);
  c.t = 5_000;
  assert.equal(b.available(), 2);
  c.t = 10_500;
  assert.equal(b.available(), 3, 'refill resumes from the latest time seen (10000), not from 5000');
});

test('the long-run rate is refillPerSecond', () => {
  const c = clock();
  const b = new TokenBucket({ capacity: 2, refillPerSecond: 5, now: c.now });
  let granted = 0;
  for (let ms = 0; ms <= 10_100; ms += 10) {
    c.t = ms;
    if (b.take()) granted++;
  }
  assert.equal(granted, 2 + 50, 'the initial burst plus one token every 200 ms up to 10 s (the next is due at 10.2 s)');
});

test('rejects impossible requests and bad options with RangeError', () => {
  const b = new TokenBucket({ capacity: 3, refillPerSecond: 1, now: () => 0 });
  assert.throws(() => b.take(4), RangeError, 'more than capacity can never be satisfied');
  assert.throws(() => b.take(0), RangeError);
  assert.throws(() => b.take(-1), RangeError);
  assert.throws(() => b.waitTimeMs(10), RangeError);
  assert.throws(() => new TokenBucket({ capacity: 0, refillPerSecond: 1 }), RangeError);
  assert.throws(() => new TokenBucket({ capacity: 3, refillPerSecond: 0 }), RangeError);
});
