import { describe, expect, it } from 'vitest';
import { withDeadline } from './deadline.js';

const resolveAfter = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('withDeadline', () => {
  it('answers what the work answers when it is in time, result or error', async () => {
    await expect(withDeadline(resolveAfter(5, 'done'), 1000, () => new Error('late'))).resolves.toBe('done');
    await expect(
      withDeadline(Promise.reject(new Error('broke')), 1000, () => new Error('late')),
    ).rejects.toThrow('broke');
  });

  it('rejects with the late error once the time is up', async () => {
    await expect(withDeadline(resolveAfter(1000, 'done'), 10, () => new Error('late'))).rejects.toThrow(
      'late',
    );
  });
});
