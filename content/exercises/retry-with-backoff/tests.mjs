import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retry } from './submission.mjs';

/** fn that fails `failures` times with numbered errors, then returns 'ok'. */
function flaky(failures) {
  const seen = [];
  const fn = async (attempt) => {
    seen.push(attempt);
    if (seen.length <= failures) throw new Error(`failure ${seen.length}`);
    return 'ok';
  };
  return { fn, seen };
}

function recordingSleep() {
  const delays = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

test('resolves at once when the first attempt succeeds, without sleeping', async () => {
  const { fn, seen } = flaky(0);
  const s = recordingSleep();
  assert.equal(await retry(fn, { sleep: s.sleep, random: () => 0.5 }), 'ok');
  assert.deepEqual(seen, [1]);
  assert.deepEqual(s.delays, []);
});

test('retries with exponential back-off and passes the attempt number', async () => {
  const { fn, seen } = flaky(2);
  const s = recordingSleep();
  const result = await retry(fn, { baseMs: 100, sleep: s.sleep, random: () => 0.5 });
  assert.equal(result, 'ok');
  assert.deepEqual(seen, [1, 2, 3]);
  assert.deepEqual(s.delays, [50, 100], 'full jitter with random 0.5: half of 100, then half of 200');
});

test('gives up after `retries` retries with the last error', async () => {
  const { fn, seen } = flaky(10);
  const s = recordingSleep();
  await assert.rejects(retry(fn, { retries: 3, baseMs: 100, sleep: s.sleep, random: () => 0.5 }), {
    message: 'failure 4',
  });
  assert.deepEqual(seen, [1, 2, 3, 4], 'retries: 3 means four calls in total');
  assert.deepEqual(s.delays, [50, 100, 200], 'no sleep after the last attempt');
});

test('the cap grows up to maxMs and stays there', async () => {
  const { fn } = flaky(10);
  const s = recordingSleep();
  await assert.rejects(
    retry(fn, { retries: 5, baseMs: 1000, maxMs: 3000, sleep: s.sleep, random: () => 0.999 }),
  );
  assert.deepEqual(s.delays, [999, 1998, 2997, 2997, 2997]);
});

test('random is called once per retry and its value scales the whole range', async () => {
  const { fn } = flaky(3);
  const s = recordingSleep();
  const values = [0, 0.25, 0.75];
  let calls = 0;
  await retry(fn, {
    baseMs: 400,
    sleep: s.sleep,
    random: () => values[calls++],
  });
  assert.equal(calls, 3);
  assert.deepEqual(s.delays, [0, 200, 1200], 'floor(0*400), floor(0.25*800), floor(0.75*1600)');
});

test('shouldRetry=false rejects at once with that error', async () => {
  const s = recordingSleep();
  const calls = [];
  const badRequest = Object.assign(new Error('400'), { status: 400 });
  let n = 0;
  const fn = async () => {
    n++;
    throw n === 1 ? Object.assign(new Error('503'), { status: 503 }) : badRequest;
  };
  await assert.rejects(
    retry(fn, {
      sleep: s.sleep,
      random: () => 0,
      shouldRetry: (err, attempt) => {
        calls.push([err.status, attempt]);
        return err.status >= 500;
      },
    }),
    (err) => err === badRequest,
  );
  assert.equal(n, 2);
  assert.deepEqual(calls, [[503, 1], [400, 2]], 'shouldRetry receives the error and the attempt number');
  assert.deepEqual(s.delays, [0]);
});

test('retries: 0 means a single attempt', async () => {
  const { fn, seen } = flaky(1);
  const s = recordingSleep();
  await assert.rejects(retry(fn, { retries: 0, sleep: s.sleep }), { message: 'failure 1' });
  assert.deepEqual(seen, [1]);
  assert.deepEqual(s.delays, []);
});

test('the default sleep is a real timer', async () => {
  const { fn } = flaky(2);
  const started = performance.now();
  assert.equal(await retry(fn, { baseMs: 10, random: () => 0.99 }), 'ok');
  const elapsed = performance.now() - started;
  assert.ok(elapsed >= 25, `expected about 9 + 19 ms of sleeping, took ${elapsed.toFixed(1)} ms`);
});
