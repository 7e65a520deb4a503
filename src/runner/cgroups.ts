import fs from 'node:fs';
import path from 'node:path';

/**
 * Memory and process-count limits per run through Linux control groups, where this process may
 * create them (v1 with memory and pids hierarchies, or v2 with both controllers delegated).
 * The V8 heap cap does not cover Buffers and typed arrays, and RLIMIT_AS would break WebAssembly
 * (which Node's fetch uses), so a cgroup is the limit that holds for all of a run's memory.
 */
export interface RunGroup {
  /** Files the process writes its pid into, before it becomes the sandbox. */
  procsFiles: string[];
  /** True when the kernel killed something in the group for using too much memory. */
  oomKilled(): boolean;
  remove(): Promise<void>;
}

export interface CgroupLimiter {
  readonly version: 1 | 2;
  create(name: string, limits: { memoryBytes: number; pids: number }): RunGroup | null;
  close(): Promise<void>;
}

const writable = (dir: string) => {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

function oomCount(file: string): number {
  try {
    const m = /^oom_kill (\d+)$/m.exec(fs.readFileSync(file, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** A group can only be removed once its processes are gone; they are killed just before. */
async function removeDir(dir: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      await fs.promises.rmdir(dir);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

const OWN_GROUP = /^nodeprep-runner-(\d+)-/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes groups left behind by runner processes that were killed before they could. */
function sweepLeftovers(parents: string[]): void {
  for (const parent of parents) {
    let entries: string[] = [];
    try {
      entries = fs.readdirSync(parent);
    } catch {
      continue;
    }
    for (const name of entries) {
      const m = OWN_GROUP.exec(name);
      if (!m || processAlive(Number(m[1]))) continue;
      const dir = path.join(parent, name);
      void fs.promises
        .readdir(dir, { withFileTypes: true })
        .then((children) =>
          Promise.all(children.filter((d) => d.isDirectory()).map((d) => removeDir(path.join(dir, d.name)))),
        )
        .then(() => removeDir(dir))
        .catch(() => {});
    }
  }
}

/** Finds a usable cgroup hierarchy, or null (the runner then relies on the heap cap alone). */
export function detectCgroups(root = '/sys/fs/cgroup'): CgroupLimiter | null {
  sweepLeftovers([path.join(root, 'memory'), path.join(root, 'pids'), root]);
  const own = `nodeprep-runner-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const v1Memory = path.join(root, 'memory');
  const v1Pids = path.join(root, 'pids');
  if (
    fs.existsSync(path.join(v1Memory, 'memory.limit_in_bytes')) &&
    fs.existsSync(path.join(v1Pids, 'cgroup.procs')) &&
    writable(v1Memory) &&
    writable(v1Pids)
  ) {
    try {
      const mem = path.join(v1Memory, own);
      const pids = path.join(v1Pids, own);
      fs.mkdirSync(mem, { recursive: true });
      fs.mkdirSync(pids, { recursive: true });
      return {
        version: 1,
        create(name, limits) {
          try {
            const m = path.join(mem, name);
            const p = path.join(pids, name);
            fs.mkdirSync(m);
            fs.mkdirSync(p);
            fs.writeFileSync(path.join(m, 'memory.limit_in_bytes'), String(limits.memoryBytes));
            try {
              // Swap counts too where the kernel accounts for it.
              fs.writeFileSync(path.join(m, 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes));
            } catch {}
            fs.writeFileSync(path.join(p, 'pids.max'), String(limits.pids));
            return {
              procsFiles: [path.join(m, 'cgroup.procs'), path.join(p, 'cgroup.procs')],
              oomKilled: () => oomCount(path.join(m, 'memory.oom_control')) > 0,
              remove: () => Promise.all([removeDir(m), removeDir(p)]).then(() => {}),
            };
          } catch {
            return null;
          }
        },
        close: () => Promise.all([removeDir(mem), removeDir(pids)]).then(() => {}),
      };
    } catch {
      return null;
    }
  }
  // cgroup v2: our own subtree with memory and pids enabled for its children.
  const controllers = path.join(root, 'cgroup.controllers');
  if (fs.existsSync(controllers) && writable(root)) {
    try {
      const available = fs.readFileSync(controllers, 'utf8');
      if (!/\bmemory\b/.test(available) || !/\bpids\b/.test(available)) return null;
      const base = path.join(root, own);
      fs.mkdirSync(base, { recursive: true });
      fs.writeFileSync(path.join(base, 'cgroup.subtree_control'), '+memory +pids');
      return {
        version: 2,
        create(name, limits) {
          try {
            const dir = path.join(base, name);
            fs.mkdirSync(dir);
            fs.writeFileSync(path.join(dir, 'memory.max'), String(limits.memoryBytes));
            fs.writeFileSync(path.join(dir, 'memory.swap.max'), '0');
            fs.writeFileSync(path.join(dir, 'pids.max'), String(limits.pids));
            return {
              procsFiles: [path.join(dir, 'cgroup.procs')],
              oomKilled: () => oomCount(path.join(dir, 'memory.events')) > 0,
              remove: () => removeDir(dir),
            };
          } catch {
            return null;
          }
        },
        close: () => removeDir(base),
      };
    } catch {
      return null;
    }
  }
  return null;
}
