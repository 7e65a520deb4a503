import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.js';
import { runCli } from '../helpers/cli.js';
import { freshDatabase, testDatabaseKind } from '../helpers/databases.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-cli-'));
let pgUrl: string | undefined;
let pgDatabase: (Database & { url?: string }) | undefined;

const cli = (...args: string[]) => runCli({ DATA_DIR: dataDir, DATABASE_URL: pgUrl ?? '' }, ...args);

async function withDb<T>(fn: (d: Database) => Promise<T>): Promise<T> {
  const d = pgUrl
    ? await openDatabase({ kind: 'postgres', url: pgUrl, poolMax: 1 })
    : await openDatabase({ kind: 'embedded', dir: path.join(dataDir, 'pglite') });
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

beforeAll(async () => {
  if (testDatabaseKind === 'postgres') {
    // An empty database: the CLI must create the schema itself.
    pgDatabase = await freshDatabase();
    await sql`drop schema public cascade`.execute(pgDatabase.db);
    await sql`create schema public`.execute(pgDatabase.db);
    pgUrl = pgDatabase.url;
  }
});
afterAll(async () => {
  await pgDatabase?.close();
});

describe('nodeprep CLI', { timeout: 120_000 }, () => {
  it('db migrate applies the migrations once, then reports the database up to date', async () => {
    const first = await cli('db', 'migrate');
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain('applied: 0001-accounts, 0002-content, 0003-study');
    const second = await cli('db', 'migrate');
    expect(second.out).toContain('the database is up to date');
  });

  it('user promote adds a role to an existing user', async () => {
    await withDb((d) =>
      d.db
        .insertInto('users')
        .values({ email: 'lead@example.com', name: 'Lead', password_hash: 'x' })
        .execute(),
    );
    const res = await cli('user', 'promote', 'lead@example.com', 'lead');
    expect(res.code).toBe(0);
    expect(res.out).toContain('lead@example.com now has roles: learner, lead');
    const row = await withDb((d) =>
      d.db
        .selectFrom('users')
        .select('roles')
        .where('email', '=', 'lead@example.com')
        .executeTakeFirstOrThrow(),
    );
    expect(row.roles).toEqual(['learner', 'lead']);
  });

  it('user promote names the problem: unknown user, unknown role', async () => {
    const unknown = await cli('user', 'promote', 'nobody@example.com', 'admin');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('No user with e-mail nobody@example.com');
    const badRole = await cli('user', 'promote', 'lead@example.com', 'king');
    expect(badRole.code).toBe(64);
    expect(badRole.out).toContain('role must be one of: learner, interviewer, lead, admin');
  });

  it('study rebuild rebuilds card states from the review log', async () => {
    const res = await cli('study', 'rebuild');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/rebuilt 0 card states from the review log/);
    // An unreachable Redis (where running servers keep their cached queues) does not stop a rebuild.
    const noRedis = await runCli(
      { DATA_DIR: dataDir, DATABASE_URL: pgUrl ?? '', REDIS_URL: 'redis://127.0.0.1:1' },
      'study',
      'rebuild',
    );
    expect(noRedis.code).toBe(0);
    expect(noRedis.out).toContain('rebuilt 0 card states');
    const unknown = await cli('study', 'rebuild', '--user', 'ghost@example.com');
    expect(unknown.code).toBe(64);
    expect(unknown.out).toContain('no user with e-mail ghost@example.com');
  });

  it('study optimize fits only with enough reviews, and names an unknown user', async () => {
    const few = await cli('study', 'optimize', '--user', 'lead@example.com');
    expect(few.code).toBe(1);
    expect(few.out).toContain('needs at least 400 reviews; you have 0, so 400 more to go');
    const unknown = await cli('study', 'optimize', '--user', 'ghost@example.com');
    expect(unknown.code).toBe(64);
    expect(unknown.out).toContain('no user with e-mail ghost@example.com');
    expect((await cli('study', 'optimize')).code).toBe(64);
  });

  it('a bad environment variable stops the command with its name', async () => {
    const r = await runCli({ DATA_DIR: dataDir, DATABASE_POOL_MAX: 'lots' }, 'db', 'migrate');
    expect(r.code).toBe(1);
    expect(r.out).toContain('DATABASE_POOL_MAX');
  });
});
