import { setTimeout as defaultSleep } from 'node:timers/promises';

export async function retry(fn, options = {}) {
  const { retries = 3, baseMs = 100, sleep = defaultSleep } = options;
  // TODO: exponential back-off with full jitter, maxMs cap and shouldRetry.
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt > retries) throw err;
      await sleep(baseMs);
    }
  }
}
