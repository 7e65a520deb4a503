const isPositive = (n) => typeof n === 'number' && Number.isFinite(n) && n > 0;

export class TokenBucket {
  #capacity;
  #rate;
  #now;
  #tokens;
  #last;

  constructor({ capacity, refillPerSecond, now = Date.now }) {
    if (!isPositive(capacity)) throw new RangeError('capacity must be a positive number');
    if (!isPositive(refillPerSecond)) throw new RangeError('refillPerSecond must be a positive number');
    this.#capacity = capacity;
    this.#rate = refillPerSecond;
    this.#now = now;
    this.#tokens = capacity;
    this.#last = now();
  }

  #refill() {
    const t = this.#now();
    const elapsed = t - this.#last;
    if (elapsed > 0) {
      this.#tokens = Math.min(this.#capacity, this.#tokens + (elapsed / 1000) * this.#rate);
    }
    // Moving #last backwards would later count the same interval twice; only move it forward.
    if (t > this.#last) this.#last = t;
  }

  #check(count) {
    if (!isPositive(count) || count > this.#capacity) {
      throw new RangeError(`count must be a positive number no larger than ${this.#capacity}`);
    }
  }

  take(count = 1) {
    this.#check(count);
    this.#refill();
    if (this.#tokens < count) return false;
    this.#tokens -= count;
    return true;
  }

  available() {
    this.#refill();
    return this.#tokens;
  }

  waitTimeMs(count = 1) {
    this.#check(count);
    this.#refill();
    const missing = count - this.#tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.#rate) * 1000);
  }
}
