import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processAll } from './submission.mjs';

function busy(ms) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // simulate CPU-bound work
  }
}

/** Counts event-loop turns by re-scheduling itself with setImmediate until stopped. */
function loopTurnCounter() {
  const c = { turns: 0, stopped: false };
  const tick = () => {
    if (c.stopped) return;
    c.turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return c;
}

test('returns every result in order and passes the index', async () => {
  const out = await processAll(['a', 'b', 'c'], (item, i) => `${i}:${item}`, { chunkSize: 2 });
  assert.deepEqual(out, ['0:a', '1:b', '2:c']);
  assert.deepEqual(await processAll([], () => 1), []);
});

test('a timer scheduled before a long import fires while it is still running', async () => {
  let processed = 0;
  let processedWhenTimerFired = null;
  setTimeout(() => {
    processedWhenTimerFired = processed;
  }, 5);
  const items = Array.from({ length: 200 }, (_, i) => i);
  await processAll(
    items,
    (n) => {
      busy(0.1);
      processed++;
      return n;
    },
    { chunkSize: 10 },
  );
  assert.notEqual(processedWhenTimerFired, null, 'the 5 ms timer did not fire before the 20 ms import finished');
  assert.ok(processedWhenTimerFired < 200, `the timer fired only after all ${processedWhenTimerFired} items`);
});

test('yields to the event loop between chunks and not inside them', async () => {
  const counter = loopTurnCounter();
  const seen = [];
  await processAll(Array.from({ length: 30 }, (_, i) => i), (n) => seen.push(counter.turns), { chunkSize: 10 });
  counter.stopped = true;
  const chunks = [seen.slice(0, 10), seen.slice(10, 20), seen.slice(20, 30)];
  for (const [i, chunk] of chunks.entries()) {
    assert.equal(new Set(chunk).size, 1, `chunk ${i} must run without yielding: saw turns ${chunk.join(',')}`);
  }
  assert.ok(chunks[1][0] > chunks[0][0], 'the event loop must turn between chunk 0 and chunk 1');
  assert.ok(chunks[2][0] > chunks[1][0], 'the event loop must turn between chunk 1 and chunk 2');
});

test('the default chunk size is 100', async () => {
  const counter = loopTurnCounter();
  const seen = [];
  await processAll(Array.from({ length: 250 }, (_, i) => i), () => seen.push(counter.turns));
  counter.stopped = true;
  assert.equal(new Set(seen.slice(0, 100)).size, 1, 'items 0-99 form one chunk');
  assert.ok(seen[100] > seen[99], 'a yield must happen between item 99 and item 100');
  assert.ok(seen[200] > seen[199]);
});

test('a throwing work function rejects and stops the import', async () => {
  let calls = 0;
  await assert.rejects(
    processAll(
      Array.from({ length: 50 }, (_, i) => i),
      (n) => {
        calls++;
        if (n === 15) throw new Error('bad record 15');
        return n;
      },
      { chunkSize: 10 },
    ),
    { message: 'bad record 15' },
  );
  assert.equal(calls, 16, 'no item after the failing one may be processed');
});
