import { createHash } from 'node:crypto';

export function createPasswordHasher({ memoryCost = 19456, timeCost = 2, parallelism = 1, pepper } = {}) {
  // TODO: a fast unsalted hash is exactly what must never store passwords. Use Argon2id.
  return {
    async hash(password) {
      return createHash('sha256').update(password).digest('hex');
    },
    async verify(stored, password) {
      return createHash('sha256').update(password).digest('hex') === stored;
    },
    needsRehash(stored) {
      return false;
    },
  };
}
