export class BatchLoader {
  #batchFn;
  #maxBatchSize;
  /** key -> promise of its value */
  #cache = new Map();
  /** The batch being collected: key -> { resolve, reject }, or null. */
  #queue = null;

  constructor(batchFn, { maxBatchSize = Infinity } = {}) {
    if (typeof batchFn !== 'function') throw new TypeError('batchFn must be a function');
    this.#batchFn = batchFn;
    this.#maxBatchSize = maxBatchSize;
  }

  load(key) {
    const cached = this.#cache.get(key);
    if (cached) return cached;
    if (!this.#queue) {
      this.#queue = new Map();
      const queue = this.#queue;
      setImmediate(() => {
        if (this.#queue === queue) this.#queue = null;
        this.#dispatch(queue);
      });
    }
    const queue = this.#queue;
    const promise = new Promise((resolve, reject) => queue.set(key, { resolve, reject }));
    const guarded = promise.catch((err) => {
      if (this.#cache.get(key) === guarded) this.#cache.delete(key);
      throw err;
    });
    this.#cache.set(key, guarded);
    return guarded;
  }

  loadMany(keys) {
    return Promise.all(keys.map((key) => this.load(key)));
  }

  clear(key) {
    this.#cache.delete(key);
    return this;
  }

  clearAll() {
    this.#cache.clear();
    return this;
  }

  #dispatch(queue) {
    const entries = [...queue.entries()];
    for (let i = 0; i < entries.length; i += this.#maxBatchSize) {
      const chunk = entries.slice(i, i + this.#maxBatchSize);
      void this.#runBatch(chunk);
    }
  }

  async #runBatch(chunk) {
    const keys = chunk.map(([key]) => key);
    let values;
    try {
      values = await this.#batchFn(keys);
    } catch (err) {
      for (const [, waiter] of chunk) waiter.reject(err);
      return;
    }
    if (!Array.isArray(values) || values.length !== keys.length) {
      const err = new Error(
        `The batch function must resolve with an array of ${keys.length} values, got ${Array.isArray(values) ? `${values.length} values` : typeof values}`,
      );
      for (const [, waiter] of chunk) waiter.reject(err);
      return;
    }
    chunk.forEach(([, waiter], i) => {
      if (values[i] instanceof Error) waiter.reject(values[i]);
      else waiter.resolve(values[i]);
    });
  }
}
