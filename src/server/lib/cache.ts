import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** Cache-aside store for rendered read models: in-process LRU, or Redis shared by instances. */
export interface Cache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlS: number): Promise<void>;
  /** Drops every key starting with the prefix. */
  clear(prefix: string): Promise<void>;
}

export function memoryCache(maxEntries = 5000): Cache {
  const lru = new LRUCache<string, string>({ max: maxEntries, ttlAutopurge: false });
  return {
    async get(key) {
      return lru.get(key);
    },
    async set(key, value, ttlS) {
      lru.set(key, value, { ttl: ttlS * 1000 });
    },
    async clear(prefix) {
      for (const key of lru.keys()) if (key.startsWith(prefix)) lru.delete(key);
    },
  };
}

export function redisCache(redis: Redis, namespace = 'nodeprep:cache:'): Cache {
  return {
    async get(key) {
      // A cache that cannot answer is a miss, never an error.
      return (await redis.get(namespace + key).catch(() => null)) ?? undefined;
    },
    async set(key, value, ttlS) {
      await redis.set(namespace + key, value, 'EX', ttlS).catch(() => undefined);
    },
    async clear(prefix) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${namespace}${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    },
  };
}
