export async function mapWithConcurrency(items, limit, worker) {
  // TODO: respect the limit. This starts everything at once.
  return Promise.all(items.map((item, index) => worker(item, index)));
}
