import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Runs `nodeprep <args>` from the sources in a child process; its exit code and all it printed. */
export async function runCli(env: Record<string, string>, ...args: string[]) {
  try {
    const r = await exec(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      env: { ...(process.env as Record<string, string>), NODE_EXTRA_CA_CERTS: '', LOG_LEVEL: 'warn', ...env },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}
