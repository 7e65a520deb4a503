import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCgroups } from '../../src/runner/cgroups.js';
import { snippetJob } from '../../src/runner/jobs.js';
import { createRunner, type Runner, SandboxUnavailableError } from '../../src/runner/runner.js';
import { detectSandbox } from '../../src/runner/sandbox.js';

/**
 * Hostile programs: each must be stopped or refused, reported with a clear status, and leave
 * the host untouched. The runner is the real one (bubblewrap where the machine has it).
 */
const detected = detectSandbox();
const probe = detectCgroups();
const cgroupsHere = probe !== null;
await probe?.close();
const isolated = detected.mode === 'bubblewrap';
let runner: Runner;

const run = async (code: string, options: { timeoutMs?: number; module?: 'esm' | 'cjs' } = {}) =>
  runner.run(await snippetJob(code, 'javascript', options));

beforeAll(() => {
  process.env.NODEPREP_RUNNER_TEST_SECRET = 'do-not-leak-0f9c2';
  // Generous for ordinary programs: in `npm test` these run beside the full content check, which
  // keeps both cores busy. Tests about the time limit set their own.
  runner = createRunner({ poolSize: 2, timeoutMs: 5000 });
});
afterAll(async () => {
  delete process.env.NODEPREP_RUNNER_TEST_SECRET;
  await runner.close();
});

it.runIf(process.env.RUNNER_SANDBOX === 'strict')(
  'runs in bubblewrap where the sandbox is required (CI)',
  () => {
    expect(detected).toEqual(expect.objectContaining({ mode: 'bubblewrap' }));
  },
);

describe(`runner containment (${detected.mode}${detected.reason ? `: ${detected.reason}` : ''})`, () => {
  it('runs ordinary code with real timers, nextTick, setImmediate and streams', async () => {
    const r = await run(`
      import { Readable } from 'node:stream';
      setTimeout(() => console.log('timeout'), 0);
      setImmediate(() => console.log('immediate'));
      process.nextTick(() => console.log('tick'));
      Promise.resolve().then(() => console.log('promise'));
      console.log(await Readable.from(['a', 'b']).toArray());
    `);
    expect(r.status).toBe('ok');
    // In an ES module the module body itself runs in a promise job, so promises come first.
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['promise', 'tick', "[ 'a', 'b' ]"]);
    expect(r.sandbox).toBe(detected.mode);
  });

  it('runs CommonJS the way `node main.cjs` does: nextTick callbacks before promise callbacks', async () => {
    const r = await run(
      `process.nextTick(() => console.log('tick'));
       Promise.resolve().then(() => console.log('promise'));
       console.log('sync', typeof require, typeof module);`,
      { module: 'cjs' },
    );
    expect(r.stdout).toBe('sync function object\ntick\npromise\n');
  });

  it('stops an infinite loop at the time limit, and the next run works', async () => {
    const r = await run('while (true) {}', { timeoutMs: 500 });
    expect(r.status).toBe('timeout');
    expect(r.stderr).toContain('ran longer than 500 ms');
    expect((await run('console.log("next")')).stdout).toBe('next\n');
  });

  it('stops while(true) inside a promise chain', async () => {
    const r = await run('Promise.resolve().then(() => { while (true) {} }); console.log("started")', {
      timeoutMs: 500,
    });
    expect(r.status).toBe('timeout');
    expect(r.stdout).toBe('started\n');
  });

  it('stops a heap memory bomb with status memory', async () => {
    const r = await run('const a = []; for (;;) a.push({ n: Math.random(), s: "x".repeat(100) });', {
      timeoutMs: 10_000,
    });
    expect(r.status).toBe('memory');
    expect(r.stderr).toContain('ran out of memory');
  });

  it.runIf(cgroupsHere)(
    'stops a Buffer memory bomb (memory outside the V8 heap) with status memory',
    async () => {
      const r = await run(
        'const a = []; for (let i = 0; i < 100; i++) a.push(Buffer.alloc(64 * 1024 * 1024, 1));',
        {
          timeoutMs: 10_000,
        },
      );
      expect(r.status).toBe('memory');
    },
  );

  it('refuses a fork bomb through child_process', async () => {
    const r = await run(`
      import { spawn } from 'node:child_process';
      const bomb = () => { spawn(process.execPath, ['-e', '0']); bomb(); };
      bomb();
    `);
    expect(r.status).toBe('error');
    expect(r.stderr).toMatch(/ERR_ACCESS_DENIED|restricted/);
  });

  it('refuses worker threads and native addons', async () => {
    const worker = await run(
      `import { Worker } from 'node:worker_threads'; new Worker('1', { eval: true });`,
    );
    expect(worker.status).toBe('error');
    expect(worker.stderr).toMatch(/ERR_ACCESS_DENIED|restricted/);
    const addon = await run(`process.dlopen({ exports: {} }, '/usr/lib/x86_64-linux-gnu/libc.so.6');`);
    expect(addon.status).toBe('error');
  });

  it('cannot write outside its scratch folder, and can write inside it', async () => {
    const outside = path.join(os.tmpdir(), `nodeprep-escape-${process.pid}`);
    const r = await run(`
      import fs from 'node:fs';
      fs.writeFileSync('inside.txt', 'ok');
      console.log(fs.readFileSync('inside.txt', 'utf8'));
      for (const f of [${JSON.stringify(outside)}, '/etc/nodeprep-escape', '/work/../escape']) {
        try { fs.writeFileSync(f, 'x'); console.log('WROTE', f); } catch (e) { console.log('denied', e.code); }
      }
    `);
    expect(r.status).toBe('ok');
    expect(r.stdout).toContain('ok\n');
    expect(r.stdout).not.toContain('WROTE');
    expect(fs.existsSync(outside)).toBe(false);
  });

  it("cannot read /etc/passwd, the app's data folder or the app's secrets", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeprep-data-'));
    fs.writeFileSync(path.join(dataDir, 'secrets.json'), '{"jwtSecret":"do-not-leak-0f9c2"}');
    try {
      const r = await run(`
        import fs from 'node:fs';
        for (const f of ['/etc/passwd', ${JSON.stringify(path.join(dataDir, 'secrets.json'))}, '/proc/1/environ']) {
          try { console.log('READ', fs.readFileSync(f, 'utf8').slice(0, 50)); } catch (e) { console.log('denied', e.code); }
        }
        console.log(JSON.stringify(process.env));
      `);
      expect(r.status).toBe('ok');
      expect(r.stdout).not.toContain('READ');
      expect(r.stdout).not.toContain('do-not-leak');
      expect(r.stdout).not.toContain('NODE_EXTRA_CA_CERTS');
      expect(Object.keys(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).sort()).toEqual(
        expect.arrayContaining(['PATH']),
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('cannot follow a symlink out of the scratch folder', async () => {
    const r = await run(`
      import fs from 'node:fs';
      try { fs.symlinkSync('/etc/passwd', 'link'); console.log('LINKED', fs.readFileSync('link', 'utf8').slice(0, 20)); }
      catch (e) { console.log('denied', e.code); }
    `);
    expect(r.stdout).not.toContain('LINKED');
    expect(r.stdout).toContain('denied');
  });

  it.runIf(isolated)(
    "cannot open a socket to PostgreSQL or to a port on the host (the app's own)",
    async () => {
      let connections = 0;
      const server = net.createServer((s) => {
        connections++;
        s.destroy();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as net.AddressInfo).port;
      try {
        const r = await run(`
          import net from 'node:net';
          for (const port of [5432, ${port}]) {
            await new Promise((resolve) => {
              const s = net.connect(port, '127.0.0.1');
              s.on('connect', () => { console.log('CONNECTED', port); s.destroy(); resolve(); });
              s.on('error', (e) => { console.log('refused', port, e.code); resolve(); });
            });
          }
        `);
        expect(r.stdout).not.toContain('CONNECTED');
        expect(r.stdout).toContain('refused 5432');
        expect(connections).toBe(0);
      } finally {
        server.close();
      }
    },
  );

  it.runIf(isolated)(
    'has no network at all: names do not resolve and outside addresses are unreachable',
    async () => {
      const r = await run(`
      import dns from 'node:dns/promises';
      import net from 'node:net';
      try { await dns.lookup('registry.npmjs.org'); console.log('RESOLVED'); } catch (e) { console.log('no dns', e.code); }
      await new Promise((resolve) => {
        const s = net.connect(53, '1.1.1.1');
        s.on('connect', () => { console.log('CONNECTED'); s.destroy(); resolve(); });
        s.on('error', (e) => { console.log('unreachable', e.code); resolve(); });
      });
    `);
      expect(r.status).toBe('ok');
      expect(r.stdout).not.toMatch(/RESOLVED|CONNECTED/);
      expect(r.stdout).toContain('no dns');
      expect(r.stdout).toContain('unreachable');
    },
  );

  it("cannot change the packages it may import, and cannot see the app's sources", async () => {
    const sources = path.resolve('src/server/app.ts');
    const r = await run(`
      import fs from 'node:fs';
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      let pkg;
      try { pkg = require.resolve('zod'); console.log('found zod'); } catch (e) { console.log('no zod', e.code); }
      for (const f of [pkg, pkg && pkg.replace(/[^/]+$/, 'planted.js')].filter(Boolean)) {
        try { fs.writeFileSync(f, 'x'); console.log('WROTE', f); } catch (e) { console.log('denied', e.code); }
      }
      try { console.log('READ', fs.readFileSync(${JSON.stringify(sources)}, 'utf8').length); } catch (e) { console.log('denied', e.code); }
    `);
    expect(r.status).toBe('ok');
    expect(r.stdout).not.toMatch(/WROTE|READ/);
    expect(r.stdout).toContain('denied');
  });

  it('reads an empty standard input instead of waiting for one that never comes', async () => {
    const r = await run(`
      import readline from 'node:readline';
      const lines = [];
      for await (const line of readline.createInterface({ input: process.stdin })) lines.push(line);
      console.log('lines:', lines.length);
    `);
    expect(r.status).toBe('ok');
    expect(r.stdout).toBe('lines: 0\n');
  });

  it('fills its private scratch space and is stopped by it, the host disk untouched', async () => {
    const r = await run(`
      import fs from 'node:fs';
      let written = 0;
      try {
        for (let i = 0; i < 1000; i++) { fs.writeFileSync('f' + i, Buffer.alloc(1024 * 1024)); written++; }
        console.log('WROTE ALL');
      } catch (e) { console.log('stopped', e.code, written); }
    `);
    expect(r.stdout).not.toContain('WROTE ALL');
    expect(r.stdout).toMatch(/stopped E\w+ \d+/);
  });

  it('cuts huge output at the limit and says so', async () => {
    const r = await run('for (;;) console.log("x".repeat(1000));');
    expect(r.status).toBe('output-limit');
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBeLessThanOrEqual(64 * 1024);
    expect(r.stderr).toContain('output passed');
  });

  it('process.kill(process.ppid) and kill(-1) reach nothing outside the run', async () => {
    const neighbour = run('await new Promise((r) => setTimeout(r, 600)); console.log("survived")');
    const r1 = await run('process.kill(process.ppid, "SIGKILL"); console.log("sent")');
    const r2 = await run('try { process.kill(-1, "SIGKILL"); } catch (e) { console.log(e.code); }');
    expect(['ok', 'error']).toContain(r1.status);
    expect(['ok', 'error']).toContain(r2.status);
    expect((await neighbour).stdout).toBe('survived\n');
    expect(process.ppid).toBeGreaterThan(0);
  });

  it('cannot see another run’s scratch folder, even one running at the same time', async () => {
    const first = run(`
      import fs from 'node:fs';
      fs.writeFileSync('secret.txt', 'mine-4c1d');
      await new Promise((r) => setTimeout(r, 700));
      console.log(fs.readFileSync('secret.txt', 'utf8'));
    `);
    await new Promise((r) => setTimeout(r, 200));
    const second = await run(`
      import fs from 'node:fs';
      console.log(fs.readdirSync('.').join(','));
      try { console.log(fs.readFileSync('secret.txt', 'utf8')); } catch (e) { console.log(e.code); }
    `);
    expect(second.stdout).not.toContain('mine-4c1d');
    expect((await first).stdout).toBe('mine-4c1d\n');
  });

  it('cannot reach internals through process.binding', async () => {
    const r = await run(
      `try { process.binding('fs'); console.log('BOUND'); } catch (e) { console.log('refused', e.code); }`,
    );
    expect(r.stdout).not.toContain('BOUND');
  });

  it('caps the size of a file written in the scratch folder', async () => {
    const r = await run(`
      import fs from 'node:fs';
      try { fs.writeFileSync('big', Buffer.alloc(64 * 1024 * 1024)); console.log('WROTE'); }
      catch (e) { console.log('refused', e.code); }
    `);
    expect(r.stdout).not.toContain('WROTE');
  });

  it('grades node:test files with per-test results in file order', async () => {
    const g = await runner.grade({
      files: {
        'submission.mjs': 'export const add = (a, b) => a + b;',
        'tests.mjs': `
          import test, { describe, it } from 'node:test';
          import assert from 'node:assert/strict';
          import { add } from './submission.mjs';
          test('adds', () => assert.equal(add(1, 2), 3));
          describe('edge cases', () => {
            it('adds negatives', () => assert.equal(add(-1, -2), -3));
            it('is wrong on purpose', () => assert.equal(add(1, 1), 3));
          });
          test('is last', () => {});
        `,
      },
      entry: 'tests.mjs',
    });
    expect(g.status).toBe('failed');
    expect(g.tests.map((t) => [t.name, t.status])).toEqual([
      ['adds', 'pass'],
      ['edge cases › adds negatives', 'pass'],
      ['edge cases › is wrong on purpose', 'fail'],
      ['is last', 'pass'],
    ]);
    expect(g.tests[2]!.message).toContain('2 !== 3');
    expect([g.passed, g.total]).toEqual([3, 4]);
  });

  it('reports a submission that does not load as an error with no tests', async () => {
    const g = await runner.grade({
      files: { 'submission.mjs': 'export const = ;', 'tests.mjs': "import './submission.mjs';" },
      entry: 'tests.mjs',
    });
    expect(g.status).toBe('error');
    expect(g.total).toBe(0);
    expect(g.stderr).toContain('SyntaxError');
  });
});

/** Every descendant of `root` (through /proc), with its command line. */
function descendants(root: number): { pid: number; cmd: string }[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  const out: { pid: number; cmd: string }[] = [];
  for (const [pid] of parentOf) {
    for (let p = parentOf.get(pid); p; p = parentOf.get(p)) {
      if (p === root) {
        try {
          out.push({ pid, cmd: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ') });
        } catch {}
        break;
      }
    }
  }
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

describe('when the server dies', () => {
  it('its sandboxed runs die with it, even a run that never ends', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/runner-parent.ts'], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      parent.stdout!.on('data', (d) => String(d).includes('running') && resolve()),
    );
    const runs = descendants(parent.pid!).filter((p) => p.cmd.includes('harness.mjs'));
    expect(runs.length).toBeGreaterThan(0);
    parent.kill('SIGKILL');
    await new Promise((r) => parent.once('exit', r));
    for (let i = 0; i < 50 && runs.some((p) => alive(p.pid)); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(runs.filter((p) => alive(p.pid))).toEqual([]);
  }, 30_000);
});

describe('the weaker mode', () => {
  it('is refused when strict', () => {
    expect(() =>
      createRunner({ strict: true, sandbox: { mode: 'weak', reason: 'no bubblewrap here' } }),
    ).toThrow(SandboxUnavailableError);
  });

  it('still runs code behind the permission model, says so, and denies reads outside', async () => {
    const weak = createRunner({ poolSize: 1, sandbox: { mode: 'weak', reason: 'testing the weaker mode' } });
    try {
      const r = await weak.run(
        await snippetJob(
          `import fs from 'node:fs';
           try { fs.readFileSync('/etc/passwd'); console.log('READ'); } catch (e) { console.log('denied', e.code); }
           fs.writeFileSync('here.txt', 'ok'); console.log(fs.readFileSync('here.txt', 'utf8'));`,
          'javascript',
        ),
      );
      expect(r.sandbox).toBe('weak');
      expect(r.stdout).toBe('denied ERR_ACCESS_DENIED\nok\n');
    } finally {
      await weak.close();
    }
  });
});

describe('a snippet with its own node:test tests', () => {
  it('is failed when one of them fails, ok when all pass', async () => {
    const failing = await run(`import test from 'node:test'; import assert from 'node:assert';
      test('one', () => assert.equal(1, 2));`);
    expect(failing.status).toBe('failed');
    const passing = await run(`import test from 'node:test'; test('one', () => {});`);
    expect(passing.status).toBe('ok');
  });
});

describe('what counts as running out of memory', () => {
  it('a stack overflow is an error in the program, not a memory limit', async () => {
    const r = await run('const f = () => f(); f();');
    expect(r.status).toBe('error');
    expect(r.stderr).toContain('Maximum call stack size exceeded');
  });
});
