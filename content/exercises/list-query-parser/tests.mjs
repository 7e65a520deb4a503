import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseListQuery, QueryValidationError } from './submission.mjs';

const options = {
  sortable: ['price', 'name', 'createdAt'],
  filters: { status: 'string', minPrice: 'number', inStock: 'boolean' },
  defaultLimit: 20,
  maxLimit: 100,
};

function errorsOf(query, opts = options) {
  try {
    parseListQuery(query, opts);
  } catch (err) {
    assert.ok(err instanceof QueryValidationError, `expected a QueryValidationError, got ${err}`);
    assert.equal(err.message, 'Invalid query parameters');
    return err.errors;
  }
  assert.fail(`expected ${JSON.stringify(query)} to be rejected`);
}

test('applies defaults to an empty query', () => {
  assert.deepEqual(parseListQuery({}, options), { limit: 20, offset: 0, sort: [], filters: {} });
});

test('parses limit, offset, sort and typed filters', () => {
  const q = { status: 'active', minPrice: '9.99', inStock: 'false', sort: '-price,name', limit: '50', offset: '100' };
  assert.deepEqual(parseListQuery(q, options), {
    limit: 50,
    offset: 100,
    sort: [
      { field: 'price', direction: 'desc' },
      { field: 'name', direction: 'asc' },
    ],
    filters: { status: 'active', minPrice: 9.99, inStock: false },
  });
  assert.deepEqual(parseListQuery({ minPrice: '-3', inStock: 'true' }, options).filters, { minPrice: -3, inStock: true });
});

test('rejects limits out of range or not made of digits', () => {
  for (const limit of ['0', '101', '-1', '2.5', '1e2', ' 10', 'ten']) {
    assert.deepEqual(errorsOf({ limit }), [{ param: 'limit', message: 'must be an integer from 1 to 100' }], `limit=${limit}`);
  }
  assert.equal(parseListQuery({ limit: '100' }, options).limit, 100, 'maxLimit itself is allowed');
});

test('rejects bad offsets', () => {
  for (const offset of ['-5', '1.5', 'abc', '0x10']) {
    assert.deepEqual(errorsOf({ offset }), [{ param: 'offset', message: 'must be a non-negative integer' }], `offset=${offset}`);
  }
  assert.equal(parseListQuery({ offset: '0' }, options).offset, 0);
});

test('reports each bad sort field and duplicates', () => {
  assert.deepEqual(errorsOf({ sort: 'price,password,-price,-secret' }), [
    { param: 'sort', message: 'cannot sort by "password"' },
    { param: 'sort', message: '"price" is listed twice' },
    { param: 'sort', message: 'cannot sort by "secret"' },
  ]);
});

test('rejects badly typed filter values', () => {
  assert.deepEqual(errorsOf({ minPrice: 'cheap', inStock: 'yes' }), [
    { param: 'minPrice', message: 'must be a number' },
    { param: 'inStock', message: 'must be true or false' },
  ]);
  assert.deepEqual(errorsOf({ minPrice: '1,5' }), [{ param: 'minPrice', message: 'must be a number' }]);
});

test('unknown, repeated and empty parameters are errors, collected together in query order', () => {
  assert.deepEqual(errorsOf({ page: '2', status: ['a', 'b'], limit: '', sort: 'name', debug: 'true' }), [
    { param: 'page', message: 'is not a known parameter' },
    { param: 'status', message: 'must be given once' },
    { param: 'limit', message: 'must not be empty' },
    { param: 'debug', message: 'is not a known parameter' },
  ]);
});

test('inherited names are not filters', () => {
  const query = JSON.parse('{"toString":"x","constructor":"y","__proto__":"z"}');
  assert.deepEqual(errorsOf(query), [
    { param: 'toString', message: 'is not a known parameter' },
    { param: 'constructor', message: 'is not a known parameter' },
    { param: '__proto__', message: 'is not a known parameter' },
  ]);
});

test('uses the given defaultLimit and maxLimit', () => {
  const opts = { ...options, defaultLimit: 5, maxLimit: 10 };
  assert.equal(parseListQuery({}, opts).limit, 5);
  assert.deepEqual(errorsOf({ limit: '11' }, opts), [{ param: 'limit', message: 'must be an integer from 1 to 10' }]);
});
