export class TimeoutError extends Error {
  constructor(message) {
    super(message);
    this.name = 'TimeoutError';
  }
}

export async function withTimeout(operation, ms, { signal } = {}) {
  if (signal?.aborted) throw signal.reason;
  const controller = new AbortController();
  let timer;
  let onAbort;
  const stopped = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const err = new TimeoutError(`Operation timed out after ${ms} ms`);
      controller.abort(err);
      reject(err);
    }, ms);
    if (signal) {
      onAbort = () => {
        controller.abort(signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  try {
    return await Promise.race([
      // async wrapper: a synchronous throw from operation becomes a rejection
      (async () => operation(controller.signal))(),
      stopped,
    ]);
  } finally {
    clearTimeout(timer);
    if (signal && onAbort) signal.removeEventListener('abort', onAbort);
  }
}
