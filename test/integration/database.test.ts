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

  it('prepares a statement again when another process changed its table (a migration in a rolling deploy)', async () => {
    const table = `np_shape_${process.pid}_${Date.now()}`;
    const other = await openDatabase({ kind: 'postgres', url: adminUrl, poolMax: 1 });
    try {
      await sql`create table ${sql.table(table)} (id int primary key)`.execute(database.db);
      await sql`insert into ${sql.table(table)} values (1)`.execute(database.db);
      const read = (db = database.db) =>
        sql<Record<string, unknown>>`select * from ${sql.table(table)} where id = ${1}`.execute(db);
      expect((await read()).rows).toEqual([{ id: 1 }]);

      // Outside a transaction: answered at once with the new shape.
      await sql`alter table ${sql.table(table)} add column note text default 'added'`.execute(other.db);
      expect((await read()).rows).toEqual([{ id: 1, note: 'added' }]);

      // Inside one: that transaction fails (it is aborted), the next one works.
      await sql`alter table ${sql.table(table)} add column more int default 7`.execute(other.db);
      await expect(database.db.transaction().execute((trx) => read(trx))).rejects.toThrow(
        /cached plan must not change result type/,
      );
      const again = await database.db.transaction().execute((trx) => read(trx));
      expect(again.rows).toEqual([{ id: 1, note: 'added', more: 7 }]);
    } finally {
      await sql`drop table if exists ${sql.table(table)}`.execute(other.db);
      await other.close();
    }
  });

  it('still runs a query without parameters as plain text', async () => {
    const r = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(r.rows[0]!.one).toBe(1);
  });
});
