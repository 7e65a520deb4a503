import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '../../../core/access.js';
import { isRole } from '../../../core/access.js';
import { AppError } from '../../../core/errors.js';
import type { UserRow } from '../../../db/schema.js';
import type { AttemptLimiter } from '../../lib/attempt-limiter.js';
import type { Cache } from '../../lib/cache.js';
import type { AuthRepo } from './auth.repo.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import { hashRefreshToken, newRefreshToken, type TokenSigner } from './tokens.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  createdAt: string;
}

export interface Session {
  user: UserView;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface AuthServiceDeps {
  repo: AuthRepo;
  signer: TokenSigner;
  limiter: AttemptLimiter;
  accessTokenTtlS: number;
  refreshTokenTtlS: number;
  loginLimits: { perAccount: number; perIp: number; windowS: number };
  /** Caches the user view `GET /me` answers (read on every page load); dropped on every change. */
  cache?: Cache;
  /** Adds other areas' data of the user to the export (study log, settings, notes...). */
  exportExtras?: (userId: string) => Promise<Record<string, unknown>>;
  now?: () => Date;
}

/** Seconds a cached user view may live; a role granted from the CLI shows up within this. */
export const USER_CACHE_TTL_S = 60;

export function presentUser(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles.filter(isRole),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const actorOf = (row: UserRow): Actor => ({ userId: row.id, roles: row.roles.filter(isRole) });

/** Registration, sign-in, token rotation and account lifecycle. */
export function authService(deps: AuthServiceDeps) {
  const { repo, signer, limiter } = deps;
  const now = deps.now ?? (() => new Date());

  async function issueSession(
    user: UserRow,
    familyId: string,
    userAgent: string | null,
    ex?: Parameters<AuthRepo['insertRefreshToken']>[1],
  ): Promise<Session> {
    const refresh = newRefreshToken();
    const refreshExpiresAt = new Date(now().getTime() + deps.refreshTokenTtlS * 1000);
    await repo.insertRefreshToken(
      { userId: user.id, familyId, tokenHash: refresh.hash, expiresAt: refreshExpiresAt, userAgent },
      ex,
    );
    return {
      user: presentUser(user),
      accessToken: await signer.sign(actorOf(user), now()),
      expiresIn: deps.accessTokenTtlS,
      refreshToken: refresh.token,
      refreshExpiresAt,
    };
  }

  return {
    async register(input: { email: string; password: string; name: string }, userAgent: string | null) {
      const passwordHash = await hashPassword(input.password);
      return repo.transaction(async (trx) => {
        const user = await repo.insertUser(
          { email: input.email, name: input.name, password_hash: passwordHash },
          trx,
        );
        if (!user) {
          throw new AppError('email_taken', 'An account with this e-mail already exists', {
            errors: [{ field: 'email', message: 'is already registered' }],
          });
        }
        return issueSession(user, randomUUID(), userAgent, trx);
      });
    },

    async login(input: { email: string; password: string }, ip: string, userAgent: string | null) {
      const accountKey = `account:${input.email}`;
      const ipKey = `ip:${ip}`;
      const { perAccount, perIp, windowS } = deps.loginLimits;
      const wait = Math.max(
        await limiter.blockedFor(accountKey, perAccount),
        await limiter.blockedFor(ipKey, perIp),
      );
      if (wait > 0) {
        throw new AppError('too_many_attempts', `Too many failed sign-ins; try again in ${wait} s`, {
          retryAfterS: wait,
        });
      }
      const user = await repo.findUserByEmail(input.email);
      let ok = false;
      if (user) ok = await verifyPassword(user.password_hash, input.password);
      else await burnPasswordCheck(input.password);
      if (!user || !ok) {
        await Promise.all([limiter.fail(accountKey, windowS), limiter.fail(ipKey, windowS)]);
        throw new AppError('invalid_credentials');
      }
      await limiter.reset(accountKey);
      return issueSession(user, randomUUID(), userAgent);
    },

    /**
     * Rotates a refresh token. A token that was already used means it leaked: the whole family
     * is revoked (RFC 9700, refresh token rotation).
     */
    async refresh(token: string, userAgent: string | null) {
      const row = await repo.findRefreshToken(hashRefreshToken(token));
      if (!row) throw new AppError('invalid_refresh_token');
      if (row.revoked_at) throw new AppError('invalid_refresh_token', 'This session was signed out');
      if (row.used_at) {
        await repo.revokeFamily(row.family_id);
        throw new AppError('refresh_token_reused', 'This session was revoked because its token was reused');
      }
      if (new Date(row.expires_at) <= now())
        throw new AppError('invalid_refresh_token', 'This session has expired');
      return repo.transaction(async (trx) => {
        if (!(await repo.consumeRefreshToken(row.id, trx))) {
          // Lost a race with another rotation of the same token: treat it as reuse.
          await repo.revokeFamily(row.family_id, trx);
          throw new AppError('refresh_token_reused', 'This session was revoked because its token was reused');
        }
        const user = await repo.findUserById(row.user_id, trx);
        if (!user) throw new AppError('invalid_refresh_token');
        return issueSession(user, row.family_id, userAgent, trx);
      });
    },

    /** Revokes the session a refresh token belongs to. Unknown tokens are ignored. */
    async logout(token: string | undefined) {
      if (!token) return;
      const row = await repo.findRefreshToken(hashRefreshToken(token));
      if (row) await repo.revokeFamily(row.family_id);
    },

    async me(actor: Actor): Promise<UserView> {
      const key = `user:${actor.userId}`;
      const hit = await deps.cache?.get(key);
      if (hit) return JSON.parse(hit) as UserView;
      const user = await repo.findUserById(actor.userId);
      if (!user) throw new AppError('authentication_required', 'This account no longer exists');
      const view = presentUser(user);
      await deps.cache?.set(key, JSON.stringify(view), USER_CACHE_TTL_S);
      return view;
    },

    /** Changes the password, signs out every other session and returns a fresh one. */
    async changePassword(actor: Actor, current: string, next: string, userAgent: string | null) {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw new AppError('authentication_required', 'This account no longer exists');
      if (!(await verifyPassword(user.password_hash, current))) {
        throw new AppError('wrong_password', 'The current password is wrong', {
          errors: [{ field: 'currentPassword', message: 'is wrong' }],
        });
      }
      const passwordHash = await hashPassword(next);
      return repo.transaction(async (trx) => {
        await repo.updatePassword(user.id, passwordHash, trx);
        await repo.revokeAllForUser(user.id, trx);
        return issueSession(user, randomUUID(), userAgent, trx);
      });
    },

    async exportData(actor: Actor) {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw new AppError('authentication_required', 'This account no longer exists');
      const sessions = await repo.listSessions(user.id);
      return {
        exportedAt: now().toISOString(),
        format: 'nodeprep-export/1',
        user: presentUser(user),
        sessions: sessions.map((s) => ({
          createdAt: new Date(s.created_at).toISOString(),
          expiresAt: new Date(s.expires_at).toISOString(),
          usedAt: s.used_at ? new Date(s.used_at).toISOString() : null,
          revokedAt: s.revoked_at ? new Date(s.revoked_at).toISOString() : null,
          userAgent: s.user_agent,
        })),
        ...(deps.exportExtras ? await deps.exportExtras(user.id) : {}),
      };
    },

    /** Deletes the account and, by cascade, everything it owns. Needs the password. */
    async deleteAccount(actor: Actor, password: string) {
      const user = await repo.findUserById(actor.userId);
      if (!user) throw new AppError('authentication_required', 'This account no longer exists');
      if (!(await verifyPassword(user.password_hash, password))) {
        throw new AppError('wrong_password', 'The password is wrong', {
          errors: [{ field: 'password', message: 'is wrong' }],
        });
      }
      await repo.deleteUser(user.id);
      await deps.cache?.clear(`user:${user.id}`);
    },

    /** Adds a role to a user (CLI: `nodeprep user promote`). */
    async promote(email: string, role: Role) {
      const user = await repo.findUserByEmail(email);
      if (!user) throw new AppError('not_found', `No user with e-mail ${email}`);
      const next = [...new Set([...user.roles, role])];
      await repo.setRoles(user.id, next);
      await deps.cache?.clear(`user:${user.id}`);
      return presentUser({ ...user, roles: next });
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
