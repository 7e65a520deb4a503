import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { after, test } from 'node:test';
import { copyFileSafely } from './submission.mjs';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'safe-copy-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

let n = 0;
function scratch(files = {}) {
  const dir = path.join(root, `case-${n++}`);
  fs.mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const list = (dir) => fs.readdirSync(dir).sort();
const big = Buffer.alloc(256 * 1024, 'abcdefghij');

function failAfter(bytes, message = 'transform failed') {
  let seen = 0;
  return new Transform({
    transform(chunk, enc, cb) {
      seen += chunk.length;
      if (seen > bytes) return cb(new Error(message));
      cb(null, chunk);
    },
  });
}

const openFds = () => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : null);

test('copies the bytes and resolves with the byte count', async () => {
  const dir = scratch({ 'in.bin': big });
  const bytes = await copyFileSafely(path.join(dir, 'in.bin'), path.join(dir, 'out.bin'));
  assert.equal(bytes, big.length);
  assert.ok(fs.readFileSync(path.join(dir, 'out.bin')).equals(big), 'the copy must equal the source');
  assert.deepEqual(list(dir), ['in.bin', 'out.bin'], 'no temporary file may remain');
});

test('applies transforms in order and counts the bytes written', async () => {
  const dir = scratch({ 'in.txt': 'hello world\n' });
  const upper = new Transform({ transform: (c, e, cb) => cb(null, c.toString().toUpperCase()) });
  async function* exclaim(source) {
    for await (const chunk of source) yield chunk.toString().replace('\n', '!\n');
  }
  const bytes = await copyFileSafely(path.join(dir, 'in.txt'), path.join(dir, 'out.txt'), { transforms: [upper, exclaim] });
  assert.equal(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8'), 'HELLO WORLD!\n');
  assert.equal(bytes, 13);
});

test('a missing source rejects with ENOENT and leaves no file behind', async () => {
  const dir = scratch();
  await assert.rejects(copyFileSafely(path.join(dir, 'nope.txt'), path.join(dir, 'out.txt')), { code: 'ENOENT' });
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(list(dir), [], 'neither the destination nor a temporary file may exist');
});

test('a transform failing midway rejects with its error and removes the partial file', async () => {
  const dir = scratch({ 'in.bin': big });
  await assert.rejects(
    copyFileSafely(path.join(dir, 'in.bin'), path.join(dir, 'out.bin'), { transforms: [failAfter(100_000)] }),
    { message: 'transform failed' },
  );
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(list(dir), ['in.bin']);
});

test('an existing destination is untouched when the copy fails', async () => {
  const dir = scratch({ 'in.bin': big, 'out.bin': 'previous good version' });
  await assert.rejects(
    copyFileSafely(path.join(dir, 'in.bin'), path.join(dir, 'out.bin'), { transforms: [failAfter(70_000)] }),
  );
  assert.equal(fs.readFileSync(path.join(dir, 'out.bin'), 'utf8'), 'previous good version');
  assert.deepEqual(list(dir), ['in.bin', 'out.bin']);
});

test('an existing destination is replaced when the copy succeeds', async () => {
  const dir = scratch({ 'in.txt': 'new', 'out.txt': 'old' });
  await copyFileSafely(path.join(dir, 'in.txt'), path.join(dir, 'out.txt'));
  assert.equal(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8'), 'new');
});

test('an abort signal stops the copy with an AbortError and cleans up', async () => {
  const dir = scratch({ 'in.bin': big });
  const controller = new AbortController();
  const stall = new Transform({
    transform(chunk, enc, cb) {
      controller.abort();
      setTimeout(() => cb(null, chunk), 5);
    },
  });
  await assert.rejects(
    copyFileSafely(path.join(dir, 'in.bin'), path.join(dir, 'out.bin'), { transforms: [stall], signal: controller.signal }),
    { name: 'AbortError' },
  );
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(list(dir), ['in.bin']);
});

test('a missing destination folder rejects and does not leak the source file descriptor', async (t) => {
  const dir = scratch({ 'in.bin': big });
  if (openFds() === null) return t.skip('no /proc/self/fd on this platform');
  const before = openFds();
  for (let i = 0; i < 20; i++) {
    await assert.rejects(copyFileSafely(path.join(dir, 'in.bin'), path.join(dir, 'missing', 'out.bin')), { code: 'ENOENT' });
  }
  await new Promise((r) => setTimeout(r, 20));
  const leaked = openFds() - before;
  assert.ok(leaked < 5, `${leaked} file descriptors were left open after 20 failed copies`);
});
