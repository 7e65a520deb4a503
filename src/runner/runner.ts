import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CgroupLimiter, detectCgroups, type RunGroup } from './cgroups.js';
import { detectSandbox, type Limits, type SandboxInfo, sandboxCommand } from './sandbox.js';
import type { GradedResult, RunJob, RunResult, RunStatus, TestResult } from './types.js';

export interface RunnerOptions {
  /** Processes kept started ahead of demand; defaults to the number of cores. */
  poolSize?: number;
  /** Wall-clock limit when a job names none. */
  timeoutMs?: number;
  /** V8 heap cap per run. */
  memoryMb?: number;
  /** stdout and stderr together are cut here and the run is stopped. */
  outputLimitBytes?: number;
  /** Refuse to start without bubblewrap instead of running in the weaker mode. */
  strict?: boolean;
  /** Where the weaker mode makes its scratch folders. */
  scratchRoot?: string;
  /** Use this sandbox instead of detecting one (tests of the weaker mode). */
  sandbox?: SandboxInfo;
  /** Memory limit for everything a run allocates (Buffers too), where cgroups can be used. */
  totalMemoryMb?: number;
  /** Set false to skip cgroups even where they are available. */
  cgroups?: boolean;
  /** Start the pool at once (the default) or with the first run. */
  warmAtStart?: boolean;
}

/** Enters the cgroups named by the first arguments, then becomes the command after them. */
const ENTER_GROUPS =
  'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 125; shift; n=$((n-1)); done; exec "$@"';

export interface Runner {
  readonly sandbox: SandboxInfo;
  /** Which control groups limit memory and processes, if any. */
  readonly cgroups: 'v1' | 'v2' | 'none';
  /** Runs a program once and reports what happened; never throws for anything the program does. */
  run(job: RunJob): Promise<RunResult>;
  /** Runs a program that uses node:test and reports each test in file order. */
  grade(job: RunJob): Promise<GradedResult>;
  /** Starts the pool's processes now instead of at the first run. */
  warm(): void;
  close(): Promise<void>;
}

export class SandboxUnavailableError extends Error {
  override name = 'SandboxUnavailableError';
}

interface Warm {
  child: ChildProcess;
  group: RunGroup | null;
  scratch: string | null;
  exited: boolean;
  /** Output written before a job was handed over (only a broken start writes any). */
  early: string;
}

/** No run may last longer than this, whatever its job says. */
export const MAX_TIMEOUT_MS = 60_000;

const MEMORY_PATTERNS = [
  /JavaScript heap out of memory/,
  /Reached heap limit/,
  /std::bad_alloc/,
  /Array buffer allocation failed/,
  /could not allocate memory/i,
];

function killGroup(child: ChildProcess) {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * Runs untrusted learner code, one single-use process per run, in a sandbox (see sandbox.ts).
 * A pool of processes is started ahead of demand, each already waiting for its job, so a run
 * costs only the program itself.
 */
export function createRunner(options: RunnerOptions = {}): Runner {
  const sandbox = options.sandbox ?? detectSandbox();
  if (sandbox.mode !== 'bubblewrap' && options.strict) {
    throw new SandboxUnavailableError(
      `learner code cannot be run safely here (${sandbox.reason}); install bubblewrap or set RUNNER_SANDBOX=auto to accept the weaker mode`,
    );
  }
  const poolSize = options.poolSize ?? os.availableParallelism();
  const defaultTimeoutMs = options.timeoutMs ?? 5000;
  const memoryMb = options.memoryMb ?? 128;
  const outputLimit = options.outputLimitBytes ?? 64 * 1024;
  const scratchRoot = options.scratchRoot ?? path.join(os.tmpdir(), `nodeprep-runner-${process.pid}`);
  // The wall clock is the limit that matters; the CPU limit is a backstop that holds even if
  // this process dies without killing its children.
  const limits: Limits = {
    memoryMb,
    cpuSeconds: Math.ceil(MAX_TIMEOUT_MS / 1000) + 1,
    fileSizeBytes: 8 * 1024 * 1024,
    openFiles: 256,
    scratchBytes: 32 * 1024 * 1024,
  };
  const pooled: Warm[] = [];
  let closed = false;
  let counter = 0;
  let recentFailures = 0;
  const cgroups: CgroupLimiter | null = options.cgroups === false ? null : detectCgroups();
  const groupLimits = { memoryBytes: (options.totalMemoryMb ?? memoryMb * 2) * 1024 * 1024, pids: 64 };

  const spawnWarm = (addons = false): Warm => {
    let scratch: string | null = null;
    if (sandbox.mode !== 'bubblewrap') {
      scratch = path.join(scratchRoot, `run-${counter++}`);
      fs.mkdirSync(scratch, { recursive: true, mode: 0o700 });
    }
    const cmd = sandboxCommand(sandbox, limits, scratch ?? '/work', { addons });
    const group = cgroups?.create(`run-${counter++}`, groupLimits) ?? null;
    const [command, args] = group
      ? [
          '/bin/sh',
          [
            '-c',
            ENTER_GROUPS,
            'sh',
            String(group.procsFiles.length),
            ...group.procsFiles,
            cmd.command,
            ...cmd.args,
          ],
        ]
      : [cmd.command, cmd.args];
    const child = spawn(command as string, args as string[], {
      cwd: cmd.cwd,
      env: cmd.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    const warm: Warm = { child, group, scratch, exited: false, early: '' };
    const early = (d: Buffer) => {
      if (warm.early.length < 4096) warm.early += d;
    };
    child.stdout!.on('data', early);
    child.stderr!.on('data', early);
    child.stdin!.on('error', () => {});
    child.on('error', () => {
      warm.exited = true;
    });
    child.once('exit', () => {
      warm.exited = true;
      const i = pooled.indexOf(warm);
      if (i >= 0) {
        // A pooled process that died before use: the sandbox is failing to start.
        pooled.splice(i, 1);
        recentFailures++;
        cleanup(warm);
        if (recentFailures <= 3) refill();
      }
    });
    return warm;
  };

  const cleanup = (warm: Warm) => {
    if (warm.scratch) fs.rmSync(warm.scratch, { recursive: true, force: true });
    void warm.group?.remove();
  };

  const refill = () => {
    while (!closed && pooled.length < poolSize) pooled.push(spawnWarm());
  };

  const take = (addons: boolean): Warm => {
    if (!warmed) {
      warmed = true;
      refill();
    }
    if (!addons) {
      while (pooled.length) {
        const warm = pooled.shift()!;
        if (!warm.exited) {
          queueMicrotask(refill);
          return warm;
        }
      }
    }
    return spawnWarm(addons);
  };

  const execute = (job: RunJob): Promise<RunResult & { tests: TestResult[] }> => {
    const timeoutMs = Math.min(job.timeoutMs ?? defaultTimeoutMs, MAX_TIMEOUT_MS);
    const warm = take(job.addons ?? false);
    const { child } = warm;
    const t0 = performance.now();
    return new Promise((resolve) => {
      child.stdout!.removeAllListeners('data');
      child.stderr!.removeAllListeners('data');
      let stdout = warm.early;
      let stderr = '';
      let size = stdout.length;
      let truncated = false;
      let timedOut = false;
      let results = '';
      const collect = (which: 'out' | 'err') => (d: Buffer) => {
        if (truncated) return;
        const room = outputLimit - size;
        const text = d.length > room ? d.subarray(0, Math.max(0, room)).toString('utf8') : d.toString('utf8');
        size += d.length;
        if (which === 'out') stdout += text;
        else stderr += text;
        if (d.length > room) {
          truncated = true;
          killGroup(child);
        }
      };
      child.stdout!.on('data', collect('out'));
      child.stderr!.on('data', collect('err'));
      child.stdio[3]!.on('data', (d: Buffer) => {
        if (results.length < 1024 * 1024) results += d;
      });
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child);
      }, timeoutMs);
      const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
        clearTimeout(timer);
        killGroup(child);
        const tests = parseTests(results);
        // The harness's own stack frames mean nothing to a learner.
        stderr = stderr.replace(/^ {4}at .*harness\.mjs:\d+:\d+\)?\n/gm, '');
        const memoryLimitMb = groupLimits.memoryBytes / 1024 / 1024;
        let status: RunStatus;
        if (truncated) status = 'output-limit';
        else if (timedOut || signal === 'SIGXCPU') status = 'timeout';
        else if (warm.group?.oomKilled() || (exitCode !== 0 && MEMORY_PATTERNS.some((p) => p.test(stderr))))
          status = 'memory';
        else if (exitCode === 0) status = 'ok';
        else status = 'error';
        cleanup(warm);
        if (status === 'ok' || status === 'error') recentFailures = 0;
        resolve({
          status,
          stdout,
          stderr: explain(status, stderr, {
            timeoutMs,
            memoryMb: warm.group ? memoryLimitMb : memoryMb,
            outputLimit,
          }),
          exitCode,
          signal,
          durationMs: Math.round((performance.now() - t0) * 10) / 10,
          truncated,
          sandbox: sandbox.mode,
          tests,
        });
      };
      if (warm.exited) {
        finish(child.exitCode, child.signalCode);
        return;
      }
      child.once('close', finish);
      child.stdin!.end(JSON.stringify({ files: job.files, entry: job.entry }));
    });
  };

  let warmed = options.warmAtStart !== false;
  if (warmed) refill();

  return {
    sandbox,
    cgroups: cgroups ? (`v${cgroups.version}` as const) : 'none',
    async run(job) {
      if (closed) throw new Error('the runner is closed');
      const { tests, ...result } = await execute(job);
      // A snippet that uses node:test and has a failing test failed, rather than erred.
      if ((result.status === 'ok' || result.status === 'error') && tests.some((t) => t.status === 'fail'))
        return { ...result, status: 'failed' };
      return result;
    },
    async grade(job) {
      if (closed) throw new Error('the runner is closed');
      const result = await execute(job);
      const passed = result.tests.filter((t) => t.status === 'pass').length;
      const failed = result.tests.some((t) => t.status === 'fail');
      let status = result.status;
      if (status === 'ok' && (failed || result.tests.length === 0))
        status = result.tests.length ? 'failed' : 'error';
      else if (status === 'error' && failed) status = 'failed';
      return { ...result, status, passed, total: result.tests.length };
    },
    warm() {
      warmed = true;
      refill();
    },
    async close() {
      closed = true;
      for (const warm of pooled.splice(0)) {
        killGroup(warm.child);
        cleanup(warm);
      }
      if (sandbox.mode !== 'bubblewrap') fs.rmSync(scratchRoot, { recursive: true, force: true });
      await cgroups?.close();
    },
  };
}

/** Says in plain words why a run was stopped, after whatever the program itself wrote. */
function explain(
  status: RunStatus,
  stderr: string,
  limits: { timeoutMs: number; memoryMb: number; outputLimit: number },
): string {
  switch (status) {
    case 'timeout':
      return `${stderr}${stderr ? '\n' : ''}[stopped: the program ran longer than ${limits.timeoutMs} ms]`;
    case 'output-limit':
      return `${stderr}${stderr ? '\n' : ''}[stopped: the output passed ${limits.outputLimit} bytes and was cut there]`;
    case 'memory': {
      // V8's GC trace before an out-of-memory crash is noise to a learner; keep the verdict.
      const verdict = stderr.split('\n').find((l) => MEMORY_PATTERNS.some((p) => p.test(l)));
      return `${verdict ? `${verdict.trim()}\n` : ''}[stopped: the program ran out of memory (limit ${limits.memoryMb} MB)]`;
    }
    default:
      return stderr;
  }
}

/** Reads the reporter's JSON lines and puts the tests in the order they appear in the file. */
function parseTests(lines: string): TestResult[] {
  const tests: (TestResult & { line: number; column: number; seq: number })[] = [];
  let seq = 0;
  for (const line of lines.split('\n')) {
    if (!line.trim()) continue;
    try {
      const t = JSON.parse(line);
      if (typeof t.name !== 'string' || !['pass', 'fail', 'skip'].includes(t.status)) continue;
      tests.push({
        name: t.name.slice(0, 300),
        status: t.status,
        durationMs: Number(t.durationMs) || 0,
        ...(typeof t.message === 'string' ? { message: t.message } : {}),
        line: Number(t.line) || 0,
        column: Number(t.column) || 0,
        seq: seq++,
      });
    } catch {}
  }
  tests.sort((a, b) => a.line - b.line || a.column - b.column || a.seq - b.seq);
  return tests.map(({ line: _l, column: _c, seq: _s, ...t }) => t);
}
