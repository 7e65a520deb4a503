import { setTimeout as defaultSleep } from 'node:timers/promises';

export async function retry(fn, options = {}) {
  const {
    retries = 3,
    baseMs = 100,
    maxMs = 10_000,
    sleep = defaultSleep,
    random = Math.random,
    shouldRetry = () => true,
  } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt > retries || !shouldRetry(err, attempt)) throw err;
      // Retry number `attempt` follows failed attempt number `attempt`.
      const cap = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
      await sleep(Math.floor(random() * cap));
    }
  }
}
