// Runs Vitest and ends with one plain summary line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const out = '.cache/vitest-report.json';
fs.mkdirSync('.cache', { recursive: true });
fs.rmSync(out, { force: true });
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}`,
  ...process.argv.slice(2),
];
const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: '' } });
let status = result.status ?? 1;
if (fs.existsSync(out)) {
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numTotalTests === 0) status = 1;
} else {
  console.log('tests: 0 passed, 1 failed');
  status = status || 1;
}
process.exit(status);
