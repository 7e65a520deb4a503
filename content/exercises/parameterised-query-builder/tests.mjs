import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSelect } from './submission.mjs';

test('the example from the prompt', () => {
  assert.deepEqual(
    buildSelect({
      table: 'users',
      columns: ['id', 'email'],
      where: { status: 'active', age: { gte: 18 }, deleted_at: null },
      orderBy: ['-created_at'],
      limit: 20,
    }),
    {
      text: 'SELECT "id", "email" FROM "users" WHERE "status" = $1 AND "age" >= $2 AND "deleted_at" IS NULL ORDER BY "created_at" DESC LIMIT $3',
      values: ['active', 18, 20],
    },
  );
});

test('a bare select', () => {
  assert.deepEqual(buildSelect({ table: 'public.orders' }), { text: 'SELECT * FROM "public"."orders"', values: [] });
});

test('values never appear in the SQL text', () => {
  const evil = "x' OR '1'='1'; DROP TABLE users; --";
  const q = buildSelect({ table: 'users', where: { email: evil, name: { like: `%${evil}%` } } });
  assert.equal(q.text, 'SELECT * FROM "users" WHERE "email" = $1 AND "name" LIKE $2');
  assert.deepEqual(q.values, [evil, `%${evil}%`]);
  assert.ok(!q.text.includes('DROP'), 'user input must only be in values');
});

test('arrays become = ANY($n) with the whole array as one parameter', () => {
  const q = buildSelect({ table: 'orders', where: { id: [3, 5, 8], status: [] } });
  assert.equal(q.text, 'SELECT * FROM "orders" WHERE "id" = ANY($1) AND "status" = ANY($2)');
  assert.deepEqual(q.values, [[3, 5, 8], []]);
});

test('several operators on one column, in the documented order', () => {
  const q = buildSelect({ table: 'products', where: { price: { lt: 100, gte: 10, ne: 50 }, sku: { like: 'AB%' } } });
  assert.equal(q.text, 'SELECT * FROM "products" WHERE "price" >= $1 AND "price" < $2 AND "price" <> $3 AND "sku" LIKE $4');
  assert.deepEqual(q.values, [10, 100, 50, 'AB%']);
  const gt = buildSelect({ table: 't', where: { a: { gt: 1, lte: 9 } } });
  assert.equal(gt.text, 'SELECT * FROM "t" WHERE "a" > $1 AND "a" <= $2');
});

test('undefined filters are skipped; booleans, bigints and dates are parameters', () => {
  const when = new Date('2024-01-01T00:00:00Z');
  const q = buildSelect({ table: 'events', where: { kind: undefined, public: false, seq: 10n, at: { gte: when } } });
  assert.equal(q.text, 'SELECT * FROM "events" WHERE "public" = $1 AND "seq" = $2 AND "at" >= $3');
  assert.deepEqual(q.values, [false, 10n, when]);
  assert.equal(buildSelect({ table: 'events', where: { kind: undefined } }).text, 'SELECT * FROM "events"');
});

test('order by, limit and offset', () => {
  const q = buildSelect({ table: 'posts', where: { author_id: 7 }, orderBy: ['title', '-id'], limit: 10, offset: 0 });
  assert.equal(q.text, 'SELECT * FROM "posts" WHERE "author_id" = $1 ORDER BY "title" ASC, "id" DESC LIMIT $2 OFFSET $3');
  assert.deepEqual(q.values, [7, 10, 0]);
});

test('bad identifiers are rejected, never escaped', () => {
  const bad = [
    { table: 'users; drop table users' },
    { table: 'Users' },
    { table: 'a.b.c' },
    { table: 'users', columns: ['id', 'email" FROM secrets --'] },
    { table: 'users', where: { 'id = 1 OR 1': 1 } },
    { table: 'users', orderBy: ['created_at; DELETE'] },
    { table: 'users', orderBy: ['--id'] },
    { table: '"users"' },
  ];
  for (const spec of bad) assert.throws(() => buildSelect(spec), TypeError, JSON.stringify(spec));
});

test('unknown operators and bad limits are rejected', () => {
  assert.throws(() => buildSelect({ table: 't', where: { a: { between: [1, 2] } } }), TypeError);
  assert.throws(() => buildSelect({ table: 't', where: { a: { $gt: 1 } } }), TypeError);
  for (const limit of [-1, 1.5, '10', NaN]) {
    assert.throws(() => buildSelect({ table: 't', limit }), TypeError, `limit ${String(limit)}`);
  }
  assert.throws(() => buildSelect({ table: 't', offset: '0; DROP' }), TypeError);
});
