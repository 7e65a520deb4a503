export class CircuitOpenError extends Error {
  constructor(message = 'circuit is open') {
    super(message);
    this.name = 'CircuitOpenError';
  }
}

export class CircuitBreaker {
  #fn;
  #threshold;
  #resetTimeoutMs;
  #now;
  #failures = 0;
  #openedAt = null; // null while closed
  #trialInFlight = false;

  constructor(fn, { failureThreshold = 5, resetTimeoutMs = 30_000, now = Date.now } = {}) {
    this.#fn = fn;
    this.#threshold = failureThreshold;
    this.#resetTimeoutMs = resetTimeoutMs;
    this.#now = now;
  }

  get state() {
    if (this.#openedAt === null) return 'closed';
    return this.#now() - this.#openedAt >= this.#resetTimeoutMs ? 'half-open' : 'open';
  }

  async call(...args) {
    const state = this.state;
    if (state === 'open') throw new CircuitOpenError();
    if (state === 'half-open') {
      if (this.#trialInFlight) throw new CircuitOpenError('circuit is half-open and a trial call is running');
      this.#trialInFlight = true;
      try {
        const value = await this.#fn(...args);
        this.#close();
        return value;
      } catch (err) {
        this.#open();
        throw err;
      } finally {
        this.#trialInFlight = false;
      }
    }
    try {
      const value = await this.#fn(...args);
      this.#failures = 0;
      return value;
    } catch (err) {
      this.#failures++;
      // A late failure while already open (from a call started before opening) changes nothing.
      if (this.#openedAt === null && this.#failures >= this.#threshold) this.#open();
      throw err;
    }
  }

  #open() {
    this.#openedAt = this.#now();
  }

  #close() {
    this.#openedAt = null;
    this.#failures = 0;
  }
}
