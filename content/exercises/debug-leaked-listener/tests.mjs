import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, test } from 'node:test';
import { createRpcClient } from './submission.mjs';

class FakeSocket extends EventEmitter {
  sent = [];
  autoReply = true;
  send(msg) {
    this.sent.push(msg);
    if (this.autoReply) {
      setImmediate(() => this.emit('message', { id: msg.id, result: `${msg.method}:${JSON.stringify(msg.params)}` }));
    }
  }
}

const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const flush = () => new Promise((r) => setImmediate(r));

let warnings = [];
const onWarning = (w) => warnings.push(w);
beforeEach(() => {
  warnings = [];
  process.on('warning', onWarning);
});
afterEach(() => {
  process.off('warning', onWarning);
});

test('sends numbered requests and resolves with the matching result', async () => {
  const socket = new FakeSocket();
  const client = createRpcClient(socket, { timeoutMs: 2000 });
  assert.equal(await client.request('getUser', { id: 7 }), 'getUser:{"id":7}');
  assert.equal(await client.request('ping'), 'ping:undefined');
  assert.deepEqual(
    socket.sent.map((m) => m.id),
    [1, 2],
  );
  assert.deepEqual(socket.sent[0], { id: 1, method: 'getUser', params: { id: 7 } });
});

test('an error response rejects with an Error', async () => {
  const socket = new FakeSocket();
  socket.autoReply = false;
  const client = createRpcClient(socket, { timeoutMs: 2000 });
  const p = client.request('charge', { amount: 5 });
  socket.emit('message', { id: 1, error: 'insufficient funds' });
  await assert.rejects(p, (err) => err instanceof Error && err.message === 'insufficient funds');
});

test('sequential requests leave no listeners behind', async () => {
  const socket = new FakeSocket();
  const before = socket.listenerCount('message');
  const client = createRpcClient(socket, { timeoutMs: 2000 });
  for (let i = 0; i < 50; i++) await client.request('ping', i);
  assert.ok(
    socket.listenerCount('message') - before <= 1,
    `after 50 requests the socket has ${socket.listenerCount('message') - before} message listeners`,
  );
});

test('50 concurrent requests use at most one listener and trigger no warning', async () => {
  const socket = new FakeSocket();
  socket.autoReply = false;
  const client = createRpcClient(socket, { timeoutMs: 2000 });
  const all = Promise.all(Array.from({ length: 50 }, (_, i) => client.request('get', i)));
  assert.ok(socket.listenerCount('message') <= 1, `${socket.listenerCount('message')} listeners for 50 pending requests`);
  for (const msg of [...socket.sent].reverse()) socket.emit('message', { id: msg.id, result: msg.params * 2 });
  assert.deepEqual(await all, Array.from({ length: 50 }, (_, i) => i * 2), 'each request gets its own response');
  await flush();
  assert.deepEqual(
    warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map(String),
    [],
  );
  assert.equal(socket.getMaxListeners(), 10, 'raising the listener limit hides the leak instead of fixing it');
});

test('a settled request clears its timer', async () => {
  const socket = new FakeSocket();
  const client = createRpcClient(socket, { timeoutMs: 2000 });
  const before = timeouts();
  await Promise.all(Array.from({ length: 10 }, (_, i) => client.request('ping', i)));
  assert.equal(timeouts(), before, 'every 2 s timeout timer must be cleared once its response arrived');
});

test('a request without an answer times out; a late answer is ignored', async () => {
  const socket = new FakeSocket();
  socket.autoReply = false;
  const client = createRpcClient(socket, { timeoutMs: 20 });
  await assert.rejects(client.request('slow'), { message: 'request 1 timed out' });
  assert.doesNotThrow(() => socket.emit('message', { id: 1, result: 'too late' }));
  socket.autoReply = true;
  assert.equal(await client.request('fast'), 'fast:undefined', 'the client still works after a timeout');
});

test('unknown ids are ignored', async () => {
  const socket = new FakeSocket();
  socket.autoReply = false;
  const client = createRpcClient(socket, { timeoutMs: 2000 });
  const p = client.request('get');
  socket.emit('message', { id: 999, result: 'not mine' });
  socket.emit('message', { id: 1, result: 'mine' });
  assert.equal(await p, 'mine');
});
