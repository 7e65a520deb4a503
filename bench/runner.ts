// Runner benchmark: the floor (a bare `node -e 0` spawn), a predict-the-output answer over HTTP,
// a 10-test exercise submission over HTTP, and sustained runs per second with every run checked.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, stop, token } from './lib.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const round = (n: number) => Math.round(n * 10) / 10;

function spawnFloor(): number[] {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { env: { PATH: process.env.PATH ?? '/usr/bin' } });
    times.push(performance.now() - t);
  }
  return times;
}

async function timed(samples: number, fn: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

async function postJson(url: string, auth: string, body: unknown) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

if (!fs.existsSync('dist/cli/index.js')) throw new Error('build first: npm run build');
const loadBefore = os.loadavg()[0]!;
const floor = spawnFloor();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeprep-bench-runner-'));
const server = await start(['bin/nodeprep.js', 'serve', '--host', '127.0.0.1'], {
  DATA_DIR: dataDir,
  RUNS_PER_MINUTE: '1000000000',
});
let out: Record<string, unknown>;
try {
  const auth = `Bearer ${await token(server.url)}`;
  const ready = (await (await fetch(`${server.url}/readyz`)).json()) as {
    checks: { runner: { sandbox: string } };
  };

  // A predict-the-output card with one expected output.
  const cards = (await (
    await fetch(`${server.url}/api/v1/cards?kind=predict&topic=event-loop&limit=100`)
  ).json()) as {
    data: { id: string }[];
  };
  const predictId = cards.data[0]!.id;
  const predictOnce = async () => {
    const r = await postJson(`${server.url}/api/v1/cards/${predictId}/answers`, auth, { output: 'a guess' });
    if (r.status !== 200 || (r.json.actual as { status: string }).status !== 'ok')
      throw new Error(`predict answer failed: ${r.status} ${JSON.stringify(r.json)}`);
  };
  await predictOnce();
  const predict = await timed(SAMPLES, predictOnce);

  // A submission of an exercise with 10 hidden tests.
  const exerciseId = 'di-container';
  const solution = fs.readFileSync(path.join('content/exercises', exerciseId, 'solution.mjs'), 'utf8');
  let tests = 0;
  const submitOnce = async () => {
    const r = await postJson(`${server.url}/api/v1/exercises/${exerciseId}/submissions`, auth, {
      code: solution,
    });
    const result = r.json.result as { status: string; total: number };
    if (r.status !== 201 || result.status !== 'ok')
      throw new Error(`submission failed: ${JSON.stringify(r.json)}`);
    tests = result.total;
  };
  await submitOnce();
  const submission = await timed(Math.min(SAMPLES, 20), submitOnce);

  // Sustained: CLIENTS clients send runs back to back; each run prints its own number, and each
  // answer is checked against it, so a lost, mixed-up or failed run is counted.
  let sent = 0;
  let good = 0;
  let failed = 0;
  const until = performance.now() + DURATION_S * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const n = sent++;
      const r = await postJson(`${server.url}/api/v1/runs`, auth, { code: `console.log(${n})` });
      if (r.status === 200 && r.json.status === 'ok' && r.json.stdout === `${n}\n`) good++;
      else failed++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - t0) / 1000;

  out = {
    sandbox: ready.checks.runner.sandbox,
    floor: { p50: round(pct(floor, 50)), p99: round(pct(floor, 99)) },
    predict: { p50: round(pct(predict, 50)), p99: round(pct(predict, 99)) },
    submission: { tests, p50: round(pct(submission, 50)), p99: round(pct(submission, 99)) },
    sustained: {
      clients: CLIENTS,
      seconds: round(seconds),
      sent,
      ok: good,
      failed,
      runsPerS: round(good / seconds),
    },
  };
} finally {
  await stop(server.child);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const o = out as {
  sandbox: string;
  floor: { p50: number; p99: number };
  predict: { p50: number; p99: number };
  submission: { tests: number; p50: number; p99: number };
  sustained: { clients: number; seconds: number; sent: number; ok: number; failed: number; runsPerS: number };
};
console.log(
  `machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, Node ${process.version}; sandbox ${o.sandbox}; load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after\n`,
);
console.log('measure                                          p50 ms   p99 ms   target');
console.log(
  `bare \`node -e 0\` spawn (the floor)              ${String(o.floor.p50).padStart(7)}  ${String(o.floor.p99).padStart(7)}`,
);
console.log(
  `predict-the-output answer over HTTP             ${String(o.predict.p50).padStart(7)}  ${String(o.predict.p99).padStart(7)}   p50 <= ${round(Math.min(2 * o.floor.p50, 150))} (2x floor, <= 150)`,
);
console.log(
  `exercise submission, ${o.submission.tests} tests, over HTTP       ${String(o.submission.p50).padStart(7)}  ${String(o.submission.p99).padStart(7)}   p50 <= 400`,
);
console.log(
  `\nsustained: ${o.sustained.runsPerS} runs/s over ${o.sustained.seconds} s from ${o.sustained.clients} clients; ${o.sustained.ok} ok, ${o.sustained.failed} failed or wrong, of ${o.sustained.sent} sent (target >= 10 runs/s, none failed)`,
);
console.log(JSON.stringify({ bench: 'runner', cpus: os.cpus().length, node: process.version, ...o }));
