// Quick checker for one topic folder while the full content engine is being built.
// Usage: node scripts/draft-check.mjs content/topics/<id>
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';

const run = promisify(execFile);
const dir = process.argv[2];
const problems = [];
const env = { ...process.env, NODE_EXTRA_CA_CERTS: '' };
const scratch = fs.mkdtempSync(path.join(process.cwd(), '.draft-'));
let n = 0;

async function exec(code, module, needs) {
  const file = path.join(scratch, `ex${n++}.${module === 'cjs' ? 'cjs' : 'mjs'}`);
  fs.writeFileSync(file, code);
  const e = { ...env };
  if (needs?.includes('postgres')) e.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (needs?.includes('redis')) e.REDIS_URL = 'redis://127.0.0.1:6379';
  try {
    const r = await run(process.execPath, [file], { env: e, timeout: 10000 });
    return { ok: true, stdout: r.stdout };
  } catch (err) {
    return { ok: false, stdout: err.stdout ?? '', stderr: String(err.stderr ?? err.message) };
  }
}
const norm = (s) => s.replace(/\s+$/, '');

async function checkExample(where, ex) {
  const allowed = ex.output !== undefined ? [ex.output] : ex.outputs;
  const times = ex.outputs ? 5 : 1;
  for (let i = 0; i < times; i++) {
    const r = await exec(ex.code, ex.module, ex.needs);
    if (!r.ok) return problems.push(`${where}: example failed: ${r.stderr.slice(0, 600)}`);
    if (allowed && !allowed.some((a) => norm(a) === norm(r.stdout)))
      return problems.push(`${where}: output differs. got:\n${r.stdout}`);
  }
}

for (const f of ['topic.yaml', 'cards.yaml', 'predict.yaml']) {
  const p = path.join(dir, f);
  if (!fs.existsSync(p)) continue;
  const doc = YAML.parseDocument(fs.readFileSync(p, 'utf8'));
  if (doc.errors.length) problems.push(`${p}: ${doc.errors.map((e) => e.message).join('; ')}`);
  const data = doc.toJS();
  if (f === 'cards.yaml') {
    const levels = {};
    for (const c of data) {
      for (const k of ['id', 'question', 'answer', 'keyPoints', 'level', 'difficulty', 'tags'])
        if (c[k] === undefined) problems.push(`${p}: card ${c.id}: missing ${k}`);
      if (c.keyPoints && (c.keyPoints.length < 3 || c.keyPoints.length > 6))
        problems.push(`${p}: card ${c.id}: 3-6 keyPoints`);
      levels[c.level] = (levels[c.level] ?? 0) + 1;
      if (c.example) await checkExample(`${p}: card ${c.id}`, c.example);
    }
    console.log(`${data.length} cards`, levels);
  }
  if (f === 'predict.yaml') {
    for (const c of data) await checkExample(`${p}: predict ${c.id}`, c);
    console.log(`${data.length} predict items`);
  }
}
const guide = path.join(dir, 'guide.md');
if (fs.existsSync(guide)) {
  const text = fs.readFileSync(guide, 'utf8');
  const blocks = [...text.matchAll(/```([^\n]*)\n([\s\S]*?)```/g)];
  for (let i = 0; i < blocks.length; i++) {
    const info = blocks[i][1].trim().split(/\s+/);
    if (info[1] !== 'run') continue;
    const next = blocks[i + 1];
    const output = next && next[1].trim() === 'output' ? next[2] : undefined;
    await checkExample(`${guide}: block ${i}`, {
      code: blocks[i][2],
      module: info[2] === 'cjs' ? 'cjs' : 'esm',
      output,
    });
  }
  console.log(`guide: ${text.split(/\s+/).length} words`);
}
fs.rmSync(scratch, { recursive: true, force: true });
for (const p of problems) console.log(p);
console.log(problems.length ? `${problems.length} problems` : 'ok');
process.exitCode = problems.length ? 1 : 0;
