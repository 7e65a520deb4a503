export class LRUCache {
  constructor(capacity, { onEvict } = {}) {
    this.capacity = capacity;
    this.map = new Map();
  }

  get(key) {
    return this.map.get(key);
  }

  // TODO: recency and eviction.
  set(key, value) {
    this.map.set(key, value);
    return this;
  }

  has(key) {
    return this.map.has(key);
  }

  delete(key) {
    return this.map.delete(key);
  }

  get size() {
    return this.map.size;
  }

  keys() {
    return [...this.map.keys()];
  }
}
