import assert from 'node:assert/strict';
import { test } from 'node:test';
import express from 'express';
import { base64url, generateKeyPair, SignJWT } from 'jose';
import { requireJwt } from './submission.mjs';

const secret = new TextEncoder().encode('a-test-secret-that-is-long-enough-for-hs256');
const ISS = 'https://auth.example.test';
const AUD = 'orders-api';
const config = { key: secret, algorithms: ['HS256'], issuer: ISS, audience: AUD };

function sign(claims = {}, { alg = 'HS256', key = secret, iss = ISS, aud = AUD, exp = '5m', iat } = {}) {
  let jwt = new SignJWT({ scope: 'orders:read', ...claims }).setProtectedHeader({ alg }).setSubject('user-42');
  if (iss) jwt = jwt.setIssuer(iss);
  if (aud) jwt = jwt.setAudience(aud);
  jwt = iat === undefined ? jwt.setIssuedAt() : jwt.setIssuedAt(iat);
  if (exp !== null) jwt = jwt.setExpirationTime(exp);
  return jwt.sign(key);
}

/** Starts an app with GET /me behind the middleware, runs fn(request), closes the app. */
async function withApp(middleware, fn) {
  const app = express();
  let reachedHandler = 0;
  app.get('/me', middleware, (req, res) => {
    reachedHandler++;
    res.json({ auth: req.auth });
  });
  app.use((err, req, res, next) => res.status(500).json({ error: 'server_error', message: err.message }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const request = async (authorization) => {
    const headers = authorization === undefined ? {} : { authorization };
    const res = await fetch(`http://127.0.0.1:${server.address().port}/me`, { headers, signal: AbortSignal.timeout(5000) });
    return { status: res.status, wwwAuthenticate: res.headers.get('www-authenticate'), body: await res.json() };
  };
  try {
    await fn(request, () => reachedHandler);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

const INVALID = { status: 401, wwwAuthenticate: 'Bearer error="invalid_token"', body: { error: 'invalid_token' } };
const MISSING = { status: 401, wwwAuthenticate: 'Bearer', body: { error: 'missing_token' } };

test('a valid token passes and req.auth holds the payload', async () => {
  await withApp(requireJwt(config), async (request) => {
    const r = await request(`Bearer ${await sign()}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.auth.sub, 'user-42');
    assert.equal(r.body.auth.scope, 'orders:read');
    assert.equal(r.body.auth.iss, ISS);
    const lower = await request(`bearer ${await sign()}`);
    assert.equal(lower.status, 200, 'the scheme is case-insensitive');
  });
});

test('no token or another scheme gives 401 missing_token', async () => {
  await withApp(requireJwt(config), async (request, reached) => {
    for (const header of [undefined, '', 'Basic dXNlcjpwYXNz', `Token ${await sign()}`, 'Bearer']) {
      assert.deepEqual(await request(header), MISSING, `Authorization: ${header}`);
    }
    assert.equal(reached(), 0);
  });
});

test('wrong issuer or audience is rejected', async () => {
  await withApp(requireJwt(config), async (request, reached) => {
    assert.deepEqual(await request(`Bearer ${await sign({}, { iss: 'https://evil.example' })}`), INVALID);
    assert.deepEqual(await request(`Bearer ${await sign({}, { aud: 'billing-api' })}`), INVALID);
    assert.deepEqual(await request(`Bearer ${await sign({}, { iss: null })}`), INVALID, 'a missing iss must be rejected');
    assert.equal(reached(), 0);
  });
});

test('an expired token is rejected unless within the clock tolerance', async () => {
  const now = Math.floor(Date.now() / 1000);
  const expired = await sign({}, { iat: now - 600, exp: now - 10 });
  await withApp(requireJwt(config), async (request) => {
    assert.deepEqual(await request(`Bearer ${expired}`), INVALID);
  });
  await withApp(requireJwt({ ...config, clockToleranceSec: 30 }), async (request) => {
    assert.equal((await request(`Bearer ${expired}`)).status, 200, '10 s late is inside a 30 s tolerance');
  });
});

test('an algorithm outside the allow-list is rejected even with the right key', async () => {
  await withApp(requireJwt(config), async (request) => {
    assert.deepEqual(await request(`Bearer ${await sign({}, { alg: 'HS512' })}`), INVALID);
  });
});

test('alg none and tampered tokens are rejected', async () => {
  const now = Math.floor(Date.now() / 1000);
  const enc = (o) => base64url.encode(JSON.stringify(o));
  const unsecured = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: 'admin', iss: ISS, aud: AUD, iat: now, exp: now + 300 })}.`;
  const valid = await sign();
  const [h, , s] = valid.split('.');
  const forgedPayload = enc({ sub: 'admin', iss: ISS, aud: AUD, iat: now, exp: now + 300 });
  await withApp(requireJwt(config), async (request, reached) => {
    assert.deepEqual(await request(`Bearer ${unsecured}`), INVALID, 'alg none must never be accepted');
    assert.deepEqual(await request(`Bearer ${h}.${forgedPayload}.${s}`), INVALID, 'a changed payload breaks the signature');
    assert.deepEqual(await request('Bearer not.a.jwt'), INVALID);
    assert.deepEqual(await request(`Bearer ${await sign({}, { key: new TextEncoder().encode('another-secret-another-secret-32b') })}`), INVALID);
    assert.equal(reached(), 0);
  });
});

test('works with RS256 and a public key', async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const token = await sign({}, { alg: 'RS256', key: privateKey });
  await withApp(requireJwt({ ...config, key: publicKey, algorithms: ['RS256'] }), async (request) => {
    const r = await request(`Bearer ${token}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.auth.sub, 'user-42');
    assert.deepEqual(await request(`Bearer ${await sign()}`), INVALID, 'an HS256 token must not pass an RS256-only check');
  });
});

test('a key function that fails with a non-JOSE error goes to next(err), not through', async () => {
  const key = async () => {
    throw new Error('identity provider unreachable');
  };
  await withApp(requireJwt({ ...config, key }), async (request, reached) => {
    const r = await request(`Bearer ${await sign()}`);
    assert.equal(r.status, 500);
    assert.equal(r.body.message, 'identity provider unreachable');
    assert.equal(reached(), 0);
  });
});

test('misconfiguration throws a TypeError up front', () => {
  assert.throws(() => requireJwt({ ...config, algorithms: [] }), TypeError);
  assert.throws(() => requireJwt({ ...config, algorithms: undefined }), TypeError);
  assert.throws(() => requireJwt({ ...config, issuer: undefined }), TypeError);
  assert.throws(() => requireJwt({ ...config, audience: undefined }), TypeError);
});
