import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { adminUrl, testDatabaseKind } from '../helpers/databases.js';

describe.runIf(testDatabaseKind === 'postgres')('PostgreSQL connections', () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'postgres', url: adminUrl, poolMax: 1 });
  });
  afterAll(() => database?.close());

  it('prepares a parameterised query text once per connection and reuses it', async () => {
    const marker = `np-prepared-${Date.now()}`;
    const run = () => sql<{ v: string }>`select ${marker}::text as v`.execute(database.db);
    expect((await run()).rows[0]!.v).toBe(marker);
    expect((await run()).rows[0]!.v).toBe(marker);
    // One connection in the pool: the session that ran the query is the one asked here.
    const prepared = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements
      where statement = 'select $1::text as v'`.execute(database.db);
    expect(prepared.rows[0]!.n).toBe(1);
  });

  it('still runs a query without parameters as plain text', async () => {
    const r = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(r.rows[0]!.one).toBe(1);
  });
});
