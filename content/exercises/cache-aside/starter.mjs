export function createCacheAside({ store, loader, ttlMs }) {
  return {
    async get(key) {
      throw new Error('not implemented');
    },
    async invalidate(key) {
      throw new Error('not implemented');
    },
  };
}
