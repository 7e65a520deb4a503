const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs work(item, index) for every item and returns the results, yielding to the event loop
 * after every chunk so timers and I/O are not starved. An async function runs synchronously
 * until its first await, and a resolved promise only queues a microtask, which runs before the
 * loop moves on: only a macrotask such as setImmediate lets other callbacks in.
 * @template T, R
 * @param {T[]} items
 * @param {(item: T, index: number) => R} work
 * @returns {Promise<R[]>}
 */
export async function processAll(items, work, { chunkSize = 100 } = {}) {
  const results = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    if (start > 0) await yieldToEventLoop();
    const end = Math.min(start + chunkSize, items.length);
    for (let i = start; i < end; i++) {
      results.push(work(items[i], i));
    }
  }
  return results;
}
