export function createFixedWindowLimiter({ limit, windowMs, now = Date.now }) {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  if (typeof windowMs !== 'number' || !(windowMs > 0) || !Number.isFinite(windowMs)) {
    throw new RangeError('windowMs must be a positive number');
  }
  /** key -> { windowStart, count }; a key only ever holds its latest window. */
  const windows = new Map();

  return {
    hit(key) {
      const t = now();
      const windowStart = Math.floor(t / windowMs) * windowMs;
      const resetAt = windowStart + windowMs;
      let entry = windows.get(key);
      if (!entry || entry.windowStart !== windowStart) {
        entry = { windowStart, count: 0 };
        windows.set(key, entry);
      }
      if (entry.count < limit) {
        entry.count++;
        return { allowed: true, remaining: limit - entry.count, resetAt, retryAfterMs: 0 };
      }
      return { allowed: false, remaining: 0, resetAt, retryAfterMs: resetAt - t };
    },
  };
}
