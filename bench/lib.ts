// Helpers shared by the benchmarks: servers in child processes, accounts, a scratch database.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const env = {
  ...process.env,
  NODE_EXTRA_CA_CERTS: '',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_MAX: '1000000000',
};

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server on a free port and resolves when it answers 200 on `readyPath`. */
export async function start(args: string[], extraEnv: Record<string, string>, readyPath = '/readyz') {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...args, '--port', String(port)], {
    env: { ...env, ...extraEnv, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${err}`);
    const ok = await fetch(url + readyPath).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child: child as ChildProcess, url, ms: performance.now() - started };
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function stop(child: ChildProcess) {
  child.removeAllListeners('exit');
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

export async function token(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${Date.now()}@example.com`,
      password: 'bench password 1',
      name: 'Bench',
      client: 'api',
    }),
  });
  if (res.status !== 201) throw new Error(`register answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function postgresUrl(name = 'nodeprep_bench'): Promise<string | undefined> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const u = new URL(ADMIN_URL);
    u.pathname = `/${name}`;
    return u.toString();
  } catch {
    return undefined;
  } finally {
    await admin.end().catch(() => {});
  }
}
