/**
 * Fetches all ids in parallel and returns the results in order.
 *
 * The old loop awaited the promises one by one: while it waited for an earlier one, a later
 * promise could reject with no handler attached yet, which Node reports as an unhandled
 * rejection (and crashes on) before the loop ever reaches it. Promise.all attaches a handler to
 * every promise at once and rejects on the first failure.
 * @param {string[]} ids
 * @param {(id: string) => Promise<unknown>} fetchOne
 */
export async function loadAll(ids, fetchOne) {
  return Promise.all(ids.map((id) => fetchOne(id)));
}
