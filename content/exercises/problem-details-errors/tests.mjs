import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import express from 'express';
import { HttpError, problemDetails } from './submission.mjs';

const logged = [];
let server;
let base;

before(async () => {
  const app = express();
  const api = express.Router();
  api.get('/users/:id', (req) => {
    throw new HttpError(404, `No user ${req.params.id}`);
  });
  api.post('/users', express.json(), (req) => {
    throw new HttpError(422, 'The body is invalid', {
      type: 'https://errors.example.com/validation',
      title: 'Validation failed',
      extensions: { errors: [{ field: 'email', message: 'is required' }], status: 200, detail: 'hijack' },
    });
  });
  api.get('/crash', () => {
    const err = new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
    err.query = 'select * from users';
    throw err;
  });
  api.get('/unavailable', () => {
    throw Object.assign(new Error('pool exhausted'), { statusCode: 503 });
  });
  api.get('/forbidden-internal', () => {
    throw Object.assign(new Error('tenant 42 lacks row-level grant'), { status: 403 });
  });
  api.get('/weird/:status', (req) => {
    const raw = req.params.status;
    throw Object.assign(new Error('weird'), { status: raw === 'string' ? '404' : Number(raw) });
  });
  app.use('/api', api);
  app.use(problemDetails({ log: (err, req) => logged.push({ err, url: req.originalUrl }) }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function call(path, init = {}) {
  const res = await fetch(base + path, { ...init, signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    assert.fail(`the response body must be JSON, got: ${text.slice(0, 200)}`);
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', body };
}

test('an HttpError becomes a problem-details response', async () => {
  const r = await call('/api/users/7');
  assert.equal(r.status, 404);
  assert.match(r.type, /^application\/problem\+json/, 'Content-Type must be application/problem+json');
  assert.deepEqual(r.body, {
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    detail: 'No user 7',
    instance: '/api/users/7',
  });
});

test('type, title and extensions of an HttpError are used; extensions cannot override members', async () => {
  const r = await call('/api/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"name":"x"}',
  });
  assert.equal(r.status, 422);
  assert.deepEqual(r.body, {
    type: 'https://errors.example.com/validation',
    title: 'Validation failed',
    status: 422,
    detail: 'The body is invalid',
    instance: '/api/users',
    errors: [{ field: 'email', message: 'is required' }],
  });
});

test('an unexpected error gives 500 without leaking its message and is logged', async () => {
  logged.length = 0;
  const r = await call('/api/crash');
  assert.equal(r.status, 500);
  assert.deepEqual(r.body, {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    instance: '/api/crash',
  });
  assert.equal(logged.length, 1, 'a 5xx error must be logged once');
  assert.equal(logged[0].err.message, 'connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
  assert.equal(logged[0].url, '/api/crash', 'log receives the request as its second argument');
});

test('statusCode is honoured and 5xx details stay hidden', async () => {
  logged.length = 0;
  const r = await call('/api/unavailable');
  assert.equal(r.status, 503);
  assert.equal(r.body.title, 'Service Unavailable');
  assert.equal(r.body.detail, undefined, 'a non-exposed error must not send its message');
  assert.equal(logged.length, 1);
});

test('a 4xx error without expose keeps its status but not its message, and is not logged', async () => {
  logged.length = 0;
  const r = await call('/api/forbidden-internal');
  assert.equal(r.status, 403);
  assert.deepEqual(r.body, { type: 'about:blank', title: 'Forbidden', status: 403, instance: '/api/forbidden-internal' });
  assert.equal(logged.length, 0, '4xx errors must not be logged');
});

test('malformed JSON from express.json() gives 400 with the parser message as detail', async () => {
  const r = await call('/api/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"name":',
  });
  assert.equal(r.status, 400);
  assert.equal(r.body.title, 'Bad Request');
  assert.equal(typeof r.body.detail, 'string', 'body-parser errors have expose: true, so detail is sent');
  assert.equal(r.body.instance, '/api/users');
});

test('a status outside 400-599 or not an integer becomes 500', async () => {
  for (const s of ['200', '302', '700', 'string', 'abc']) {
    const r = await call(`/api/weird/${s}`);
    assert.equal(r.status, 500, `status ${s} must be mapped to 500`);
    assert.equal(r.body.status, 500);
  }
});

test('when headers were already sent, the error goes to next(err) and nothing is written', () => {
  const mw = problemDetails();
  assert.equal(mw.length, 4, 'error middleware must declare four parameters');
  const err = new Error('late');
  const writes = [];
  const res = new Proxy(
    { headersSent: true },
    {
      get(target, prop) {
        if (prop in target) return target[prop];
        return (...args) => {
          writes.push(prop);
          return res;
        };
      },
    },
  );
  let forwarded;
  mw(err, { originalUrl: '/x' }, res, (e) => {
    forwarded = e;
  });
  assert.equal(forwarded, err, 'next must receive the error');
  assert.deepEqual(writes, [], 'nothing may be written to a response whose headers are sent');
});

test('HttpError is an Error with name, status, detail and expose', () => {
  const e = new HttpError(409, 'Version mismatch');
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'HttpError');
  assert.equal(e.status, 409);
  assert.equal(e.message, 'Version mismatch');
  assert.equal(e.detail, 'Version mismatch');
  assert.equal(e.expose, true);
});
