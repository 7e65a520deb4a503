import { hash, parseOptions, verify } from '@node-rs/argon2';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum in the typings)
const MAX_PASSWORD_BYTES = 1024;

function passwordProblem(password) {
  if (typeof password !== 'string') return new TypeError('password must be a string');
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes < 1 || bytes > MAX_PASSWORD_BYTES) {
    return new RangeError(`password must be 1 to ${MAX_PASSWORD_BYTES} bytes long`);
  }
  return null;
}

export function createPasswordHasher({ memoryCost = 19456, timeCost = 2, parallelism = 1, pepper } = {}) {
  const secret = pepper === undefined ? undefined : Buffer.from(pepper, 'utf8');
  const options = { algorithm: ARGON2ID, memoryCost, timeCost, parallelism, ...(secret ? { secret } : {}) };

  return {
    async hash(password) {
      const problem = passwordProblem(password);
      if (problem) throw problem;
      return hash(password, options);
    },

    async verify(stored, password) {
      if (passwordProblem(password) || typeof stored !== 'string' || !stored.startsWith('$argon2')) return false;
      try {
        return await verify(stored, password, secret ? { secret } : undefined);
      } catch {
        return false;
      }
    },

    needsRehash(stored) {
      if (typeof stored !== 'string' || !stored.startsWith('$argon2id$')) return true;
      let params;
      try {
        params = parseOptions(stored);
      } catch {
        return true;
      }
      return (
        params.algorithm !== ARGON2ID ||
        params.memoryCost < memoryCost ||
        params.timeCost < timeCost ||
        params.parallelism < parallelism
      );
    },
  };
}
