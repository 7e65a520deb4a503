/** What the runner reports about one run of learner code. */
export type RunStatus = 'ok' | 'failed' | 'error' | 'timeout' | 'memory' | 'output-limit';

export type SandboxMode = 'bubblewrap' | 'weak';

export interface TestResult {
  name: string;
  status: 'pass' | 'fail' | 'skip';
  durationMs: number;
  message?: string;
}

export interface RunResult {
  status: RunStatus;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** True when stdout or stderr was cut at the output limit. */
  truncated: boolean;
  sandbox: SandboxMode;
}

export interface GradedResult extends RunResult {
  tests: TestResult[];
  passed: number;
  total: number;
}

export type Language = 'javascript' | 'typescript';

/** One program to run: its files (written into the scratch folder) and the file to import. */
export interface RunJob {
  files: Record<string, string>;
  entry: string;
  timeoutMs?: number;
  /** Lets the program load native addons (a package such as @node-rs/argon2); costs a fresh process. */
  addons?: boolean;
}
