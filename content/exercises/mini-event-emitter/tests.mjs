import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Emitter } from './submission.mjs';

test('emit calls listeners synchronously, in order, with this and the arguments', () => {
  const e = new Emitter();
  const log = [];
  e.on('data', function (a, b) {
    log.push(['first', a, b, this === e]);
  });
  e.on('data', (a) => log.push(['second', a]));
  const returned = e.emit('data', 1, 2);
  log.push(['after emit']);
  assert.equal(returned, true);
  assert.deepEqual(log, [['first', 1, 2, true], ['second', 1], ['after emit']]);
  assert.equal(e.emit('nothing'), false, 'emit returns false when there are no listeners');
});

test('on, once and off return the emitter for chaining', () => {
  const e = new Emitter();
  const fn = () => {};
  assert.equal(e.on('a', fn), e);
  assert.equal(e.once('a', fn), e);
  assert.equal(e.off('a', fn), e);
});

test('once listeners run once and are removed before they are called', () => {
  const e = new Emitter();
  let calls = 0;
  e.once('ready', () => {
    calls++;
    e.emit('ready'); // re-entrant emit must not call it again
  });
  assert.equal(e.emit('ready'), true);
  assert.equal(e.emit('ready'), false);
  assert.equal(calls, 1);
  assert.equal(e.listenerCount('ready'), 0);
});

test('a once listener fires once even when a re-entrant emit reaches it first', () => {
  const e = new Emitter();
  let onceCalls = 0;
  let depth = 0;
  e.on('t', () => {
    if (depth++ === 0) e.emit('t');
  });
  e.once('t', () => onceCalls++);
  e.emit('t');
  assert.equal(onceCalls, 1);
});

test('off removes a once listener that has not fired, using the original function', () => {
  const e = new Emitter();
  let called = false;
  const fn = () => {
    called = true;
  };
  e.once('x', fn);
  e.off('x', fn);
  assert.equal(e.emit('x'), false);
  assert.equal(called, false);
});

test('a function added twice is called twice; off removes one registration', () => {
  const e = new Emitter();
  let calls = 0;
  const fn = () => calls++;
  e.on('t', fn).on('t', fn);
  e.emit('t');
  assert.equal(calls, 2);
  assert.equal(e.listenerCount('t'), 2);
  e.off('t', fn);
  assert.equal(e.listenerCount('t'), 1);
  e.emit('t');
  assert.equal(calls, 3);
  e.off('t', () => {});
  assert.equal(e.listenerCount('t'), 1, 'removing an unknown function does nothing');
});

test('off removes the most recently added registration', () => {
  const e = new Emitter();
  const log = [];
  const a = () => log.push('a');
  const b = () => log.push('b');
  e.on('t', a).on('t', b).on('t', a);
  e.off('t', a);
  e.emit('t');
  assert.deepEqual(log, ['a', 'b']);
});

test('changes during emit do not affect the running emit', () => {
  const e = new Emitter();
  const log = [];
  const second = () => log.push('second');
  e.on('t', () => {
    log.push('first');
    e.off('t', second);
    e.on('t', () => log.push('added during emit'));
  });
  e.on('t', second);
  e.emit('t');
  assert.deepEqual(log, ['first', 'second']);
  log.length = 0;
  e.emit('t');
  assert.deepEqual(log, ['first', 'added during emit']);
});

test('a throwing listener stops emit and the error propagates', () => {
  const e = new Emitter();
  let reached = false;
  e.on('t', () => {
    throw new Error('listener failed');
  });
  e.on('t', () => {
    reached = true;
  });
  assert.throws(() => e.emit('t'), { message: 'listener failed' });
  assert.equal(reached, false);
});

test("'error' without a listener throws; with a listener it does not", () => {
  const e = new Emitter();
  const boom = new Error('boom');
  assert.throws(() => e.emit('error', boom), (err) => err === boom);
  assert.throws(
    () => e.emit('error', 'just a string'),
    (err) => err instanceof Error && err.message === 'Unhandled error event' && err.context === 'just a string',
  );
  const seen = [];
  e.on('error', (err) => seen.push(err));
  assert.equal(e.emit('error', boom), true);
  assert.deepEqual(seen, [boom]);
});

test('non-function listeners are rejected with TypeError', () => {
  const e = new Emitter();
  assert.throws(() => e.on('x', 'nope'), TypeError);
  assert.throws(() => e.once('x', null), TypeError);
  assert.throws(() => e.off('x', 42), TypeError);
});
