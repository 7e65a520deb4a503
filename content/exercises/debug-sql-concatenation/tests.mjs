import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildUserSearch } from './submission.mjs';

const BASE = 'SELECT id, email, status FROM users WHERE 1=1';

test('returns a query config, not a string', () => {
  const q = buildUserSearch({});
  assert.equal(typeof q, 'object', 'buildUserSearch must return { text, values }');
  assert.deepEqual(q, { text: `${BASE} ORDER BY id`, values: [] });
});

test('every filter becomes a numbered placeholder', () => {
  assert.deepEqual(buildUserSearch({ email: 'ada@example.com', status: 'active', minAge: 18, sortBy: 'created_at' }), {
    text: `${BASE} AND email = $1 AND status = $2 AND age >= $3 ORDER BY created_at`,
    values: ['ada@example.com', 'active', 18],
  });
});

test('placeholders are numbered by the filters present', () => {
  assert.deepEqual(buildUserSearch({ email: 'ada@example.com', minAge: 18 }), {
    text: `${BASE} AND email = $1 AND age >= $2 ORDER BY id`,
    values: ['ada@example.com', 18],
  });
  assert.deepEqual(buildUserSearch({ status: 'banned' }), {
    text: `${BASE} AND status = $1 ORDER BY id`,
    values: ['banned'],
  });
});

test('the injection payload stays a value', () => {
  const payload = "x' OR '1'='1";
  const q = buildUserSearch({ email: payload });
  assert.equal(q.text, `${BASE} AND email = $1 ORDER BY id`);
  assert.deepEqual(q.values, [payload]);
  const q2 = buildUserSearch({ minAge: '0 OR 1=1' });
  assert.deepEqual(q2, { text: `${BASE} AND age >= $1 ORDER BY id`, values: ['0 OR 1=1'] }, 'numbers are values too');
});

test('the same skip rules as before: empty strings skip, minAge 0 counts', () => {
  assert.deepEqual(buildUserSearch({ email: '', status: '', minAge: 0 }), {
    text: `${BASE} AND age >= $1 ORDER BY id`,
    values: [0],
  });
});

test('sortBy comes from an allow-list', () => {
  for (const col of ['id', 'email', 'created_at']) {
    assert.equal(buildUserSearch({ sortBy: col }).text, `${BASE} ORDER BY ${col}`);
  }
  for (const bad of ['(SELECT pg_sleep(10))', 'id; DROP TABLE users', 'password_hash', 'ID', '']) {
    assert.throws(() => buildUserSearch({ sortBy: bad }), { message: /^invalid sortBy/ }, `sortBy ${JSON.stringify(bad)}`);
  }
});
