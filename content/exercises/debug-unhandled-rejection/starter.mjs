/**
 * Fetches all ids in parallel and returns the results in order.
 * @param {string[]} ids
 * @param {(id: string) => Promise<unknown>} fetchOne
 */
export async function loadAll(ids, fetchOne) {
  const pending = ids.map((id) => fetchOne(id));
  const results = [];
  for (const promise of pending) {
    results.push(await promise);
  }
  return results;
}
