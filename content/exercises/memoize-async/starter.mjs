export function memoizeAsync(fn, { ttlMs = Infinity, now = Date.now, key = (...args) => JSON.stringify(args) } = {}) {
  const cache = new Map();
  // TODO: share in-flight calls, honour the TTL, never cache rejections.
  const memoized = async function (...args) {
    const k = key(...args);
    if (cache.has(k)) return cache.get(k);
    const value = await fn.apply(this, args);
    cache.set(k, value);
    return value;
  };
  memoized.delete = (...args) => cache.delete(key(...args));
  memoized.clear = () => cache.clear();
  return memoized;
}
