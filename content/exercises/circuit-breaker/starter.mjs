export class CircuitOpenError extends Error {
  constructor(message = 'circuit is open') {
    super(message);
    this.name = 'CircuitOpenError';
  }
}

export class CircuitBreaker {
  constructor(fn, { failureThreshold = 5, resetTimeoutMs = 30_000, now = Date.now } = {}) {
    this.fn = fn;
  }

  get state() {
    return 'closed';
  }

  // TODO: count failures, open, half-open with a single trial call, close again.
  async call(...args) {
    return this.fn(...args);
  }
}
