import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Example, sameOutput } from '../core/content/model.js';
import { snippetJob, submissionJob } from '../runner/jobs.js';
import { createRunner, type Runner } from '../runner/runner.js';
import type { RunResult, SandboxMode } from '../runner/types.js';
import type { Curriculum, Problem } from './load.js';

export interface ProgramResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  timedOut: boolean;
  ms: number;
}

export interface Services {
  /** Admin connection string for creating a scratch database per example, if reachable. */
  postgresUrl?: string;
  redisUrl?: string;
}

const OUTPUT_CAP = 1024 * 1024;

/**
 * Runs one Node.js program in its own process group with a wall-clock timeout. The whole group
 * is killed at the timeout, so an example that hangs or spawns children cannot linger.
 */
export function runNode(
  args: string[],
  options: { cwd: string; timeoutMs: number; env?: Record<string, string> },
): Promise<ProgramResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_EXTRA_CA_CERTS: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      if (stdout.length < OUTPUT_CAP) stdout += d;
    });
    child.stderr.on('data', (d) => {
      if (stderr.length < OUTPUT_CAP) stderr += d;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeoutMs);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      // Leftover grandchildren of a finished example go too.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
      resolve({ stdout, stderr, exitCode, timedOut, ms: performance.now() - started });
    });
  });
}

export async function probeServices(postgresUrl: string, redisUrl: string): Promise<Services> {
  const services: Services = {};
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    services.postgresUrl = postgresUrl;
  } catch {
  } finally {
    await client.end().catch(() => {});
  }
  const u = new URL(redisUrl);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = net.connect(Number(u.port || 6379), u.hostname);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
  if (reachable) services.redisUrl = redisUrl;
  return services;
}

interface Job {
  file: string;
  line: number;
  label: string;
  run: (scratch: string) => Promise<string | null>;
}

let schemaCounter = 0;

/**
 * Gives an example a PostgreSQL schema of its own: DATABASE_URL points at the shared database
 * with that schema first on the search path, so fixed table names never collide and the schema
 * is dropped afterwards. Cheaper than a database per example.
 */
async function withScratchSchema<T>(adminUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `nodeprep_example_${process.pid}_${schemaCounter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create schema ${name}`);
    const url = new URL(adminUrl);
    url.searchParams.set('options', `-c search_path=${name}`);
    return await fn(url.toString());
  } finally {
    await admin.query(`drop schema if exists ${name} cascade`).catch(() => {});
    await admin.end();
  }
}

function describeFailure(r: ProgramResult, timeoutMs: number): string {
  if (r.timedOut) return `did not finish within ${timeoutMs} ms and was killed`;
  const err = r.stderr.trim().split('\n').slice(0, 8).join('\n    ');
  return `exited with code ${r.exitCode}${err ? `:\n    ${err}` : ''}`;
}

const indent = (s: string) => s.replace(/\s+$/, '').split('\n').join('\n    | ');

function fromSandbox(r: RunResult): ProgramResult {
  return {
    stdout: r.stdout,
    stderr: r.stderr,
    exitCode: r.exitCode,
    timedOut: r.status === 'timeout',
    ms: r.durationMs,
  };
}

/** Runs a snippet and compares its stdout with the expected output (or allowed set). */
async function checkProgram(
  scratch: string,
  program: Pick<Example, 'code' | 'module' | 'timeoutMs'> & {
    output?: string | undefined;
    outputs?: string[] | undefined;
    needs?: ('postgres' | 'redis')[];
  },
  services: Services,
  runner?: Runner,
): Promise<string | null> {
  const needs = program.needs ?? [];
  if (needs.includes('postgres') && !services.postgresUrl)
    return 'SKIP: needs PostgreSQL, which is not reachable';
  if (needs.includes('redis') && !services.redisUrl) return 'SKIP: needs Redis, which is not reachable';
  const runs = program.outputs ? 5 : 1;
  // Through the sandbox when given one: learners' predictions are graded there, so it must print
  // what plain Node prints.
  let once: (env: Record<string, string>) => Promise<ProgramResult>;
  if (runner) {
    const job = await snippetJob(program.code, 'javascript', {
      module: program.module === 'cjs' ? 'cjs' : 'esm',
      timeoutMs: program.timeoutMs,
    });
    once = async () => fromSandbox(await runner.run(job));
  } else {
    const file = path.join(scratch, program.module === 'cjs' ? 'example.cjs' : 'example.mjs');
    fs.writeFileSync(file, program.code);
    once = (env) => runNode([file], { cwd: scratch, timeoutMs: program.timeoutMs, env });
  }
  const attempt = async (env: Record<string, string>) => {
    for (let i = 0; i < runs; i++) {
      const r = await once(env);
      if (r.timedOut || r.exitCode !== 0) return describeFailure(r, program.timeoutMs);
      const allowed = program.outputs ?? (program.output !== undefined ? [program.output] : undefined);
      if (allowed && !allowed.some((o) => sameOutput(o, r.stdout))) {
        return `printed\n    | ${indent(r.stdout)}\n  but expected${allowed.length > 1 ? ' one of' : ''}\n    | ${allowed.map(indent).join('\n    or\n    | ')}`;
      }
    }
    return null;
  };
  const env: Record<string, string> = {};
  if (needs.includes('redis')) env.REDIS_URL = services.redisUrl!;
  if (needs.includes('postgres')) {
    return withScratchSchema(services.postgresUrl!, (url) => attempt({ ...env, DATABASE_URL: url }));
  }
  return attempt(env);
}

/** Every runnable thing in the curriculum, as jobs. */
function jobsOf(curriculum: Curriculum, services: Services, runner: Runner): Job[] {
  const jobs: Job[] = [];
  for (const t of curriculum.topics) {
    for (const c of t.cards) {
      const example = c.data.example;
      if (example) {
        jobs.push({
          file: c.file,
          line: c.line,
          label: `card ${c.data.id}: example`,
          run: (s) => checkProgram(s, example, services),
        });
      }
    }
    for (const p of t.predict) {
      jobs.push({
        file: p.file,
        line: p.line,
        label: `predict item ${p.data.id}`,
        // Learners' predictions are graded in the sandbox, so it is checked there too, except for
        // snippets that need a database (the sandbox has no network; the API grades those
        // against these outputs).
        run: (s) => checkProgram(s, p.data, services, p.data.needs.length ? undefined : runner),
      });
    }
    const guide = t.guide;
    for (const b of guide?.runBlocks ?? []) {
      jobs.push({
        file: guide!.file,
        line: b.line,
        label: 'runnable block',
        run: (s) => checkProgram(s, { ...b, timeoutMs: 5000 }, services),
      });
    }
  }
  for (const e of curriculum.exercises) {
    const { id, timeoutMs } = e.exercise.data;
    jobs.push({
      file: e.exercise.file,
      line: 1,
      label: `exercise ${id}`,
      // In the sandbox learners' submissions run in, with the same limits.
      run: async () => {
        const grade = async (code: string) =>
          runner.grade({
            ...(await submissionJob(code, 'javascript', e.tests, timeoutMs)),
            addons: e.exercise.data.nativeAddons,
          });
        const ref = await grade(e.solution);
        if (ref.status !== 'ok') {
          const failed = ref.tests
            .filter((t) => t.status === 'fail')
            .map((t) => `not ok - ${t.name}: ${t.message ?? ''}`);
          const why =
            ref.status === 'timeout'
              ? `did not finish within ${timeoutMs} ms and was killed`
              : `ended with status ${ref.status}${ref.stderr.trim() ? `:\n    ${ref.stderr.trim().split('\n').slice(0, 8).join('\n    ')}` : ''}`;
          return `the reference solution must pass every test, but it ${why}\n    ${failed.join('\n    ')}`;
        }
        const starter = await grade(e.starter);
        if (starter.status === 'ok') return 'the starter passes every test; it must fail at least one';
        return null;
      },
    });
  }
  return jobs;
}

export interface ExecutionReport {
  problems: Problem[];
  ran: number;
  skipped: number;
  ms: number;
  /** Where exercises and predict items ran. */
  sandbox: SandboxMode;
}

/** Runs every example, predict item, guide block and exercise in parallel across the cores. */
export async function executeCurriculum(
  curriculum: Curriculum,
  services: Services,
  options: { scratchRoot: string; onProgress?: (done: number, total: number, label: string) => void },
): Promise<ExecutionReport> {
  const started = performance.now();
  // Examples may use the network (PostgreSQL, Redis) and run as plain processes; exercises and
  // predict items run in the learners' sandbox.
  const width = Math.max(1, os.availableParallelism() + 1);
  const runner = createRunner({ poolSize: width, timeoutMs: 10_000 });
  const jobs = jobsOf(curriculum, services, runner);
  const problems: Problem[] = [];
  let done = 0;
  let skipped = 0;
  fs.rmSync(options.scratchRoot, { recursive: true, force: true });
  fs.mkdirSync(options.scratchRoot, { recursive: true });
  let next = 0;
  const worker = async (w: number) => {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i]!;
      const scratch = path.join(options.scratchRoot, `job-${w}-${i}`);
      fs.mkdirSync(scratch, { recursive: true });
      let message: string | null;
      try {
        message = await job.run(scratch);
        // A busy machine can push a slow example past its limit: one more try before calling it hung.
        if (message?.includes('did not finish within')) message = await job.run(scratch);
      } catch (err) {
        message = `could not be run: ${(err as Error).message}`;
      }
      fs.rmSync(scratch, { recursive: true, force: true });
      if (message?.startsWith('SKIP: ')) {
        skipped++;
        problems.push({
          file: job.file,
          line: job.line,
          message: `${job.label}: ${message.slice(6)}`,
          severity: 'warning',
        });
      } else if (message) {
        problems.push({
          file: job.file,
          line: job.line,
          message: `${job.label} ${message}`,
          severity: 'error',
        });
      }
      done++;
      options.onProgress?.(done, jobs.length, job.label);
    }
  };
  // Examples wait on timers, sockets and the database as well as compute: one more than the
  // cores keeps them busy without starving anything into a false timeout.
  try {
    await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, (_, w) => worker(w)));
  } finally {
    await runner.close();
    fs.rmSync(options.scratchRoot, { recursive: true, force: true });
  }
  return {
    problems,
    ran: jobs.length - skipped,
    skipped,
    ms: performance.now() - started,
    sandbox: runner.sandbox.mode,
  };
}
