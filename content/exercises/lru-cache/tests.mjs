import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LRUCache } from './submission.mjs';

test('stores and returns values; misses are undefined', () => {
  const c = new LRUCache(3);
  assert.equal(c.set('a', 1), c, 'set returns the cache');
  assert.equal(c.get('a'), 1);
  assert.equal(c.get('zzz'), undefined);
  assert.equal(c.size, 1);
});

test('evicts the least recently inserted key when nothing was read', () => {
  const c = new LRUCache(2);
  c.set('a', 1).set('b', 2).set('c', 3);
  assert.equal(c.has('a'), false);
  assert.deepEqual(c.keys(), ['b', 'c']);
  assert.equal(c.size, 2);
});

test('get makes a key the most recently used', () => {
  const c = new LRUCache(2);
  c.set('a', 1).set('b', 2);
  c.get('a');
  c.set('c', 3);
  assert.deepEqual(c.keys(), ['a', 'c'], "reading 'a' must protect it; 'b' is evicted");
});

test('has does not change recency', () => {
  const c = new LRUCache(2);
  c.set('a', 1).set('b', 2);
  assert.equal(c.has('a'), true);
  c.set('c', 3);
  assert.equal(c.has('a'), false, 'has() must not count as a use');
});

test('updating a key replaces the value, refreshes it and evicts nothing', () => {
  const evicted = [];
  const c = new LRUCache(2, { onEvict: (k, v) => evicted.push([k, v]) });
  c.set('a', 1).set('b', 2).set('a', 10);
  assert.equal(c.size, 2);
  assert.deepEqual(evicted, []);
  assert.deepEqual(c.keys(), ['b', 'a']);
  c.set('c', 3);
  assert.deepEqual(evicted, [['b', 2]]);
  assert.equal(c.get('a'), 10);
});

test('onEvict is called for capacity evictions only', () => {
  const evicted = [];
  const c = new LRUCache(1, { onEvict: (k, v) => evicted.push([k, v]) });
  c.set('a', 1);
  c.delete('a');
  assert.deepEqual(evicted, [], 'delete is not an eviction');
  c.set('b', 2).set('c', 3).set('d', 4);
  assert.deepEqual(evicted, [['b', 2], ['c', 3]]);
});

test('delete reports whether the key existed', () => {
  const c = new LRUCache(2);
  c.set('a', 1);
  assert.equal(c.delete('a'), true);
  assert.equal(c.delete('a'), false);
  assert.equal(c.size, 0);
});

test('falsy values and non-string keys are kept apart correctly', () => {
  const c = new LRUCache(3);
  c.set(1, 'number one').set('1', 'string one').set('zero', 0);
  assert.equal(c.get(1), 'number one');
  assert.equal(c.get('1'), 'string one');
  assert.equal(c.get('zero'), 0);
  c.set('x', '');
  assert.equal(c.has(1), false, 'key 1 was least recently used');
  assert.equal(c.get('x'), '');
  c.get('zero');
  c.set('y', false);
  assert.deepEqual(c.keys(), ['x', 'zero', 'y']);
  assert.equal(c.get('y'), false);
});

test('an invalid capacity throws RangeError', () => {
  assert.throws(() => new LRUCache(0), RangeError);
  assert.throws(() => new LRUCache(-1), RangeError);
  assert.throws(() => new LRUCache(2.5), RangeError);
  assert.throws(() => new LRUCache('3'), RangeError);
});
