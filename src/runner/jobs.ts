import { transform } from 'esbuild';
import type { Language, RunJob } from './types.js';

export class CompileError extends Error {
  override name = 'CompileError';
}

/**
 * TypeScript is compiled on the host before it enters the sandbox (Node 20 cannot run it
 * itself): types are stripped and nothing is checked, as `node --experimental-strip-types` would.
 */
export async function toJavaScript(code: string, language: Language, file: string): Promise<string> {
  if (language === 'javascript') return code;
  try {
    const out = await transform(code, { loader: 'ts', format: 'esm', sourcefile: file, target: 'node20' });
    return out.code;
  } catch (err) {
    const errors = (err as { errors?: { text: string; location?: { line: number; column: number } }[] })
      .errors;
    const text = errors?.length
      ? errors.map((e) => `${file}:${e.location?.line ?? 0}:${e.location?.column ?? 0}: ${e.text}`).join('\n')
      : (err as Error).message;
    throw new CompileError(text);
  }
}

/** A snippet run as a program of its own: an ES module unless it is CommonJS. */
export async function snippetJob(
  code: string,
  language: Language,
  options: { module?: 'esm' | 'cjs'; timeoutMs?: number } = {},
): Promise<RunJob> {
  const entry = options.module === 'cjs' ? 'main.cjs' : 'main.mjs';
  return {
    files: { [entry]: await toJavaScript(code, language, language === 'typescript' ? 'main.ts' : entry) },
    entry,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };
}

/** A learner's submission beside an exercise's hidden tests, which import ./submission.mjs. */
export async function submissionJob(
  code: string,
  language: Language,
  tests: string,
  timeoutMs: number,
): Promise<RunJob> {
  return {
    files: {
      'submission.mjs': await toJavaScript(
        code,
        language,
        language === 'typescript' ? 'submission.ts' : 'submission.mjs',
      ),
      'tests.mjs': tests,
    },
    entry: 'tests.mjs',
    timeoutMs,
  };
}
