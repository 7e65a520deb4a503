export function memoizeAsync(fn, { ttlMs = Infinity, now = Date.now, key = (...args) => JSON.stringify(args) } = {}) {
  /** k -> { promise, expiresAt } ; expiresAt is undefined while the call is in flight. */
  const entries = new Map();

  function memoized(...args) {
    const k = key(...args);
    const existing = entries.get(k);
    if (existing && (existing.expiresAt === undefined || now() < existing.expiresAt)) return existing.promise;

    const entry = { promise: undefined, expiresAt: undefined };
    entry.promise = (async () => fn.apply(this, args))().then(
      (value) => {
        if (entries.get(k) === entry) entry.expiresAt = now() + ttlMs;
        return value;
      },
      (err) => {
        if (entries.get(k) === entry) entries.delete(k);
        throw err;
      },
    );
    entries.set(k, entry);
    return entry.promise;
  }

  memoized.delete = (...args) => entries.delete(key(...args));
  memoized.clear = () => entries.clear();
  return memoized;
}
