import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRouter } from './submission.mjs';

const h = (name) => {
  const fn = () => name;
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
};

test('matches static routes and returns the handler with empty params', () => {
  const home = h('home');
  const health = h('health');
  const r = createRouter().get('/', home).get('/health', health);
  assert.deepEqual(r.match('GET', '/'), { handler: home, params: {} });
  assert.deepEqual(r.match('GET', '/health'), { handler: health, params: {} });
});

test('captures named parameters', () => {
  const showOrder = h('showOrder');
  const r = createRouter().get('/users/:userId/orders/:orderId', showOrder);
  assert.deepEqual(r.match('GET', '/users/7/orders/99'), { handler: showOrder, params: { userId: '7', orderId: '99' } });
  assert.equal(r.match('GET', '/users/7/orders'), null, 'segment counts must match');
  assert.equal(r.match('GET', '/users//orders/99'), null, 'a parameter never matches an empty segment');
});

test('ignores the query string, fragment and a trailing slash', () => {
  const show = h('show');
  const r = createRouter().get('/users/:id', show);
  assert.deepEqual(r.match('GET', '/users/42?fields=name&x=/y'), { handler: show, params: { id: '42' } });
  assert.deepEqual(r.match('GET', '/users/42/'), { handler: show, params: { id: '42' } });
  assert.deepEqual(r.match('GET', '/users/42#top'), { handler: show, params: { id: '42' } });
  assert.equal(r.match('GET', '/users/42/extra'), null);
});

test('decodes parameters and reports malformed encoding as 400', () => {
  const file = h('file');
  const r = createRouter().get('/files/:name', file);
  assert.deepEqual(r.match('GET', '/files/a%20b.txt').params, { name: 'a b.txt' });
  assert.deepEqual(r.match('GET', '/files/caf%C3%A9').params, { name: 'café' });
  assert.deepEqual(r.match('GET', '/files/%E0%A4%A'), { status: 400 });
});

test('methods are case-insensitive and the first registered match wins', () => {
  const byId = h('byId');
  const me = h('me');
  const r = createRouter().get('/users/:id', byId).get('/users/me', me);
  assert.deepEqual(r.match('get', '/users/me'), { handler: byId, params: { id: 'me' } }, '/users/:id shadows /users/me');
  const fixed = createRouter().add('get', '/users/me', me).get('/users/:id', byId);
  assert.equal(fixed.match('GET', '/users/me').handler, me);
  assert.equal(fixed.match('GET', '/users/5').handler, byId);
});

test('the same path with different methods picks the right handler', () => {
  const list = h('list');
  const create = h('create');
  const update = h('update');
  const remove = h('remove');
  const r = createRouter().get('/items', list).post('/items', create).patch('/items/:id', update).delete('/items/:id', remove);
  assert.equal(r.match('POST', '/items').handler, create);
  assert.equal(r.match('GET', '/items').handler, list);
  assert.equal(r.match('PATCH', '/items/1').handler, update);
  assert.equal(r.match('DELETE', '/items/1').handler, remove);
});

test('a known path with the wrong method is 405 with Allow', () => {
  const r = createRouter()
    .get('/users/:id', h('a'))
    .put('/users/:id', h('b'))
    .add('GET', '/users/:name', h('c'))
    .post('/users', h('d'));
  assert.deepEqual(r.match('DELETE', '/users/42'), { status: 405, allow: ['GET', 'HEAD', 'PUT'] });
  assert.deepEqual(r.match('GET', '/users'), { status: 405, allow: ['POST'] });
  assert.equal(r.match('GET', '/nothing'), null, 'an unknown path is a 404 (null)');
});

test('HEAD falls back to GET', () => {
  const get = h('get');
  const head = h('head');
  const r = createRouter().get('/a', get).get('/b', get).add('HEAD', '/b', head);
  assert.equal(r.match('HEAD', '/a').handler, get);
  assert.equal(r.match('HEAD', '/b').handler, head, 'a HEAD route, when there is one, beats the GET fallback');
  assert.equal(r.match('GET', '/b').handler, get);
});

test('invalid patterns throw', () => {
  assert.throws(() => createRouter().get('users', h('x')), Error);
  assert.throws(() => createRouter().get('/a/:id/b/:id', h('x')), Error);
});
