import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { migrations } from './migrations/index.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export interface Database {
  readonly db: Kysely<DB>;
  readonly kind: 'embedded' | 'postgres';
  /** The PGlite instance in embedded mode. */
  readonly pglite?: PGlite;
  /** Resolves when the database answers a trivial query. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Called for errors on idle pooled connections (they must never crash the process). */
  onPoolError?: (err: Error) => void;
  /** Loads a PGlite data folder from a dump instead of a directory (tests). */
  pgliteDump?: Blob;
}

/** Opens PGlite (embedded) or a pg pool (postgres) behind one Kysely instance. */
export async function openDatabase(
  settings: Config['database'],
  options: OpenOptions = {},
): Promise<Database> {
  if (settings.kind === 'embedded') {
    const pglite = options.pgliteDump
      ? await PGlite.create({ loadDataDir: options.pgliteDump })
      : await openPGliteDir(settings.dir);
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      kind: 'embedded',
      pglite,
      async ping() {
        await sql`select 1`.execute(db);
      },
      async close() {
        await db.destroy();
        await pglite.close();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.poolMax,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
  });
  // A lost connection must never crash the process: report it; the pool reconnects on demand.
  const report = (err: Error) => options.onPoolError?.(err);
  pool.on('error', report);
  pool.on('connect', (client) => {
    client.on('error', report);
    usePreparedStatements(client);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async ping(timeoutMs = 2000) {
      const client = await pool.connect();
      try {
        await client.query({ text: 'select 1', query_timeout: timeoutMs } as pg.QueryConfig);
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Names given to query texts so far (all connections); past the cap new texts go unprepared. */
const statementNames = new Map<string, string>();
const MAX_PREPARED = 2000;

const TRANSACTION_STARTS = /^\s*(begin|start\s+transaction)\b/i;
// `rollback to savepoint` stays inside the transaction.
const TRANSACTION_ENDS = /^\s*(commit|end|abort|rollback(?!\s+to\b))\b/i;

/** PostgreSQL's answer when a table a prepared statement reads changed shape since it was prepared. */
const isStalePlan = (err: unknown) =>
  (err as { code?: string })?.code === '0A000' &&
  /cached plan must not change result type/.test((err as Error).message);

/**
 * Kysely sends the same SQL text for the same query shape, so each connection prepares a text
 * once (a named statement) and PostgreSQL skips parsing and planning it again. Texts with
 * no parameters, very long ones and any beyond the cap (say, IN lists of every length) are sent
 * as before.
 *
 * A migration run by another process (a new instance in a rolling deploy) can change a table
 * under statements this connection prepared; PostgreSQL then refuses them. The text is prepared
 * again under a new name on this connection and, outside a transaction, run again at once; inside
 * one the error stands (the transaction is aborted) and the next attempt uses the new name.
 */
function usePreparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const renamed = new Map<string, string>();
  let inTransaction = false;
  client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text === 'string' && text.length < 100) {
      if (TRANSACTION_STARTS.test(text)) inTransaction = true;
      else if (TRANSACTION_ENDS.test(text)) inTransaction = false;
    }
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && text.length <= 10_000) {
      let name = statementNames.get(text);
      if (!name && statementNames.size < MAX_PREPARED) {
        name = `np_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
        statementNames.set(text, name);
      }
      if (name && callback === undefined) {
        const named = renamed.get(text) ?? name;
        return (query({ name: named, text, values }) as Promise<unknown>).catch((err: unknown) => {
          if (!isStalePlan(err)) throw err;
          const fresh = `${name}_${randomBytes(4).toString('hex')}`;
          renamed.set(text, fresh);
          if (inTransaction) throw err;
          return query({ name: fresh, text, values });
        });
      }
      if (name) return query({ name: renamed.get(text) ?? name, text, values }, callback);
    }
    return query(text, values, callback);
  }) as typeof client.query;
}

async function openPGliteDir(dir: string): Promise<PGlite> {
  if (dir.startsWith('memory://')) return PGlite.create(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return PGlite.create(dir);
}

/** Applies every pending migration; returns the names applied. Throws on the first failure. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
