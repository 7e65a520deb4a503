import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withTransaction } from './submission.mjs';

/** A fake pg pool: every query takes a turn of the event loop, like real I/O. */
function fakePool({ failOn } = {}) {
  const log = [];
  let released = 0;
  const client = {
    async query(text, values) {
      if (released) log.push(`QUERY AFTER RELEASE: ${text}`);
      await new Promise((r) => setImmediate(r));
      log.push(text);
      if (failOn && text.startsWith(failOn)) throw Object.assign(new Error(`failed: ${text}`), { code: '23514' });
      return { rowCount: 1, rows: [], values };
    },
    release() {
      released++;
      log.push('release');
    },
  };
  const pool = {
    async connect() {
      log.push('connect');
      return client;
    },
  };
  return { pool, log, releases: () => released };
}

async function transfer(client) {
  await client.query('UPDATE debit', [50, 1]);
  await client.query('UPDATE credit', [50, 2]);
  return 'transferred';
}

test('commits after all of the work and resolves with its value', async () => {
  const { pool, log } = fakePool();
  const result = await withTransaction(pool, transfer);
  assert.equal(result, 'transferred');
  assert.deepEqual(log, ['connect', 'BEGIN', 'UPDATE debit', 'UPDATE credit', 'COMMIT', 'release']);
});

test('rolls back when the work fails and rethrows the original error', async () => {
  const { pool, log } = fakePool({ failOn: 'UPDATE credit' });
  await assert.rejects(withTransaction(pool, transfer), (err) => {
    assert.equal(err.message, 'failed: UPDATE credit');
    assert.equal(err.code, '23514');
    return true;
  });
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(log, ['connect', 'BEGIN', 'UPDATE debit', 'UPDATE credit', 'ROLLBACK', 'release']);
});

test('never issues COMMIT when the work fails', async () => {
  const { pool, log } = fakePool();
  await assert.rejects(
    withTransaction(pool, async (client) => {
      await client.query('UPDATE debit');
      throw new Error('business rule violated');
    }),
    { message: 'business rule violated' },
  );
  await new Promise((r) => setTimeout(r, 5));
  assert.ok(!log.includes('COMMIT'), `log: ${log.join(' | ')}`);
  assert.ok(log.includes('ROLLBACK'), `log: ${log.join(' | ')}`);
});

test('releases the client exactly once, after the transaction ended, and never uses it afterwards', async () => {
  for (const failOn of [undefined, 'UPDATE debit']) {
    const { pool, log, releases } = fakePool({ failOn });
    await withTransaction(pool, transfer).catch(() => {});
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(releases(), 1);
    assert.equal(log.at(-1), 'release', `release must come last; log: ${log.join(' | ')}`);
    assert.ok(!log.some((l) => l.startsWith('QUERY AFTER RELEASE')), `log: ${log.join(' | ')}`);
  }
});

test('a synchronous throw in work is rolled back too', async () => {
  const { pool, log } = fakePool();
  await assert.rejects(
    withTransaction(pool, () => {
      throw new TypeError('bad input');
    }),
    TypeError,
  );
  assert.deepEqual(log, ['connect', 'BEGIN', 'ROLLBACK', 'release']);
});

test('work that returns a plain value works', async () => {
  const { pool, log } = fakePool();
  assert.equal(await withTransaction(pool, () => 42), 42);
  assert.deepEqual(log, ['connect', 'BEGIN', 'COMMIT', 'release']);
});
