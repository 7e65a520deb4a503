import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { withDeadline } from '../../core/deadline.js';
import { AppError, type ErrorCode, errorCatalogue, isAppError } from '../../core/errors.js';

/**
 * Heavy or slow work (running learner code, fitting FSRS parameters) goes through a job queue so
 * the HTTP loop never blocks on it. Embedded mode uses an in-process queue; with REDIS_URL set,
 * BullMQ, so several app instances (or dedicated worker hosts) share one queue.
 */
export interface JobKind<I, O> {
  /** Adds a job and resolves with its result (rejects `queue_full` when too much is waiting). */
  run(input: I, options?: { timeoutMs?: number }): Promise<O>;
  /** Adds a job and returns at once; a `jobId` already waiting or running is not added twice. */
  enqueue(input: I, options?: { jobId?: string }): Promise<void>;
}

export interface JobOptions {
  /** Jobs of this kind run at most this many at a time in this process. */
  concurrency: number;
  /** Jobs waiting beyond this are refused with `queue_full` instead of piling up. */
  maxWaiting?: number;
  /**
   * With BullMQ, how long a finished job (its input and result) stays in Redis for inspection;
   * failed ones stay a day. Default an hour. The in-process queue keeps nothing.
   */
  keepFinishedS?: number;
}

export interface JobQueue {
  readonly kind: 'memory' | 'bullmq';
  define<I, O>(name: string, handler: (input: I) => Promise<O>, options: JobOptions): JobKind<I, O>;
  /** Waiting and running jobs per kind (this process's view for the in-process queue). */
  stats(): Promise<Record<string, { waiting: number; active: number }>>;
  /** Stops taking jobs and waits for the running ones. */
  close(): Promise<void>;
}

const DEFAULT_MAX_WAITING = 1000;
const APP_ERROR_PREFIX = 'nodeprep-app-error:';
const DEFAULT_TIMEOUT_MS = 60_000;
const QUIT_WAIT_MS = 1000;
const CLOSE_WAIT_MS = 5000;
/** How often a caller waiting for a BullMQ job looks at it in Redis besides listening for it. */
const POLL_MS = 1000;

/** Waits for `work` at most `ms`; true when it settled (either way) in time. */
function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  return withDeadline(settled, ms, () => new Error('late')).then(
    () => true,
    () => false,
  );
}

/**
 * Closes a Redis connection politely (QUIT), but never waits on a Redis that is down: a client
 * still reconnecting would hold QUIT in its offline queue forever, so after a short wait it is
 * disconnected outright.
 */
export async function closeRedis(redis: Redis, waitMs = QUIT_WAIT_MS): Promise<void> {
  if (redis.status === 'end') return;
  await within(waitMs, redis.quit());
  // QUIT may have failed or still be queued: disconnecting an ended client does nothing.
  redis.disconnect();
}

function full(name: string): AppError {
  return new AppError('queue_full', `Too many ${name} jobs are waiting; try again in a few seconds`, {
    retryAfterS: 5,
  });
}

/** The in-process queue for the embedded mode: a FIFO per kind with a concurrency limit. */
export function memoryJobQueue(): JobQueue {
  const kinds = new Map<
    string,
    { waiting: () => number; active: () => number; drain: () => Promise<void> }
  >();
  let closed = false;
  return {
    kind: 'memory',
    define<I, O>(name: string, handler: (input: I) => Promise<O>, options: JobOptions): JobKind<I, O> {
      const waiting: (() => void)[] = [];
      let active = 0;
      const idle: (() => void)[] = [];
      const enqueued = new Set<string>();
      const maxWaiting = options.maxWaiting ?? DEFAULT_MAX_WAITING;
      const start = () => {
        while (active < options.concurrency && waiting.length) {
          active++;
          waiting.shift()!();
        }
        if (active === 0 && !waiting.length) for (const done of idle.splice(0)) done();
      };
      const submit = (input: I): Promise<O> => {
        if (closed) return Promise.reject(new AppError('service_unavailable', 'The server is shutting down'));
        if (waiting.length >= maxWaiting) return Promise.reject(full(name));
        return new Promise<O>((resolve, reject) => {
          waiting.push(() => {
            handler(input)
              .then(resolve, reject)
              .finally(() => {
                active--;
                start();
              });
          });
          start();
        });
      };
      kinds.set(name, {
        waiting: () => waiting.length,
        active: () => active,
        drain: () => (active === 0 && !waiting.length ? Promise.resolve() : new Promise((r) => idle.push(r))),
      });
      return {
        run(input, runOpts = {}) {
          // As with BullMQ: past the time the caller stops waiting; the job itself runs on.
          return withDeadline(
            submit(input),
            runOpts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            () => new AppError('request_timeout', `The ${name} job did not finish in time`),
          );
        },
        async enqueue(input, opts = {}) {
          if (opts.jobId) {
            if (enqueued.has(opts.jobId)) return;
            enqueued.add(opts.jobId);
          }
          submit(input)
            .catch(() => {})
            .finally(() => opts.jobId && enqueued.delete(opts.jobId));
        },
      };
    },
    async stats() {
      return Object.fromEntries(
        [...kinds].map(([n, k]) => [n, { waiting: k.waiting(), active: k.active() }]),
      );
    },
    async close() {
      closed = true;
      await Promise.all([...kinds.values()].map((k) => k.drain()));
    },
  };
}

/**
 * Waits for a job's result: its completion event, or its state in Redis, looked at every second
 * in case the event never comes. A QueueEvents reader that starts while a job finishes can miss
 * that job's event (seen under load: the caller then waited out its whole time limit).
 */
export async function waitForJob<O>(
  job: Job,
  queue: Queue,
  events: QueueEvents,
  timeoutMs: number,
): Promise<O> {
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const evented = job.waitUntilFinished(events, timeoutMs) as Promise<O>;
  // Whichever answers second is not listened to.
  evented.catch(() => {});
  const polled = new Promise<O>((resolve, reject) => {
    const look = async () => {
      if (done) return;
      try {
        const state = await queue.getJobState(job.id!);
        if (state === 'completed' || state === 'failed') {
          const stored = await Job.fromId(queue, job.id!);
          if (stored && state === 'completed') return resolve(stored.returnvalue as O);
          if (stored) return reject(new Error(stored.failedReason));
        }
      } catch {
        // Redis away for a moment: the next look or the event decides.
      }
      if (!done) timer = setTimeout(look, POLL_MS);
    };
    timer = setTimeout(look, POLL_MS);
  });
  try {
    return await Promise.race([evented, polled]);
  } finally {
    done = true;
    clearTimeout(timer);
  }
}

/**
 * BullMQ on Redis. Every instance is also a worker for every kind it defines; `run` waits for
 * the result through QueueEvents (see `waitForJob`). Finished jobs stay for inspection (an hour
 * unless the kind says otherwise), then are dropped.
 */
export function bullmqJobQueue(
  redisUrl: string,
  options: { prefix?: string; onError?: (err: Error, where: string) => void } = {},
): JobQueue {
  const prefix = options.prefix ?? 'nodeprep:jobs';
  // BullMQ leaves connections it is handed open on close; these are ours to close.
  const connections: Redis[] = [];
  // An unreachable Redis is reported by /readyz; here it is only logged, never thrown.
  const reportTo = (where: string) => (err: Error) => options.onError?.(err, where);
  const connect = (where: string) => {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    redis.on('error', reportTo(where));
    connections.push(redis);
    return redis;
  };
  const connection = connect('connection');
  const parts: { queue: Queue; worker: Worker; events: QueueEvents; name: string }[] = [];
  return {
    kind: 'bullmq',
    define<I, O>(name: string, handler: (input: I) => Promise<O>, opts: JobOptions): JobKind<I, O> {
      const queue = new Queue(name, {
        connection,
        prefix,
        defaultJobOptions: {
          removeOnComplete: { age: opts.keepFinishedS ?? 3600, count: 1000 },
          removeOnFail: { age: Math.max(opts.keepFinishedS ?? 0, 24 * 3600), count: 1000 },
        },
      });
      // An AppError crosses Redis as text; its code rides along so the caller answers it as itself.
      const worker = new Worker(
        name,
        async (job) => {
          try {
            return await handler(job.data as I);
          } catch (err) {
            if (isAppError(err)) throw new Error(`${APP_ERROR_PREFIX}${err.code}:${err.message}`);
            throw err;
          }
        },
        {
          connection: connect(`${name} worker`),
          prefix,
          concurrency: opts.concurrency,
          // After Redis comes back, fetch again within a second (BullMQ's default waits 15 s).
          runRetryDelay: 1000,
        },
      );
      const events = new QueueEvents(name, { connection: connect(`${name} events`), prefix });
      // Each job a caller waits for listens for the queue closing: one listener per waiting run.
      queue.setMaxListeners(0);
      queue.on('error', reportTo(`${name} queue`));
      worker.on('error', reportTo(`${name} worker`));
      events.on('error', reportTo(`${name} events`));
      parts.push({ queue, worker, events, name });
      const maxWaiting = opts.maxWaiting ?? DEFAULT_MAX_WAITING;
      const admit = async () => {
        if ((await queue.getWaitingCount()) >= maxWaiting) throw full(name);
      };
      return {
        async run(input, runOpts = {}) {
          await admit();
          const job = await queue.add(name, input);
          try {
            return await waitForJob<O>(job, queue, events, runOpts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
          } catch (err) {
            const message = (err as Error).message ?? '';
            if (/timed out/i.test(message)) {
              throw new AppError('request_timeout', `The ${name} job did not finish in time`, { cause: err });
            }
            if (message.startsWith(APP_ERROR_PREFIX)) {
              const [code, ...detail] = message.slice(APP_ERROR_PREFIX.length).split(':');
              if (code && code in errorCatalogue) throw new AppError(code as ErrorCode, detail.join(':'));
            }
            throw new Error(message);
          }
        },
        async enqueue(input, enqueueOpts = {}) {
          await admit();
          await queue.add(name, input, enqueueOpts.jobId ? { jobId: enqueueOpts.jobId } : {});
        },
      };
    },
    async stats() {
      const out: Record<string, { waiting: number; active: number }> = {};
      for (const p of parts) {
        const counts = await p.queue.getJobCounts('waiting', 'active');
        out[p.name] = { waiting: counts.waiting ?? 0, active: counts.active ?? 0 };
      }
      return out;
    },
    async close() {
      // A worker whose blocking connection is between reconnect attempts (Redis was down a
      // moment ago) can wait forever for it to end; shutting down must not.
      const graceful = (async () => {
        await Promise.all(parts.map((p) => p.worker.close()));
        await Promise.all(parts.map((p) => Promise.all([p.events.close(), p.queue.close()])));
      })();
      if (!(await within(CLOSE_WAIT_MS, graceful))) {
        reportTo('close')(new Error(`the job queue did not close within ${CLOSE_WAIT_MS} ms; disconnecting`));
      }
      await Promise.all(connections.map((c) => closeRedis(c)));
    },
  };
}
