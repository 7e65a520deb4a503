export function createCacheAside({ store, loader, ttlMs }) {
  /** key -> promise of the current lookup, shared by concurrent callers. */
  const inflight = new Map();
  /** key -> invalidation count; a load only writes back if no invalidation happened meanwhile. */
  const generations = new Map();
  const generationOf = (key) => generations.get(key) ?? 0;

  async function lookup(key, generation) {
    let cached;
    try {
      cached = await store.get(key);
    } catch {
      cached = undefined; // the cache is down: fall through to the source of truth
    }
    if (cached !== undefined) return cached;
    const value = await loader(key);
    if (value !== undefined && generationOf(key) === generation) {
      try {
        await store.set(key, value, ttlMs);
      } catch {
        // serving the value matters more than caching it
      }
    }
    return value;
  }

  return {
    get(key) {
      const existing = inflight.get(key);
      if (existing) return existing;
      const promise = lookup(key, generationOf(key)).finally(() => {
        if (inflight.get(key) === promise) inflight.delete(key);
      });
      inflight.set(key, promise);
      return promise;
    },

    async invalidate(key) {
      generations.set(key, generationOf(key) + 1);
      inflight.delete(key);
      await store.delete(key);
    },
  };
}
