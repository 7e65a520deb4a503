import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CircularDependencyError, Container } from './submission.mjs';

class Config {}
class Database {
  constructor(config) {
    this.config = config;
  }
}
class UserService {
  constructor(db, logger) {
    this.db = db;
    this.logger = logger;
  }
}

test('resolves values, classes and factories with their dependencies', () => {
  const config = { dsn: 'postgres://db/app' };
  const c = new Container()
    .register('config', { useValue: config })
    .register(Database, { useClass: Database, inject: ['config'] })
    .register('logger', { useFactory: (cfg) => ({ prefix: cfg.dsn }), inject: ['config'] })
    .register(UserService, { useClass: UserService, inject: [Database, 'logger'] });
  const users = c.resolve(UserService);
  assert.ok(users instanceof UserService);
  assert.ok(users.db instanceof Database);
  assert.equal(users.db.config, config, 'useValue is injected as is');
  assert.deepEqual(users.logger, { prefix: 'postgres://db/app' });
  assert.equal(c.has(UserService), true);
  assert.equal(c.has('nope'), false);
});

test('singletons are created once, lazily', () => {
  let created = 0;
  const c = new Container().register('clock', { useFactory: () => ({ id: ++created }) });
  assert.equal(created, 0, 'register must not create anything');
  const a = c.resolve('clock');
  const b = c.resolve('clock');
  assert.equal(a, b);
  assert.equal(created, 1);
});

test('transients are new for every resolve and injection; a singleton keeps its transient', () => {
  let n = 0;
  const c = new Container()
    .register('requestId', { useFactory: () => ++n, scope: 'transient' })
    .register('pair', { useFactory: (x, y) => [x, y], inject: ['requestId', 'requestId'], scope: 'transient' })
    .register('holder', { useFactory: (id) => ({ id }), inject: ['requestId'] });
  assert.deepEqual(c.resolve('pair'), [1, 2], 'each injection of a transient gets a new instance');
  assert.equal(c.resolve('requestId'), 3);
  const holder = c.resolve('holder');
  assert.equal(holder.id, 4);
  assert.equal(c.resolve('holder'), holder);
  assert.equal(c.resolve('holder').id, 4);
});

test('a missing provider names the token and the chain', () => {
  const Logger = Symbol('Logger');
  const c = new Container()
    .register(UserService, { useClass: UserService, inject: [Database, Logger] })
    .register(Database, { useClass: Database, inject: [] });
  assert.throws(() => c.resolve('mailer'), { message: /^No provider for mailer/ });
  assert.throws(() => c.resolve(UserService), (err) => {
    assert.match(err.message, /^No provider for Logger/);
    assert.ok(err.message.includes('UserService -> Logger'), `message should show the chain: ${err.message}`);
    return true;
  });
});

test('a cycle throws CircularDependencyError with the path, before anything is built', () => {
  class A {}
  class B {}
  const built = [];
  const c = new Container()
    .register(A, { useFactory: (b) => built.push('A'), inject: [B] })
    .register(B, { useFactory: (a) => built.push('B'), inject: ['C'] })
    .register('C', { useFactory: () => built.push('C'), inject: [A] });
  assert.throws(() => c.resolve(A), (err) => {
    assert.ok(err instanceof CircularDependencyError, `expected CircularDependencyError, got ${err}`);
    assert.equal(err.name, 'CircularDependencyError');
    assert.equal(err.message, 'Circular dependency: A -> B -> C -> A');
    assert.deepEqual(err.path, [A, B, 'C', A]);
    return true;
  });
  assert.deepEqual(built, []);
});

test('a cycle below the root reports only the cycle', () => {
  const c = new Container()
    .register('app', { useFactory: () => 1, inject: ['x'] })
    .register('x', { useFactory: () => 1, inject: ['y'] })
    .register('y', { useFactory: () => 1, inject: ['x'] });
  assert.throws(() => c.resolve('app'), { name: 'CircularDependencyError', message: 'Circular dependency: x -> y -> x' });
  const self = new Container().register('me', { useFactory: () => 1, inject: ['me'] });
  assert.throws(() => self.resolve('me'), { message: 'Circular dependency: me -> me' });
});

test('diamonds are not cycles', () => {
  const c = new Container()
    .register('config', { useValue: {} })
    .register('db', { useFactory: (cfg) => ({ cfg }), inject: ['config'] })
    .register('cache', { useFactory: (cfg) => ({ cfg }), inject: ['config'] })
    .register('repo', { useFactory: (db, cache) => ({ db, cache }), inject: ['db', 'cache'] });
  const repo = c.resolve('repo');
  assert.equal(repo.db.cfg, repo.cache.cfg);
});

test('the container recovers after a failed resolve and caches nothing half-built', () => {
  let attempts = 0;
  const c = new Container()
    .register('flaky', {
      useFactory: () => {
        attempts++;
        if (attempts === 1) throw new Error('connection refused');
        return { ok: true };
      },
    })
    .register('service', { useFactory: (f) => ({ f }), inject: ['flaky'] });
  assert.throws(() => c.resolve('service'), { message: 'connection refused' });
  const service = c.resolve('service');
  assert.deepEqual(service, { f: { ok: true } }, 'a failed build must not poison later resolves');
  assert.equal(attempts, 2);
  assert.throws(() => c.resolve('missing'), /No provider for missing/);
  assert.equal(c.resolve('service'), service, 'and no false cycle is reported afterwards');
});

test('re-registering replaces the provider and forgets the cached instance', () => {
  const c = new Container().register('mailer', { useFactory: () => ({ kind: 'smtp' }) });
  assert.equal(c.resolve('mailer').kind, 'smtp');
  c.register('mailer', { useValue: { kind: 'fake' } });
  assert.equal(c.resolve('mailer').kind, 'fake');
});

test('invalid providers are rejected with TypeError', () => {
  const c = new Container();
  assert.throws(() => c.register('x', {}), TypeError);
  assert.throws(() => c.register('x', { useClass: 'NotAClass' }), TypeError);
  assert.throws(() => c.register('x', { useFactory: () => 1, scope: 'request' }), TypeError);
});
