// Runs inside the sandbox: reads one job from stdin, writes its files into the working folder
// (the sandbox's private scratch folder) and imports its entry. The process is used once.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const job = JSON.parse(Buffer.concat(chunks).toString('utf8'));
// The job used up stdin. The program gets an empty one that ends when read, as `node main.js
// < /dev/null` would give it, so code reading input finishes instead of waiting forever.
const emptyStdin = new Readable({
  read() {
    this.push(null);
  },
});
emptyStdin.fd = 0;
Object.defineProperty(process, 'stdin', { value: emptyStdin, configurable: true, enumerable: true });
const root = process.cwd();
// os.tmpdir() points inside the scratch folder, the only place the program may write.
if (process.env.TMPDIR) fs.mkdirSync(process.env.TMPDIR, { recursive: true });
for (const [name, text] of Object.entries(job.files)) {
  const file = path.join(root, name);
  if (!file.startsWith(root + path.sep))
    throw new Error(`refusing to write ${name} outside the scratch folder`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
const entry = path.join(root, job.entry);
if (entry.endsWith('.cjs')) {
  // `node main.cjs` runs its module outside any promise job, so process.nextTick callbacks come
  // before promise callbacks. Requiring it from a macrotask keeps that order; importing it from
  // here would run it inside a promise job and swap them.
  setImmediate(() => createRequire(entry)(entry));
} else {
  await import(pathToFileURL(entry).href);
}
