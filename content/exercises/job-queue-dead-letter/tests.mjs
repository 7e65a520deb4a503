import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JobQueue } from './submission.mjs';

function clock(start = 1_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

test('processes due jobs in order with payload, id and attempt', async () => {
  const seen = [];
  const q = new JobQueue({ handler: async (payload, meta) => void seen.push([payload, meta]), now: clock().now });
  assert.equal(q.enqueue('a'), 'job-1');
  assert.equal(q.enqueue('b'), 'job-2');
  assert.equal(q.size, 2);
  assert.deepEqual(await q.runOnce(), { succeeded: 2, retried: 0, deadLettered: 0 });
  assert.deepEqual(seen, [
    ['a', { id: 'job-1', attempt: 1 }],
    ['b', { id: 'job-2', attempt: 1 }],
  ]);
  assert.equal(q.size, 0);
});

test('runs jobs one after another, not in parallel', async () => {
  let running = 0;
  let max = 0;
  const q = new JobQueue({
    handler: async () => {
      running++;
      max = Math.max(max, running);
      await new Promise((r) => setImmediate(r));
      running--;
    },
    now: clock().now,
  });
  for (let i = 0; i < 5; i++) q.enqueue(i);
  await q.runOnce();
  assert.equal(max, 1);
});

test('a failed job is retried after its back-off, not before', async () => {
  const c = clock();
  const attempts = [];
  const backoffCalls = [];
  const q = new JobQueue({
    handler: async (payload, { attempt }) => {
      attempts.push([c.t, attempt]);
      if (attempt < 3) throw new Error(`try ${attempt} failed`);
    },
    maxAttempts: 5,
    backoffMs: (n) => {
      backoffCalls.push(n);
      return 1000 * 2 ** n;
    },
    now: c.now,
  });
  q.enqueue('email');
  assert.deepEqual(await q.runOnce(), { succeeded: 0, retried: 1, deadLettered: 0 });
  c.t += 1999;
  assert.deepEqual(await q.runOnce(), { succeeded: 0, retried: 0, deadLettered: 0 }, 'not due yet');
  c.t += 1;
  assert.deepEqual(await q.runOnce(), { succeeded: 0, retried: 1, deadLettered: 0 });
  c.t += 4000;
  assert.deepEqual(await q.runOnce(), { succeeded: 1, retried: 0, deadLettered: 0 });
  assert.deepEqual(attempts, [[1000, 1], [3000, 2], [7000, 3]]);
  assert.deepEqual(backoffCalls, [1, 2], 'backoffMs receives the number of failures so far');
  assert.equal(q.size, 0);
});

test('a job that keeps failing ends up in deadLetters after maxAttempts', async () => {
  let calls = 0;
  const q = new JobQueue({
    handler: async () => {
      calls++;
      throw new Error('SMTP 550 mailbox unavailable');
    },
    maxAttempts: 3,
    now: clock().now,
  });
  q.enqueue({ to: 'nobody@example.com' });
  const runs = [await q.runOnce(), await q.runOnce(), await q.runOnce(), await q.runOnce()];
  assert.deepEqual(runs.map((r) => r.deadLettered), [0, 0, 1, 0]);
  assert.equal(calls, 3, 'a dead letter is not tried again');
  assert.equal(q.size, 0);
  assert.deepEqual(q.deadLetters, [
    { id: 'job-1', payload: { to: 'nobody@example.com' }, attempts: 3, error: 'SMTP 550 mailbox unavailable' },
  ]);
});

test('a poison job does not block the others', async () => {
  const done = [];
  const q = new JobQueue({
    handler: async (p) => {
      if (p === 'poison') throw new Error('bad payload');
      done.push(p);
    },
    maxAttempts: 1,
    now: clock().now,
  });
  q.enqueue('a');
  q.enqueue('poison');
  q.enqueue('b');
  assert.deepEqual(await q.runOnce(), { succeeded: 2, retried: 0, deadLettered: 1 });
  assert.deepEqual(done, ['a', 'b']);
  assert.equal(q.deadLetters[0].id, 'job-2');
});

test('synchronous throws and non-Error values are handled', async () => {
  const q = new JobQueue({
    handler: (p) => {
      if (p === 'sync') throw new TypeError('sync failure');
      return Promise.reject('plain string');
    },
    maxAttempts: 1,
    now: clock().now,
  });
  q.enqueue('sync');
  q.enqueue('async');
  await q.runOnce();
  assert.deepEqual(
    q.deadLetters.map((d) => d.error),
    ['sync failure', 'plain string'],
  );
});

test('jobs enqueued during a run wait for the next run', async () => {
  const seen = [];
  let q;
  q = new JobQueue({
    handler: async (p) => {
      seen.push(p);
      if (p === 'parent') q.enqueue('child');
    },
    now: clock().now,
  });
  q.enqueue('parent');
  assert.deepEqual(await q.runOnce(), { succeeded: 1, retried: 0, deadLettered: 0 });
  assert.deepEqual(seen, ['parent']);
  assert.equal(q.size, 1);
  await q.runOnce();
  assert.deepEqual(seen, ['parent', 'child']);
});

test('due jobs run in due-time order, then enqueue order', async () => {
  const c = clock();
  const seen = [];
  let failFirst = true;
  const q = new JobQueue({
    handler: async (p) => {
      seen.push(p);
      if (p === 'a' && failFirst) {
        failFirst = false;
        throw new Error('once');
      }
    },
    backoffMs: () => 10,
    now: c.now,
  });
  q.enqueue('a');
  await q.runOnce();
  c.t += 5;
  q.enqueue('b');
  c.t += 20;
  q.enqueue('c');
  seen.length = 0;
  await q.runOnce();
  assert.deepEqual(seen, ['b', 'a', 'c'], 'b was due at 1005, the retry of a at 1010, c at 1025');
});

test('retryDeadLetter puts the job back with a fresh attempt count', async () => {
  let broken = true;
  const attempts = [];
  const q = new JobQueue({
    handler: async (p, { attempt }) => {
      attempts.push(attempt);
      if (broken) throw new Error('bug');
    },
    maxAttempts: 2,
    now: clock().now,
  });
  const id = q.enqueue('report');
  await q.runOnce();
  await q.runOnce();
  assert.equal(q.deadLetters.length, 1);
  broken = false;
  assert.equal(q.retryDeadLetter('job-999'), false);
  assert.equal(q.retryDeadLetter(id), true);
  assert.equal(q.deadLetters.length, 0);
  assert.equal(q.size, 1);
  assert.deepEqual(await q.runOnce(), { succeeded: 1, retried: 0, deadLettered: 0 });
  assert.deepEqual(attempts, [1, 2, 1]);
});
