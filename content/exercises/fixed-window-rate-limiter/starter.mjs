export function createFixedWindowLimiter({ limit, windowMs, now = Date.now }) {
  return {
    hit(key) {
      throw new Error('not implemented');
    },
  };
}
