import { AppError } from './errors.js';

export const roles = ['learner', 'interviewer', 'lead', 'admin'] as const;
export type Role = (typeof roles)[number];

/** The signed-in user a request acts for. */
export interface Actor {
  readonly userId: string;
  readonly roles: readonly Role[];
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return wanted.some((r) => actor.roles.includes(r));
}

/** Throws `forbidden` unless the actor has one of the roles. */
export function assertRole(actor: Actor, ...wanted: Role[]): void {
  if (!hasRole(actor, ...wanted)) {
    throw new AppError('forbidden', `This needs one of the roles: ${wanted.join(', ')}`);
  }
}

/**
 * Object-level authorisation: the actor may only touch data it owns. Another user's object is
 * reported as missing, so ids cannot be probed for existence.
 */
export function assertOwner(actor: Actor, ownerId: string | null | undefined, what = 'Resource'): void {
  if (!ownerId || ownerId !== actor.userId) throw new AppError('not_found', `${what} not found`);
}
