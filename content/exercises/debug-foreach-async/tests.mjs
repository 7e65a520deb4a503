import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { sendAll } from './submission.mjs';

const turn = () => new Promise((r) => setImmediate(r));

let unhandled = [];
const onUnhandled = (reason) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => process.off('unhandledRejection', onUnhandled));

function fakeProvider({ rejects = [] } = {}) {
  const p = { delivered: [], running: 0, maxRunning: 0 };
  p.send = async (to) => {
    p.running++;
    p.maxRunning = Math.max(p.maxRunning, p.running);
    await turn();
    p.running--;
    if (rejects.includes(to)) throw new Error(`550 no such mailbox: ${to}`);
    p.delivered.push(to);
  };
  return p;
}

test('resolves with the number sent, after every send has finished', async () => {
  const provider = fakeProvider();
  const count = await sendAll(['a@x.io', 'b@x.io', 'c@x.io'], provider.send);
  assert.equal(count, 3);
  assert.deepEqual(provider.delivered, ['a@x.io', 'b@x.io', 'c@x.io'], 'all sends must be done when sendAll resolves');
});

test('sends one at a time, in order', async () => {
  const provider = fakeProvider();
  const list = Array.from({ length: 10 }, (_, i) => `u${i}@x.io`);
  await sendAll(list, provider.send);
  assert.equal(provider.maxRunning, 1, `${provider.maxRunning} sends ran at the same time`);
  assert.deepEqual(provider.delivered, list);
});

test('a failed send rejects sendAll and stops the rest', async () => {
  const provider = fakeProvider({ rejects: ['bad@x.io'] });
  await assert.rejects(sendAll(['a@x.io', 'bad@x.io', 'c@x.io'], provider.send), { message: '550 no such mailbox: bad@x.io' });
  for (let i = 0; i < 5; i++) await turn();
  assert.deepEqual(provider.delivered, ['a@x.io'], 'nobody after the failing address may be sent to');
});

test('a failure is catchable and never an unhandled rejection', async () => {
  const provider = fakeProvider({ rejects: ['a@x.io', 'b@x.io'] });
  let caught;
  try {
    await sendAll(['a@x.io', 'b@x.io'], provider.send);
  } catch (err) {
    caught = err;
  }
  for (let i = 0; i < 5; i++) await turn();
  assert.equal(caught?.message, '550 no such mailbox: a@x.io');
  assert.deepEqual(unhandled.map(String), []);
});

test('an empty list sends nothing and resolves with 0', async () => {
  assert.equal(await sendAll([], () => assert.fail('send must not be called')), 0);
});
