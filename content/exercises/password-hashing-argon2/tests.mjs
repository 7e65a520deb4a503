import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPasswordHasher } from './submission.mjs';

// Low costs keep the tests fast; production would use the defaults or higher.
const cheap = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

test('hash produces an Argon2id string with the configured costs', async () => {
  const h = createPasswordHasher(cheap);
  const stored = await h.hash('correct horse battery staple');
  assert.match(stored, /^\$argon2id\$v=19\$m=1024,t=1,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
});

test('the default costs are m=19456, t=2, p=1', async () => {
  const stored = await createPasswordHasher().hash('pw');
  assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
});

test('the same password hashes differently every time (random salt)', async () => {
  const h = createPasswordHasher(cheap);
  const [a, b] = await Promise.all([h.hash('same'), h.hash('same')]);
  assert.notEqual(a, b);
});

test('verify accepts the right password and rejects a wrong one', async () => {
  const h = createPasswordHasher(cheap);
  const stored = await h.hash('s3cret-Pässwörd');
  assert.equal(await h.verify(stored, 's3cret-Pässwörd'), true);
  assert.equal(await h.verify(stored, 's3cret-Passwort'), false);
  assert.equal(await h.verify(stored, 'S3cret-Pässwörd'), false);
});

test('verify returns false, never throws, for malformed input', async () => {
  const h = createPasswordHasher(cheap);
  const stored = await h.hash('pw');
  const bcrypt = '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy';
  for (const [s, p] of [
    [bcrypt, 'pw'],
    ['', 'pw'],
    ['$argon2id$garbage', 'pw'],
    [null, 'pw'],
    [stored, ''],
    [stored, 'x'.repeat(1025)],
    [stored, 12345],
  ]) {
    assert.equal(await h.verify(s, p), false, `verify(${JSON.stringify(s)?.slice(0, 30)}, ${JSON.stringify(p)?.slice(0, 20)})`);
  }
});

test('hash rejects bad passwords', async () => {
  const h = createPasswordHasher(cheap);
  await assert.rejects(h.hash(undefined), TypeError);
  await assert.rejects(h.hash(''), RangeError);
  await assert.rejects(h.hash('x'.repeat(1025)), RangeError);
  await assert.rejects(h.hash('é'.repeat(513)), RangeError, 'the limit is in UTF-8 bytes: 513 × 2 bytes is too long');
  assert.match(await h.hash('x'.repeat(1024)), /^\$argon2id\$/);
});

test('a pepper is required to verify a peppered hash', async () => {
  const peppered = createPasswordHasher({ ...cheap, pepper: 'from-the-secret-store' });
  const plain = createPasswordHasher(cheap);
  const otherPepper = createPasswordHasher({ ...cheap, pepper: 'another-pepper' });
  const stored = await peppered.hash('pw');
  assert.equal(await peppered.verify(stored, 'pw'), true);
  assert.equal(await plain.verify(stored, 'pw'), false, 'without the pepper the hash must not verify');
  assert.equal(await otherPepper.verify(stored, 'pw'), false);
  assert.ok(!stored.includes('from-the-secret-store'));
});

test('needsRehash flags weaker or foreign hashes', async () => {
  const old = createPasswordHasher(cheap);
  const current = createPasswordHasher({ memoryCost: 2048, timeCost: 1, parallelism: 1 });
  const oldHash = await old.hash('pw');
  const newHash = await current.hash('pw');
  assert.equal(current.needsRehash(oldHash), true, 'm=1024 is below the current m=2048');
  assert.equal(current.needsRehash(newHash), false);
  assert.equal(old.needsRehash(newHash), false, 'a stronger hash does not need a rehash');
  assert.equal(current.needsRehash('$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'), true);
  assert.equal(current.needsRehash('$argon2id$broken'), true);
  assert.equal(current.needsRehash(newHash.replace('$argon2id$', '$argon2i$')), true, 'argon2i is not argon2id');
});

test('hashing does not block the event loop', async () => {
  const h = createPasswordHasher();
  let immediateRan = false;
  setImmediate(() => {
    immediateRan = true;
  });
  await h.hash('pw');
  assert.equal(immediateRan, true, 'a setImmediate callback must run while the hash is computed');
});
