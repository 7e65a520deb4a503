import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import express from 'express';
import { z } from 'zod';
import { validateBody } from './submission.mjs';

const orderSchema = z.object({
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
  address: z.object({ city: z.string() }),
});

const orders = [];
const errors = [];
let server;
let base;

before(async () => {
  const app = express();
  app.post('/orders', express.json(), validateBody(orderSchema), (req, res) => {
    orders.push(req.body);
    res.status(201).json({ created: req.body });
  });
  app.use((err, req, res, next) => {
    errors.push(err);
    if (!res.headersSent) res.status(500).json({ error: 'internal' });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  orders.length = 0;
  errors.length = 0;
});

async function post(body, contentType = 'application/json') {
  const res = await fetch(`${base}/orders`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  return { status: res.status, body: await res.json() };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

test('a valid body reaches the handler, parsed and stripped of unknown keys', async () => {
  const r = await post({ sku: 'A-1', quantity: 2, address: { city: 'Oslo' }, isAdmin: true });
  assert.equal(r.status, 201);
  assert.deepEqual(r.body.created, { sku: 'A-1', quantity: 2, address: { city: 'Oslo' } });
  assert.equal(orders.length, 1);
});

test('an invalid body gets 400 with the issues', async () => {
  const r = await post({ sku: '', quantity: 0, address: {} });
  assert.equal(r.status, 400);
  assert.equal(r.body.error, 'invalid_body');
  assert.deepEqual(r.body.issues.map((i) => i.path).sort(), ['address.city', 'quantity', 'sku']);
  for (const issue of r.body.issues) assert.equal(typeof issue.message, 'string');
});

test('an invalid body never reaches the route handler', async () => {
  await post({ sku: 'A-1', quantity: -5, address: { city: 'Oslo' } });
  await settle();
  assert.deepEqual(orders, [], 'the handler ran for an invalid request and created an order');
});

test('an invalid body causes no error after the response (no double send)', async () => {
  await post({ nope: true });
  await settle();
  assert.deepEqual(
    errors.map((e) => e.code ?? e.message),
    [],
    'the error middleware received an error after the 400 was sent',
  );
});

test('a request without a JSON body is rejected the same way', async () => {
  const r = await post('sku=A-1', 'application/x-www-form-urlencoded');
  assert.equal(r.status, 400);
  assert.equal(r.body.error, 'invalid_body');
  await settle();
  assert.deepEqual(orders, []);
  assert.deepEqual(errors, []);
});

test('the middleware calls next only on success', () => {
  const mw = validateBody(z.object({ a: z.number() }));
  let nextCalls = 0;
  const res = {
    statusCode: 200,
    status(code) {
      this.statusCode = code;
      return this;
    },
    json(body) {
      this.body = body;
      return this;
    },
  };
  mw({ body: { a: 'x' } }, res, () => nextCalls++);
  assert.equal(res.statusCode, 400);
  assert.equal(nextCalls, 0, 'next must not be called after an error response');
  const req = { body: { a: 1, b: 2 } };
  mw(req, res, () => nextCalls++);
  assert.equal(nextCalls, 1);
  assert.deepEqual(req.body, { a: 1 });
});
