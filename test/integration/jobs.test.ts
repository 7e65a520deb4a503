import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { bullmqJobQueue, type JobQueue, memoryJobQueue, waitForJob } from '../../src/server/lib/jobs.js';
import { testRedisUrl } from '../helpers/databases.js';

const queues: JobQueue[] = [];
const make = () => {
  const q = testRedisUrl
    ? bullmqJobQueue(testRedisUrl, { prefix: `nodeprep-test:jobs:${process.pid}:${Math.random()}` })
    : memoryJobQueue();
  queues.push(q);
  return q;
};
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.close()));
});

describe(`job queue (${testRedisUrl ? 'BullMQ on Redis' : 'in-process'})`, () => {
  it('runs a job and hands back its result', async () => {
    const q = make();
    const double = q.define('double', async (n: number) => n * 2, { concurrency: 2 });
    await expect(double.run(21)).resolves.toBe(42);
  });

  it('hands back a coded error as the same code, and other errors as errors', async () => {
    const q = make();
    const failing = q.define(
      'failing',
      async (kind: string) => {
        if (kind === 'coded') throw new AppError('sandbox_unavailable', 'no sandbox on this host');
        throw new Error('plain failure');
      },
      { concurrency: 1 },
    );
    await expect(failing.run('coded')).rejects.toMatchObject({
      code: 'sandbox_unavailable',
      message: 'no sandbox on this host',
    });
    await expect(failing.run('plain')).rejects.toThrow('plain failure');
  });

  it('stops waiting for a job past its time limit with request_timeout', async () => {
    const q = make();
    const slow = q.define('slow-one', async () => sleep(1000), { concurrency: 1 });
    await expect(slow.run(undefined, { timeoutMs: 100 })).rejects.toMatchObject({ code: 'request_timeout' });
  });

  it('never runs more jobs of a kind at once than its concurrency, and loses none', async () => {
    const q = make();
    let running = 0;
    let peak = 0;
    const slow = q.define(
      'slow',
      async (n: number) => {
        running++;
        peak = Math.max(peak, running);
        await sleep(20);
        running--;
        return n;
      },
      { concurrency: 2 },
    );
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => slow.run(i)));
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(peak).toBe(2);
  });

  it('refuses with queue_full instead of piling up past maxWaiting', async () => {
    const q = make();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const blocked = q.define('blocked', async () => gate, { concurrency: 1, maxWaiting: 2 });
    const until = async (ok: (s: { waiting: number; active: number }) => boolean) => {
      for (let i = 0; i < 200 && !ok((await q.stats()).blocked ?? { waiting: 0, active: 0 }); i++)
        await sleep(10);
    };
    const first = blocked.run(undefined);
    await until((s) => s.active === 1);
    const waiting = [blocked.run(undefined), blocked.run(undefined)];
    await until((s) => s.waiting === 2);
    await expect(blocked.run(undefined)).rejects.toMatchObject({ code: 'queue_full' });
    release();
    await Promise.all([first, ...waiting]);
  });

  it('runs background jobs, and one jobId only once while it is pending', async () => {
    const q = make();
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const bg = q.define(
      'bg',
      async (s: string) => {
        await gate;
        seen.push(s);
      },
      { concurrency: 1 },
    );
    await bg.enqueue('a', { jobId: 'user-1' });
    await bg.enqueue('a', { jobId: 'user-1' });
    await bg.enqueue('b', { jobId: 'user-2' });
    release();
    for (let i = 0; i < 100 && seen.length < 2; i++) await sleep(20);
    await sleep(50);
    expect(seen.sort()).toEqual(['a', 'b']);
  });
});

describe.runIf(testRedisUrl)('job queue on BullMQ', () => {
  it('drops a finished job from Redis once it is older than its kind keeps them', async () => {
    const prefix = `nodeprep-test:jobs:${process.pid}:${Math.random()}`;
    const q = bullmqJobQueue(testRedisUrl!, { prefix });
    queues.push(q);
    const brief = q.define('brief', async (n: number) => n + 1, { concurrency: 1, keepFinishedS: 1 });
    const kept = q.define('kept', async (n: number) => n + 1, { concurrency: 1 });
    const redis = new Redis(testRedisUrl!);
    const completed = async (name: string) => {
      const inspect = new Queue(name, { connection: redis, prefix });
      try {
        return await inspect.getCompletedCount();
      } finally {
        await inspect.close();
      }
    };
    try {
      await Promise.all([brief.run(1), kept.run(1)]);
      await sleep(1100);
      // BullMQ removes old finished jobs when the next job of the kind finishes.
      await Promise.all([brief.run(2), kept.run(2)]);
      expect(await completed('brief')).toBe(1);
      expect(await completed('kept')).toBe(2);
    } finally {
      redis.disconnect();
    }
  });

  it('a caller still gets the result, or the failure, when the completion event never arrives', async () => {
    const prefix = `nodeprep-test:jobs:${process.pid}:${Math.random()}`;
    const name = 'deaf';
    const redis = new Redis(testRedisUrl!, { maxRetriesPerRequest: null });
    const queue = new Queue(name, { connection: redis, prefix });
    const worker = new Worker(
      name,
      async (job) => {
        await sleep(300);
        if (job.data === 'fail') throw new Error('it broke');
        return `done ${job.data}`;
      },
      { connection: redis.duplicate(), prefix },
    );
    // A reader that never reads: the events of these jobs are lost to the waiting callers.
    const deaf = new QueueEvents(name, { connection: redis.duplicate(), prefix, autorun: false });
    try {
      const ok = await queue.add(name, 'fine');
      await expect(waitForJob(ok, queue, deaf, 10_000)).resolves.toBe('done fine');
      const bad = await queue.add(name, 'fail');
      await expect(waitForJob(bad, queue, deaf, 10_000)).rejects.toThrow('it broke');
    } finally {
      await worker.close();
      await Promise.all([deaf.close(), queue.close()]);
      redis.disconnect();
    }
  });
});
