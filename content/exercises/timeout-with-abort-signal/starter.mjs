export class TimeoutError extends Error {
  constructor(message) {
    super(message);
    this.name = 'TimeoutError';
  }
}

export async function withTimeout(operation, ms, { signal } = {}) {
  // TODO: cancel the work, honour the caller's signal and clean up.
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new TimeoutError(`Operation timed out after ${ms} ms`)), ms),
  );
  return Promise.race([operation(new AbortController().signal), timeout]);
}
