import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCursor, encodeCursor, InvalidCursorError, keysetCondition, paginate } from './submission.mjs';

// Newest first; rows 5 and 4 share a timestamp, so the id breaks the tie.
const rows = [
  { id: 9, createdAt: '2024-05-09T10:00:00.000Z', title: 'nine' },
  { id: 8, createdAt: '2024-05-08T10:00:00.000Z', title: 'eight' },
  { id: 7, createdAt: '2024-05-07T10:00:00.000Z', title: 'seven' },
  { id: 5, createdAt: '2024-05-05T10:00:00.000Z', title: 'five' },
  { id: 4, createdAt: '2024-05-05T10:00:00.000Z', title: 'four' },
  { id: 2, createdAt: '2024-05-02T10:00:00.000Z', title: 'two' },
];
const ids = (page) => page.items.map((r) => r.id);

test('encodes a cursor as unpadded base64url JSON and decodes it back', () => {
  const c = encodeCursor({ createdAt: '2024-05-05T10:00:00.000Z', id: 5 });
  assert.equal(c, Buffer.from('["2024-05-05T10:00:00.000Z",5]').toString('base64url'));
  assert.match(c, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeCursor(c), { createdAt: '2024-05-05T10:00:00.000Z', id: 5 });
});

test('walks the whole feed page by page without gaps or repeats', () => {
  const seen = [];
  let after;
  let pages = 0;
  do {
    const page = paginate(rows, { limit: 2, after });
    seen.push(...ids(page));
    after = page.nextCursor ?? undefined;
    pages++;
  } while (after && pages < 10);
  assert.deepEqual(seen, [9, 8, 7, 5, 4, 2]);
  assert.equal(pages, 3);
});

test('nextCursor is null on the last page, also when it is exactly full', () => {
  const page = paginate(rows, { limit: 6 });
  assert.equal(page.items.length, 6);
  assert.equal(page.nextCursor, null);
  const first = paginate(rows, { limit: 5 });
  assert.deepEqual(ids(first), [9, 8, 7, 5, 4]);
  assert.notEqual(first.nextCursor, null);
  assert.deepEqual(decodeCursor(first.nextCursor), { createdAt: '2024-05-05T10:00:00.000Z', id: 4 });
  assert.deepEqual(paginate(rows, { limit: 5, after: first.nextCursor }), { items: [rows[5]], nextCursor: null });
  assert.deepEqual(paginate([], {}), { items: [], nextCursor: null });
});

test('ties on createdAt are broken by id', () => {
  const after = encodeCursor({ createdAt: '2024-05-05T10:00:00.000Z', id: 5 });
  assert.deepEqual(ids(paginate(rows, { limit: 10, after })), [4, 2], 'row 4 has the same time as 5 but a lower id');
});

test('stable when rows are inserted or deleted between pages', () => {
  const page1 = paginate(rows, { limit: 2 });
  const changed = [
    { id: 10, createdAt: '2024-05-10T10:00:00.000Z', title: 'new' },
    ...rows.filter((r) => r.id !== 8), // the last item of page 1 was deleted
  ];
  assert.deepEqual(ids(paginate(changed, { limit: 2, after: page1.nextCursor })), [7, 5]);
});

test('invalid cursors throw InvalidCursorError', () => {
  const b64 = (s) => Buffer.from(s).toString('base64url');
  const bad = [
    'not a cursor!',
    '',
    b64('{oops'),
    b64('{"createdAt":"2024-01-01T00:00:00Z","id":1}'),
    b64('["2024-01-01T00:00:00Z"]'),
    b64('["yesterday",1]'),
    b64('[20240101,1]'),
    b64('["2024-01-01T00:00:00Z",0]'),
    b64('["2024-01-01T00:00:00Z",1.5]'),
    b64('["2024-01-01T00:00:00Z","1"]'),
  ];
  for (const cursor of bad) {
    assert.throws(() => decodeCursor(cursor), (err) => err instanceof InvalidCursorError && err.name === 'InvalidCursorError', `cursor ${JSON.stringify(cursor)}`);
  }
  assert.throws(() => paginate(rows, { after: 'garbage!!' }), InvalidCursorError);
});

test('limit must be an integer from 1 to 100', () => {
  for (const limit of [0, 101, 2.5, -1]) assert.throws(() => paginate(rows, { limit }), RangeError, `limit ${limit}`);
  assert.equal(paginate(rows, { limit: 100 }).items.length, 6);
  assert.equal(paginate(rows).items.length, 6, 'the default limit is 20');
});

test('keysetCondition builds a parameterised row-value comparison', () => {
  assert.deepEqual(keysetCondition({ createdAt: '2024-05-05T10:00:00.000Z', id: 5 }), {
    text: '("created_at", "id") < ($1, $2)',
    values: ['2024-05-05T10:00:00.000Z', 5],
  });
});
