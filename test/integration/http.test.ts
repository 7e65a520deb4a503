import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp, uniqueEmail } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(
    { BODY_LIMIT_BYTES: '2048', REQUEST_TIMEOUT_MS: '1000' },
    {
      extend: (app) => {
        app.get('/api/v1/test/boom', async () => {
          throw new Error('secret internal detail: connection string postgres://u:p@h/db');
        });
        app.get('/api/v1/test/slow', async () => {
          await new Promise((r) => setTimeout(r, 1500));
          return { late: true };
        });
      },
    },
  );
});
afterAll(() => t.close());

const countUsers = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const post = (payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload,
    headers: { 'content-type': 'application/json', ...headers },
  });

function expectProblem(res: Awaited<ReturnType<typeof post>>, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json();
  expect(body).toMatchObject({ status, code, type: `urn:nodeprep:problem:${code}` });
  expect(body.title).toEqual(expect.any(String));
  expect(body.requestId).toEqual(expect.any(String));
  return body;
}

describe('bad input gets a clear error and writes nothing', () => {
  it('malformed JSON: 400 malformed_json', async () => {
    const before = await countUsers();
    expectProblem(await post('{"email": "a@b.c", '), 400, 'malformed_json');
    expect(await countUsers()).toBe(before);
  });

  it('wrong types: 400 naming the field', async () => {
    const body = expectProblem(
      await post(JSON.stringify({ email: uniqueEmail(), password: 12345678, name: 'x' })),
      400,
      'validation_failed',
    );
    expect(body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
  });

  it('missing fields: 400 naming each missing field', async () => {
    const body = expectProblem(await post(JSON.stringify({ password: PASSWORD })), 400, 'validation_failed');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'name']);
  });

  it('unknown fields: 400 naming the unknown field', async () => {
    const before = await countUsers();
    const body = expectProblem(
      await post(JSON.stringify({ email: uniqueEmail(), password: PASSWORD, name: 'x', isAdmin: true })),
      400,
      'validation_failed',
    );
    expect(body.errors).toEqual([{ field: 'isAdmin', message: 'is not a known field' }]);
    expect(await countUsers()).toBe(before);
  });

  it('__proto__ keys: 400 naming __proto__', async () => {
    const before = await countUsers();
    const body = expectProblem(
      await post(
        `{"email":"${uniqueEmail()}","password":"${PASSWORD}","name":"x","__proto__":{"roles":["admin"]}}`,
      ),
      400,
      'validation_failed',
    );
    expect(body.errors).toEqual([{ field: '__proto__', message: 'is a forbidden key' }]);
    expect(await countUsers()).toBe(before);
  });

  it('constructor.prototype keys: 400', async () => {
    const res = await post(`{"constructor":{"prototype":{"roles":["admin"]}}}`);
    expectProblem(res, 400, 'validation_failed');
  });

  it('oversized bodies: 413 payload_too_large', async () => {
    const before = await countUsers();
    const res = await post(
      JSON.stringify({ email: uniqueEmail(), password: PASSWORD, name: 'x'.repeat(5000) }),
    );
    expectProblem(res, 413, 'payload_too_large');
    expect(await countUsers()).toBe(before);
  });

  it('a non-JSON content type: 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: 'email=a&password=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('bad query parameters name the parameter', async () => {
    // /readyz takes none; an unknown route is a 404 in the same format.
    const res = await t.app.inject({ url: '/api/v1/nope?x=1' });
    const body = expectProblem(res, 404, 'route_not_found');
    expect(body.detail).toContain('/api/v1/nope');
  });
});

describe('errors', () => {
  it('5xx never leak internals', async () => {
    const res = await t.app.inject({ url: '/api/v1/test/boom' });
    const body = expectProblem(res, 500, 'internal_error');
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('postgres://');
    expect(body.detail).not.toContain('Error');
    // ...but the log has them, with the request id, for the operator.
    expect(t.logs.join('')).toContain('secret internal detail');
  });

  it('a handler slower than the request timeout gets 503 request_timeout', async () => {
    const res = await t.app.inject({ url: '/api/v1/test/slow' });
    expectProblem(res, 503, 'request_timeout');
  });

  it('echoes a valid x-request-id and generates one otherwise', async () => {
    const given = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const bad = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'no spaces <script>' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('security headers and docs', () => {
  it('sends a CSP that forbids inline scripts and framing', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const res = await t.app.inject({ url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/me', '/readyz']),
    );
    const register = doc.paths['/api/v1/auth/register'].post;
    expect(register.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['email', 'password', 'name']),
    );
  });

  it('serves the API explorer at /docs', async () => {
    const res = await t.app.inject({ url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('does not answer CORS preflights when no origin is allowed', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/me',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('answers 429 problem+json with Retry-After past the limit', async () => {
    const limited = await createTestApp({ RATE_LIMIT_MAX: '3' }, { database: t.database });
    try {
      const ip = `10.9.${Math.floor(Math.random() * 200)}.1`;
      for (let i = 0; i < 3; i++) {
        expect((await limited.app.inject({ url: '/api/v1/me', remoteAddress: ip })).statusCode).toBe(401);
      }
      const res = await limited.app.inject({ url: '/api/v1/me', remoteAddress: ip });
      expectProblem(res, 429, 'rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Another client is unaffected.
      expect((await limited.app.inject({ url: '/api/v1/me', remoteAddress: '10.8.0.1' })).statusCode).toBe(
        401,
      );
    } finally {
      await limited.close();
    }
  });
});
