// A node:test reporter for graded runs: one JSON line per finished test on file descriptor 3,
// which the runner reads apart from the program's own stdout and stderr.
import fs from 'node:fs';

const MESSAGE_CAP = 2000;

function messageOf(error) {
  if (!error) return undefined;
  const cause = error.cause;
  const text = cause instanceof Error ? cause.message : cause !== undefined ? String(cause) : error.message;
  return String(text).slice(0, MESSAGE_CAP);
}

// biome-ignore lint/correctness/useYield: node:test wants a generator; this one writes to fd 3 instead of yielding
export default async function* reporter(source) {
  const names = [];
  for await (const event of source) {
    const data = event.data;
    if (event.type === 'test:start') {
      names.length = data.nesting;
      names[data.nesting] = data.name;
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (data.details?.type === 'suite') continue;
    const path = [...names.slice(0, data.nesting), data.name];
    const status =
      data.skip !== undefined || data.todo !== undefined
        ? 'skip'
        : event.type === 'test:pass'
          ? 'pass'
          : 'fail';
    const line = {
      name: path.join(' › '),
      status,
      durationMs: Math.round((data.details?.duration_ms ?? 0) * 100) / 100,
      line: data.line ?? 0,
      column: data.column ?? 0,
      message: status === 'fail' ? messageOf(data.details?.error) : undefined,
    };
    try {
      fs.writeSync(3, `${JSON.stringify(line)}\n`);
    } catch {}
  }
}
