import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxMode } from './types.js';

/** Where harness.mjs and reporter.mjs live, from src/runner or from the compiled dist/runner. */
export function sandboxFilesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, 'sandbox'), path.join(here, '../../src/runner/sandbox')]) {
    if (fs.existsSync(path.join(candidate, 'harness.mjs'))) return candidate;
  }
  throw new Error(`the runner's sandbox files are missing (looked beside ${here})`);
}

export interface SandboxInfo {
  mode: SandboxMode;
  /** Why the weaker mode is in use, for the start-up log and /readyz. */
  reason?: string;
  bwrap?: string;
}

export interface Limits {
  memoryMb: number;
  cpuSeconds: number;
  fileSizeBytes: number;
  openFiles: number;
  scratchBytes: number;
}

let detected: SandboxInfo | undefined;

/**
 * Checks (once per process) that bubblewrap exists and can create the namespaces we need (it
 * cannot in some containers, and it does not exist on macOS).
 */
export function detectSandbox(): SandboxInfo {
  detected ??= probeSandbox();
  return detected;
}

function probeSandbox(): SandboxInfo {
  const bwrap = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'].find((p) => fs.existsSync(p));
  if (!bwrap) return { mode: 'weak', reason: 'bubblewrap (bwrap) is not installed' };
  const probe = spawnSync(
    bwrap,
    ['--unshare-all', '--die-with-parent', '--ro-bind', '/', '/', '--proc', '/proc', '--dev', '/dev', 'true'],
    { encoding: 'utf8', timeout: 5000 },
  );
  if (probe.status !== 0) {
    const why = (probe.stderr || probe.error?.message || `exit ${probe.status}`).trim().split('\n')[0];
    return { mode: 'weak', reason: `bubblewrap cannot create a sandbox here: ${why}` };
  }
  return { mode: 'bubblewrap', bwrap };
}

/** The folders a system's dynamic libraries live in; bound read-only inside the sandbox. */
const SYSTEM_DIRS = ['/usr', '/lib', '/lib64', '/lib32', '/bin'].filter((d) => fs.existsSync(d));

/** The project's node_modules: exercises may import the packages the curriculum teaches. */
export function modulesDir(): string {
  return path.resolve(sandboxFilesDir(), '../../../node_modules');
}

/**
 * Node's own flags: the permission model as a second wall, the heap cap and the test reporter.
 * Native addons stay off unless a job needs one (they could step around the permission model).
 */
function nodeArgs(
  readable: string[],
  writable: string,
  memoryMb: number,
  files: string,
  addons: boolean,
): string[] {
  return [
    '--experimental-permission',
    '--disable-warning=ExperimentalWarning',
    '--disable-warning=SecurityWarning',
    ...(addons ? ['--allow-addons'] : []),
    ...readable.map((d) => `--allow-fs-read=${d}/`),
    `--allow-fs-write=${writable}/`,
    `--max-old-space-size=${memoryMb}`,
    '--max-semi-space-size=4',
    `--test-reporter=${files}/reporter.mjs`,
    '--test-reporter-destination=stdout',
    `${files}/harness.mjs`,
  ];
}

/** util-linux's prlimit sets the rlimits of the command it starts; not on every system (macOS). */
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => fs.existsSync(p));

/** The command prefix that applies the rlimits, or nothing where prlimit is missing. */
function withLimits(limits: Limits, command: string, args: string[]): { command: string; args: string[] } {
  return PRLIMIT
    ? { command: PRLIMIT, args: [...prlimitArgs(limits), '--', command, ...args] }
    : { command, args };
}

function prlimitArgs(limits: Limits): string[] {
  return [
    `--cpu=${limits.cpuSeconds}`,
    `--fsize=${limits.fileSizeBytes}`,
    `--nofile=${limits.openFiles}`,
    '--core=0',
  ];
}

export interface SandboxCommand {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

/**
 * The command that starts one sandboxed Node process waiting for its job on stdin.
 * bubblewrap: no network, nothing of the host but read-only system folders, a private tmpfs as
 * the scratch folder, its own PID namespace, user nobody, killed with its parent.
 * weak: the same Node flags and limits in a scratch folder on the host, with no namespaces.
 */
export function sandboxCommand(
  info: SandboxInfo,
  limits: Limits,
  weakScratch: string,
  options: { addons?: boolean } = {},
): SandboxCommand {
  const node = fs.realpathSync(process.execPath);
  const files = sandboxFilesDir();
  const modules = modulesDir();
  const addons = options.addons ?? false;
  const env = { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', TZ: 'UTC', HOME: '/work', TMPDIR: '/work/.tmp' };
  if (info.mode === 'bubblewrap') {
    const binds = SYSTEM_DIRS.flatMap((d) => ['--ro-bind', d, d]);
    return {
      ...withLimits(limits, info.bwrap!, [
        '--unshare-all',
        '--die-with-parent',
        '--new-session',
        '--cap-drop',
        'ALL',
        '--uid',
        '65534',
        '--gid',
        '65534',
        '--hostname',
        'sandbox',
        ...binds,
        '--ro-bind',
        node,
        '/sandbox/node',
        '--ro-bind',
        files,
        '/sandbox/lib',
        // Only a hosts file of the host's /etc: `localhost` resolves for servers the program starts.
        '--ro-bind',
        path.join(files, 'hosts'),
        '/etc/hosts',
        '--size',
        String(limits.scratchBytes),
        '--tmpfs',
        '/work',
        ...(fs.existsSync(modules) ? ['--ro-bind', modules, '/work/node_modules'] : []),
        '--chdir',
        '/work',
        '--proc',
        '/proc',
        '--dev',
        '/dev',
        '--clearenv',
        ...Object.entries(env).flatMap(([k, v]) => ['--setenv', k, v]),
        '/sandbox/node',
        // /proc/self/fd lets a program count its own open files (the sandbox's own /proc).
        ...nodeArgs(
          ['/work', '/sandbox/lib', '/proc/self/fd'],
          '/work',
          limits.memoryMb,
          '/sandbox/lib',
          addons,
        ),
      ]),
      cwd: '/',
      env,
    };
  }
  // Module resolution from the scratch folder finds the packages through this link.
  if (fs.existsSync(modules) && !fs.existsSync(path.join(weakScratch, 'node_modules'))) {
    fs.symlinkSync(modules, path.join(weakScratch, 'node_modules'), 'dir');
  }
  return {
    ...withLimits(
      limits,
      node,
      nodeArgs([weakScratch, files, modules], weakScratch, limits.memoryMb, files, addons),
    ),
    cwd: weakScratch,
    env: { ...env, HOME: weakScratch, TMPDIR: path.join(weakScratch, '.tmp') },
  };
}
