#!/usr/bin/env node
// The nodeprep command. Runs the compiled code in dist/, building it first if it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'cli', 'index.js');
if (!existsSync(entry)) {
  console.error('nodeprep: first run, building (npm run build)...');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
await import(entry);
