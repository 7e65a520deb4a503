import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** Counts failures per key in a fixed window (failed sign-ins per account and per IP). */
export interface AttemptLimiter {
  /** Seconds until the key may try again, or 0 when it is not blocked. */
  blockedFor(key: string, max: number): Promise<number>;
  fail(key: string, windowS: number): Promise<void>;
  reset(key: string): Promise<void>;
}

/** In-process store, for the embedded mode. */
export function memoryAttemptLimiter(now: () => number = Date.now): AttemptLimiter {
  const entries = new LRUCache<string, { count: number; resetAt: number }>({ max: 100_000 });
  const live = (key: string) => {
    const e = entries.get(key);
    if (e && e.resetAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };
  return {
    async blockedFor(key, max) {
      const e = live(key);
      return e && e.count >= max ? Math.max(1, Math.ceil((e.resetAt - now()) / 1000)) : 0;
    },
    async fail(key, windowS) {
      const e = live(key);
      if (e) e.count += 1;
      else entries.set(key, { count: 1, resetAt: now() + windowS * 1000 });
    },
    async reset(key) {
      entries.delete(key);
    },
  };
}

/** Redis store, shared by every app instance. */
export function redisAttemptLimiter(redis: Redis, prefix = 'nodeprep:attempts:'): AttemptLimiter {
  return {
    async blockedFor(key, max) {
      const [count, ttl] = await redis
        .multi()
        .get(prefix + key)
        .ttl(prefix + key)
        .exec()
        .then((r) => (r ?? []).map(([, v]) => v));
      return Number(count ?? 0) >= max ? Math.max(1, Number(ttl)) : 0;
    },
    async fail(key, windowS) {
      await redis
        .multi()
        .incr(prefix + key)
        .expire(prefix + key, windowS, 'NX')
        .exec();
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
  };
}
