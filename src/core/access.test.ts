import { describe, expect, it } from 'vitest';
import { assertOwner, assertRole, hasRole } from './access.js';
import { AppError } from './errors.js';

const ann = { userId: 'a', roles: ['learner'] as const };
const lead = { userId: 'l', roles: ['learner', 'lead'] as const };

describe('access checks', () => {
  it('let a user touch their own object', () => {
    expect(() => assertOwner(ann, 'a')).not.toThrow();
  });

  it("report another user's object as not found, so ids cannot be probed", () => {
    try {
      assertOwner(ann, 'b', 'Review');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('not_found');
      expect((err as AppError).message).toBe('Review not found');
    }
  });

  it('treat a missing owner as not found', () => {
    expect(() => assertOwner(ann, null)).toThrow(AppError);
  });

  it('require one of the named roles', () => {
    expect(hasRole(lead, 'lead', 'admin')).toBe(true);
    expect(() => assertRole(ann, 'lead')).toThrow(/lead/);
  });
});
