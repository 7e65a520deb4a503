/**
 * Runs work(item, index) for every item and returns the results.
 * @template T, R
 * @param {T[]} items
 * @param {(item: T, index: number) => R} work
 * @returns {Promise<R[]>}
 */
export async function processAll(items, work, { chunkSize = 100 } = {}) {
  const results = [];
  for (let i = 0; i < items.length; i++) {
    results.push(work(items[i], i));
  }
  return results;
}
