import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type Database, migrateToLatest, openDatabase } from '../../src/db/database.js';

/**
 * Test databases. TEST_DATABASE=postgres uses the real server at TEST_DATABASE_URL (a throwaway
 * database per test file, cloned from a migrated template made once per run); otherwise PGlite,
 * loaded from a migrated data folder dumped once per run.
 */
export const testDatabaseKind = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'embedded';
export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const testRedisUrl = process.env.TEST_REDIS_URL;
const cacheDir = path.resolve('.cache');
const dumpFile = path.join(cacheDir, 'pglite-template.tar');
const runId = process.env.NODEPREP_TEST_RUN ?? String(process.pid);
export const templateName = `nodeprep_test_${runId}_template`;

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Run once per test run: builds the migrated template. */
export async function prepareTemplate(): Promise<() => Promise<void>> {
  if (testDatabaseKind === 'postgres') {
    await admin((c) => c.query(`drop database if exists ${templateName}`));
    await admin((c) => c.query(`create database ${templateName}`));
    const database = await openDatabase({
      kind: 'postgres',
      url: withDatabaseName(adminUrl, templateName),
      poolMax: 2,
    });
    await migrateToLatest(database.db);
    await database.close();
    return async () => {
      await admin(async (c) => {
        const { rows } = await c.query<{ datname: string }>(
          `select datname from pg_database where datname like $1`,
          [`nodeprep_test_${runId}_%`],
        );
        for (const row of rows) await c.query(`drop database if exists ${row.datname} with (force)`);
      });
    };
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const database = await openDatabase({ kind: 'embedded', dir: 'memory://' });
  await migrateToLatest(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return async () => {};
}

let counter = 0;
/** A fresh, migrated database for one test file. */
export async function freshDatabase(): Promise<Database & { url?: string }> {
  if (testDatabaseKind === 'postgres') {
    const name = `nodeprep_test_${runId}_${process.pid}_${counter++}`;
    await admin((c) => c.query(`create database ${name} template ${templateName}`));
    const url = withDatabaseName(adminUrl, name);
    const database = await openDatabase({ kind: 'postgres', url, poolMax: 10 });
    return Object.assign(database, { url });
  }
  const dump = new Blob([fs.readFileSync(dumpFile)]);
  return openDatabase({ kind: 'embedded', dir: '' }, { pgliteDump: dump });
}

export { dumpFile };
