// npm run bench -- <name>: http, study, content, runner (default: all of them, one after another).
import { spawnSync } from 'node:child_process';

const all = ['http', 'study', 'content', 'runner'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : all;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`unknown benchmark "${name}"; choose from: ${all.join(', ')}`);
    process.exit(64);
  }
  console.log(`\n### bench: ${name}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
