// Builds the server (dist/) and the web app (web/dist/).
// With --if-stale (used by `npm install`), skips a part whose output is newer than its sources.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ifStale = process.argv.includes('--if-stale');

function newest(dir) {
  if (!fs.existsSync(dir)) return 0;
  if (fs.statSync(dir).isFile()) return fs.statSync(dir).mtimeMs;
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

function stale(sources, outputMarker) {
  if (!fs.existsSync(outputMarker)) return true;
  const built = fs.statSync(outputMarker).mtimeMs;
  return sources.some((s) => newest(s) > built);
}

function step(label, command, args) {
  const started = performance.now();
  process.stdout.write(`nodeprep: building ${label}... `);
  const r = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
  });
  if (r.status !== 0) {
    console.log('failed');
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 1);
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (!ifStale || stale(['src'], 'dist/cli/index.js'))
  step('the server', 'npm', ['run', '--silent', 'build:server']);
if (!ifStale || stale(['web/src', 'web/index.html', 'web/public'], 'web/dist/index.html')) {
  step('the web app', 'npm', ['run', '--silent', 'build:web']);
}
if (!ifStale || stale(['content'], '.cache/render-cache.json')) {
  step('the content (validating and highlighting)', process.execPath, [
    'bin/nodeprep.js',
    'content',
    'build',
  ]);
}
