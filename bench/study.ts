// Study benchmark: GET /api/v1/study/queue and POST /api/v1/reviews under load, on PostgreSQL
// and PGlite, then a count of the stored reviews against every acknowledged one.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { postgresUrl, start, stop, token } from './lib.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 50;

async function cardIds(base: string): Promise<string[]> {
  const res = await fetch(`${base}/api/v1/cards?limit=100&kind=card`);
  return ((await res.json()) as { data: { id: string }[] }).data.map((c) => c.id);
}

async function run(name: string, extra: Record<string, string>) {
  const server = await start(['bin/nodeprep.js', 'serve', '--host', '127.0.0.1'], extra);
  try {
    const auth = { authorization: `Bearer ${await token(server.url)}` };
    const queue = await autocannon({
      url: `${server.url}/api/v1/study/queue`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: auth,
    });
    const cards = await cardIds(server.url);
    const acknowledged = new Set<string>();
    let sent = 0;
    const instance = autocannon({
      url: `${server.url}/api/v1/reviews`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          setupRequest: (req) => {
            const id = randomUUID();
            sent++;
            const cardId = cards[sent % cards.length]!;
            return {
              ...req,
              body: JSON.stringify({
                id,
                cardId,
                rating: (['again', 'hard', 'good', 'easy'] as const)[sent % 4],
              }),
            };
          },
          onResponse: (status, body) => {
            if (status === 201) acknowledged.add((JSON.parse(body) as { review: { id: string } }).review.id);
          },
        },
      ],
    });
    const reviews = await instance;
    // Count what the database holds for this user against what the server acknowledged.
    const stored = await fetch(`${server.url}/api/v1/me/export`, { headers: auth }).then(
      async (r) => new Set(((await r.json()) as { reviews: { id: string }[] }).reviews.map((x) => x.id)),
    );
    const missing = [...acknowledged].filter((id) => !stored.has(id)).length;
    return {
      database: name,
      queue: {
        rps: queue.requests.average,
        p50: queue.latency.p50,
        p99: queue.latency.p99,
        non2xx: queue.non2xx,
      },
      reviews: {
        rps: reviews.requests.average,
        p50: reviews.latency.p50,
        p99: reviews.latency.p99,
        non2xx: reviews.non2xx,
        acknowledged: acknowledged.size,
        stored: stored.size,
        missing,
      },
    };
  } finally {
    await stop(server.child);
  }
}

if (!fs.existsSync('dist/cli/index.js')) throw new Error('build first: npm run build');
// autocannon runs on the same machine and competes with the server (and the database) for the
// cores, so the load average around the run is printed with the figures.
const loadBefore = os.loadavg()[0]!;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeprep-bench-study-'));
const results = [];
const pgUrl = await postgresUrl('nodeprep_bench_study');
if (pgUrl) results.push(await run('postgres', { DATA_DIR: dataDir, DATABASE_URL: pgUrl }));
results.push(await run('pglite', { DATA_DIR: dataDir }));
fs.rmSync(dataDir, { recursive: true, force: true });

const load = `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`;
console.log(
  `machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, Node ${process.version}; autocannon ${CONNECTIONS} connections, ${DURATION_S} s each, on the same machine; ${load}\n`,
);
console.log(
  'database   route                     req/s   p50 ms  p99 ms  non-2xx  acknowledged  stored  missing',
);
for (const r of results) {
  console.log(
    `${r.database.padEnd(9)}  GET /api/v1/study/queue  ${r.queue.rps.toFixed(0).padStart(6)}  ${String(r.queue.p50).padStart(6)}  ${String(r.queue.p99).padStart(6)}  ${String(r.queue.non2xx).padStart(7)}`,
  );
  console.log(
    `${r.database.padEnd(9)}  POST /api/v1/reviews     ${r.reviews.rps.toFixed(0).padStart(6)}  ${String(r.reviews.p50).padStart(6)}  ${String(r.reviews.p99).padStart(6)}  ${String(r.reviews.non2xx).padStart(7)}  ${String(r.reviews.acknowledged).padStart(12)}  ${String(r.reviews.stored).padStart(6)}  ${String(r.reviews.missing).padStart(7)}`,
  );
}
console.log(
  JSON.stringify({
    bench: 'study',
    cpus: os.cpus().length,
    node: process.version,
    load: [loadBefore, os.loadavg()[0]],
    results,
  }),
);
