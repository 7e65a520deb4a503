import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RoomRegistry } from './submission.mjs';

test('join and members, in join order', () => {
  const r = new RoomRegistry();
  assert.equal(r.join('s1', 'chat'), true);
  assert.equal(r.join('s2', 'chat'), true);
  assert.equal(r.join('s1', 'chat'), false, 'joining twice is a no-op');
  assert.deepEqual(r.members('chat'), ['s1', 's2']);
  assert.deepEqual(r.members('nope'), []);
});

test('roomsOf tracks the other direction', () => {
  const r = new RoomRegistry();
  r.join('s1', 'a');
  r.join('s1', 'b');
  r.join('s2', 'b');
  assert.deepEqual(r.roomsOf('s1'), ['a', 'b']);
  assert.deepEqual(r.roomsOf('s2'), ['b']);
  assert.deepEqual(r.roomsOf('ghost'), []);
});

test('leave removes one membership and deletes empty rooms', () => {
  const r = new RoomRegistry();
  r.join('s1', 'a');
  r.join('s2', 'a');
  r.join('s1', 'b');
  assert.equal(r.roomCount, 2);
  assert.equal(r.leave('s1', 'b'), true);
  assert.equal(r.leave('s1', 'b'), false);
  assert.equal(r.roomCount, 1, 'room b is empty and must be gone');
  assert.deepEqual(r.roomsOf('s1'), ['a']);
  assert.equal(r.leave('s9', 'a'), false);
  assert.deepEqual(r.members('a'), ['s1', 's2']);
});

test('leaveAll (disconnect) leaves every room and keeps nothing behind', () => {
  const r = new RoomRegistry();
  r.join('s1', 'chat:1');
  r.join('s1', 'user:ada');
  r.join('s2', 'chat:1');
  assert.deepEqual(r.leaveAll('s1'), ['chat:1', 'user:ada']);
  assert.deepEqual(r.roomsOf('s1'), []);
  assert.deepEqual(r.members('chat:1'), ['s2']);
  assert.equal(r.roomCount, 1);
  assert.deepEqual(r.leaveAll('s1'), [], 'a second disconnect is harmless');
  r.leaveAll('s2');
  assert.equal(r.roomCount, 0);
});

test('no growth after many connects and disconnects', () => {
  const r = new RoomRegistry();
  for (let i = 0; i < 1000; i++) {
    r.join(`s${i}`, `user:${i}`);
    r.join(`s${i}`, 'lobby');
    r.leaveAll(`s${i}`);
  }
  assert.equal(r.roomCount, 0);
  assert.deepEqual(r.members('lobby'), []);
});

test('returned arrays are copies', () => {
  const r = new RoomRegistry();
  r.join('s1', 'a');
  r.members('a').push('intruder');
  r.roomsOf('s1').push('b');
  assert.deepEqual(r.members('a'), ['s1']);
  assert.deepEqual(r.roomsOf('s1'), ['a']);
});

test('targets de-duplicates sockets across rooms in order of first appearance', () => {
  const r = new RoomRegistry();
  r.join('s1', 'chat');
  r.join('s2', 'chat');
  r.join('s3', 'user:ada');
  r.join('s2', 'user:ada');
  assert.deepEqual(r.targets(['user:ada', 'chat']), ['s3', 's2', 's1']);
  assert.deepEqual(r.targets('chat'), ['s1', 's2']);
  assert.deepEqual(r.targets(['nobody-here']), []);
});

test('targets excludes the sender and the members of exceptRooms', () => {
  const r = new RoomRegistry();
  for (const s of ['s1', 's2', 's3', 's4']) r.join(s, 'chat');
  r.join('s3', 'muted');
  r.join('s4', 'banned');
  assert.deepEqual(r.targets('chat', { exceptSocket: 's1' }), ['s2', 's3', 's4']);
  assert.deepEqual(r.targets('chat', { exceptRooms: ['muted', 'banned'], exceptSocket: 's2' }), ['s1']);
  assert.deepEqual(r.targets('chat', { exceptRooms: 'muted' }), ['s1', 's2', 's4']);
});
