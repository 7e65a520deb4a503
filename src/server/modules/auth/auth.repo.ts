import type { Kysely, Transaction } from 'kysely';
import type { DB, NewUser, RefreshTokenRow, UserRow } from '../../../db/schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** All SQL about users and their sessions. */
export function authRepo(db: Kysely<DB>) {
  return {
    transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
      return db.transaction().execute(fn);
    },
    findUserByEmail(email: string, ex: Executor = db): Promise<UserRow | undefined> {
      return ex.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },
    findUserById(id: string, ex: Executor = db): Promise<UserRow | undefined> {
      return ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Inserts a user, or returns undefined when the e-mail is taken. */
    async insertUser(user: NewUser, ex: Executor = db): Promise<UserRow | undefined> {
      return ex
        .insertInto('users')
        .values(user)
        .onConflict((oc) => oc.constraint('users_email_unique').doNothing())
        .returningAll()
        .executeTakeFirst();
    },
    async updatePassword(userId: string, passwordHash: string, ex: Executor = db): Promise<void> {
      await ex
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: new Date() })
        .where('id', '=', userId)
        .execute();
    },
    async setRoles(userId: string, roles: string[], ex: Executor = db): Promise<void> {
      await ex.updateTable('users').set({ roles, updated_at: new Date() }).where('id', '=', userId).execute();
    },
    async deleteUser(userId: string, ex: Executor = db): Promise<boolean> {
      const r = await ex.deleteFrom('users').where('id', '=', userId).executeTakeFirst();
      return r.numDeletedRows > 0n;
    },
    async insertRefreshToken(
      row: { userId: string; familyId: string; tokenHash: string; expiresAt: Date; userAgent: string | null },
      ex: Executor = db,
    ): Promise<void> {
      await ex
        .insertInto('refresh_tokens')
        .values({
          user_id: row.userId,
          family_id: row.familyId,
          token_hash: row.tokenHash,
          expires_at: row.expiresAt,
          user_agent: row.userAgent,
        })
        .execute();
    },
    findRefreshToken(tokenHash: string, ex: Executor = db): Promise<RefreshTokenRow | undefined> {
      return ex
        .selectFrom('refresh_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },
    /** Marks a token used; false when it was already used or revoked (a concurrent rotation). */
    async consumeRefreshToken(id: string, ex: Executor = db): Promise<boolean> {
      const r = await ex
        .updateTable('refresh_tokens')
        .set({ used_at: new Date() })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    async revokeFamily(familyId: string, ex: Executor = db): Promise<void> {
      await ex
        .updateTable('refresh_tokens')
        .set({ revoked_at: new Date() })
        .where('family_id', '=', familyId)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async revokeAllForUser(userId: string, ex: Executor = db): Promise<void> {
      await ex
        .updateTable('refresh_tokens')
        .set({ revoked_at: new Date() })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    },
    listSessions(userId: string, ex: Executor = db) {
      return ex
        .selectFrom('refresh_tokens')
        .select(['family_id', 'created_at', 'expires_at', 'used_at', 'revoked_at', 'user_agent'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
    },
  };
}

export type AuthRepo = ReturnType<typeof authRepo>;
