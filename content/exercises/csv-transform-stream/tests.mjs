import assert from 'node:assert/strict';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { test } from 'node:test';
import { createCsvParser } from './submission.mjs';

async function parse(chunks, options) {
  const rows = [];
  await pipeline(Readable.from(chunks, { objectMode: false }), createCsvParser(options), async function* (source) {
    for await (const row of source) rows.push(row);
  });
  return rows;
}

const utf8 = (s) => Buffer.from(s, 'utf8');

test('parses a header and rows into objects', async () => {
  const rows = await parse([utf8('name,age\nada,36\nlinus,54\n')]);
  assert.deepEqual(rows, [
    { name: 'ada', age: '36' },
    { name: 'linus', age: '54' },
  ]);
});

test('returns an object-mode Transform', () => {
  const p = createCsvParser();
  assert.ok(p instanceof Transform, 'createCsvParser must return a stream.Transform');
  assert.equal(p.readableObjectMode, true, 'the readable side must be in object mode');
  p.destroy();
});

const tricky = 'name,city,note\r\nZoë,東京,"says ""hi"", twice"\r\n\r\nBjörk,"Reykjavík, IS",\r\nLast,Line,no newline';
const trickyRows = [
  { name: 'Zoë', city: '東京', note: 'says "hi", twice' },
  { name: 'Björk', city: 'Reykjavík, IS', note: '' },
  { name: 'Last', city: 'Line', note: 'no newline' },
];

test('handles CRLF, quotes, empty lines, empty fields and a last line without a line break', async () => {
  assert.deepEqual(await parse([utf8(tricky)]), trickyRows);
});

test('gives the same rows however the bytes are split (every split point)', async () => {
  const bytes = utf8(tricky);
  for (let cut = 1; cut < bytes.length; cut++) {
    const rows = await parse([bytes.subarray(0, cut), bytes.subarray(cut)]);
    assert.deepEqual(rows, trickyRows, `wrong rows when the input is split at byte ${cut}`);
  }
});

test('gives the same rows when fed one byte at a time', async () => {
  const bytes = utf8(tricky);
  const chunks = Array.from(bytes, (b) => Buffer.from([b]));
  assert.deepEqual(await parse(chunks), trickyRows);
});

test('supports another separator', async () => {
  assert.deepEqual(await parse([utf8('a;b\n"1;2";3\n')], { separator: ';' }), [{ a: '1;2', b: '3' }]);
});

test('a row with the wrong number of fields fails the stream with its line number', async () => {
  await assert.rejects(parse([utf8('a,b\n1,2\n1,2,3\n4,5\n')]), (err) => {
    assert.match(err.message, /^line 3: /);
    return true;
  });
  await assert.rejects(
    parse([utf8('a,b\n\n1\n')]),
    (err) => err instanceof Error && /^line 3: /.test(err.message),
    'empty lines still count as lines',
  );
});

test('emits a row as soon as its line is complete, before the input ends', async () => {
  const p = createCsvParser();
  const rows = [];
  p.on('data', (row) => rows.push(row));
  p.write(utf8('id,name\n7,ada\n8,bo'));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(rows, [{ id: '7', name: 'ada' }], 'the first row must be emitted without waiting for end()');
  p.end(utf8('b\n'));
  await new Promise((r) => p.on('end', r));
  assert.deepEqual(rows, [{ id: '7', name: 'ada' }, { id: '8', name: 'bob' }]);
  assert.deepEqual(await parse([utf8('only,a,header\n')]), [], 'a header alone gives no rows');
});

test('respects backpressure: a stalled consumer stops the source being read', async () => {
  let pulled = 0;
  const chunk = utf8('aaaaaaaaaa,bbbbbbbbbb\n'.repeat(100));
  const source = new Readable({
    read() {
      pulled++;
      if (pulled === 1) this.push(utf8('x,y\n'));
      else if (pulled > 10_000) this.push(null);
      else this.push(chunk);
    },
  });
  const stalled = new Writable({
    objectMode: true,
    highWaterMark: 1,
    write(row, enc, callback) {
      // never calls back: the consumer is stuck
    },
  });
  const parser = createCsvParser();
  source.pipe(parser).pipe(stalled);
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
  const snapshot = pulled;
  source.destroy();
  parser.destroy();
  stalled.destroy();
  assert.ok(snapshot < 100, `the source was read ${snapshot} times although nothing was consumed`);
});
