// HTTP benchmark: bare Fastify against nodeprep's authenticated GET /api/v1/me, on PGlite and on
// PostgreSQL, plus start-up time on an existing data folder. Prints a table and a JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { postgresUrl, start, stop, token } from './lib.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 50;

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

if (!fs.existsSync('dist/cli/index.js')) throw new Error('build first: npm run build');
const bare = await start(['bench/servers/bare.mjs'], {}, '/');
const floor = await load(bare.url);
await stop(bare.child);

const rows: Record<string, unknown>[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeprep-bench-'));
const pgUrl = await postgresUrl();
for (const [name, extra] of [
  ['pglite', { DATA_DIR: dataDir }],
  ...(pgUrl ? [['postgres', { DATA_DIR: dataDir, DATABASE_URL: pgUrl }]] : []),
] as [string, Record<string, string>][]) {
  const first = await start(['bin/nodeprep.js', 'serve', '--host', '127.0.0.1'], extra);
  await stop(first.child);
  // Start-up to ready on the now existing data folder (migrated, content synced).
  const server = await start(['bin/nodeprep.js', 'serve', '--host', '127.0.0.1'], extra);
  const me = await load(`${server.url}/api/v1/me`, { authorization: `Bearer ${await token(server.url)}` });
  await stop(server.child);
  rows.push({ database: name, startupMs: Math.round(server.ms), ...me, ratio: me.rps / floor.rps });
}
fs.rmSync(dataDir, { recursive: true, force: true });

const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
console.log(
  `machine: ${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(`load: autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per run, same machine\n`);
console.log('target                      req/s     p50 ms  p99 ms  vs bare  start-up');
console.log(
  `bare Fastify hello-world  ${floor.rps.toFixed(0).padStart(8)}  ${String(floor.p50).padStart(7)}  ${String(floor.p99).padStart(6)}     100%`,
);
for (const r of rows) {
  const x = r as {
    database: string;
    rps: number;
    p50: number;
    p99: number;
    ratio: number;
    startupMs: number;
  };
  console.log(
    `GET /api/v1/me (${x.database.padEnd(8)})  ${x.rps.toFixed(0).padStart(8)}  ${String(x.p50).padStart(7)}  ${String(x.p99).padStart(6)}  ${(x.ratio * 100).toFixed(0).padStart(6)}%  ${x.startupMs} ms`,
  );
}
console.log(
  JSON.stringify({
    bench: 'http',
    cpus: os.cpus().length,
    cpu,
    node: process.version,
    bare: floor,
    me: rows,
  }),
);
