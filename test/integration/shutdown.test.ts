import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

describe('graceful shutdown', { timeout: 120_000 }, () => {
  it('on SIGTERM, finishes the request in flight, refuses new ones, closes the database and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/slow-server.ts'], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
      child.stdout.on('data', () => {
        const m = /ready (http:\/\/\S+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const inFlight = fetch(`${url}/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGTERM');
    const exited = once(child, 'exit');
    const result = await inFlight;
    expect(result).toEqual({ status: 200, body: { finished: true } });
    const [code] = await exited;
    expect(code, out).toBe(0);
    expect(out).toContain('closed database');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
