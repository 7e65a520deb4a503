import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitizeInput } from './submission.mjs';

test('the login bypass from the prompt is neutralised', () => {
  const body = JSON.parse('{"email":"a@b.c","password":{"$ne":null},"__proto__":{"isAdmin":true}}');
  assert.deepEqual(sanitizeInput(body), {
    value: { email: 'a@b.c', password: {} },
    removed: ['password.$ne', '__proto__'],
  });
});

test('clean input is copied unchanged', () => {
  const input = { name: 'Ada', age: 36, tags: ['a', 'b'], address: { city: 'London', zip: null }, active: false };
  const { value, removed } = sanitizeInput(input);
  assert.deepEqual(value, input);
  assert.deepEqual(removed, []);
  assert.notEqual(value, input, 'a new object must be returned');
  assert.notEqual(value.address, input.address, 'nested objects must be copied too');
  assert.notEqual(value.tags, input.tags);
});

test('the input is never modified', () => {
  const input = { filter: { $where: 'sleep(1000)', name: 'x' } };
  const snapshot = structuredClone(input);
  sanitizeInput(input);
  assert.deepEqual(input, snapshot);
});

test('operators are removed at any depth, including inside arrays', () => {
  const input = { items: [{ sku: 'A' }, { $where: 'this.price < 0', sku: 'B' }], q: { nested: { deep: { $gt: '' } } } };
  assert.deepEqual(sanitizeInput(input), {
    value: { items: [{ sku: 'A' }, { sku: 'B' }], q: { nested: { deep: {} } } },
    removed: ['items.1.$where', 'q.nested.deep.$gt'],
  });
});

test('dotted keys and prototype keys are removed', () => {
  const input = JSON.parse('{"profile.role":"admin","a":{"constructor":{"prototype":{"x":1}},"prototype":1,"ok":true}}');
  const { value, removed } = sanitizeInput(input);
  assert.deepEqual(value, { a: { ok: true } });
  assert.deepEqual(removed, ['profile.role', 'a.constructor', 'a.prototype']);
  assert.equal({}.x, undefined);
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
});

test('scalars and top-level arrays are accepted', () => {
  assert.deepEqual(sanitizeInput('plain'), { value: 'plain', removed: [] });
  assert.deepEqual(sanitizeInput(null), { value: null, removed: [] });
  assert.deepEqual(sanitizeInput([{ $or: [] }, 1]), { value: [{}, 1], removed: ['0.$or'] });
});

test('values that cannot come from JSON are refused', () => {
  for (const bad of [{ a: undefined }, { a: () => 1 }, { a: new Date() }, { a: /x/ }, { a: 1n }, { a: Symbol('s') }, { a: new Map() }]) {
    assert.throws(() => sanitizeInput(bad), TypeError, `refuse ${String(Object.values(bad)[0])}`);
  }
});

test('deep nesting is refused with RangeError', () => {
  let deep = 'bottom';
  for (let i = 0; i < 25; i++) deep = { d: deep };
  assert.throws(() => sanitizeInput(deep), RangeError);
  let ok = 'bottom';
  for (let i = 0; i < 20; i++) ok = { d: ok };
  assert.doesNotThrow(() => sanitizeInput(ok), '20 levels of objects are allowed by default');
  assert.throws(() => sanitizeInput({ a: { b: [1] } }, { maxDepth: 2 }), RangeError);
  assert.doesNotThrow(() => sanitizeInput({ a: { b: 1 } }, { maxDepth: 2 }));
});
