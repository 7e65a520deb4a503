export class BatchLoader {
  constructor(batchFn, { maxBatchSize = Infinity } = {}) {
    this.batchFn = batchFn;
  }

  // TODO: collect keys into batches instead of one call per key, and cache.
  async load(key) {
    const [value] = await this.batchFn([key]);
    if (value instanceof Error) throw value;
    return value;
  }

  loadMany(keys) {
    return Promise.all(keys.map((k) => this.load(k)));
  }

  clear(key) {
    return this;
  }

  clearAll() {
    return this;
  }
}
