/**
 * Settles as `work` does, unless `ms` pass first: then rejects with `late()`. The timer is cleared
 * either way. The work itself is not stopped; the caller only stops waiting for it.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
