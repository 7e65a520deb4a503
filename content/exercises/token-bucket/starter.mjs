export class TokenBucket {
  constructor({ capacity, refillPerSecond, now = Date.now }) {
    this.capacity = capacity;
  }

  take(count = 1) {
    throw new Error('not implemented');
  }

  available() {
    throw new Error('not implemented');
  }

  waitTimeMs(count = 1) {
    throw new Error('not implemented');
  }
}
