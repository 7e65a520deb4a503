import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/server/modules/auth/tokens.js';
import {
  bearer,
  cookiesOf,
  createTestApp,
  PASSWORD,
  register,
  type TestApp,
  uniqueEmail,
} from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '1000' });
});
afterAll(() => t.close());

const login = (payload: Record<string, unknown>, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress: ip });

describe('registration', () => {
  it('creates an account, answers 201 with the user and an access token, and sets browser cookies', async () => {
    const email = uniqueEmail('reg');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: PASSWORD, name: 'Ada' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ email, name: 'Ada', roles: ['learner'] });
    expect(body.accessToken).toMatch(/^ey/);
    expect(body.refreshToken).toBeUndefined();
    const cookies = res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[];
    const byName = Object.fromEntries(cookies.map((c) => [c.name, c]));
    expect(byName.np_at?.httpOnly).toBe(true);
    expect(byName.np_rt?.httpOnly).toBe(true);
    expect(byName.np_csrf?.httpOnly).toBeFalsy();
    expect(byName.np_at?.sameSite).toBe('Strict');
  });

  it('normalises the e-mail (trim, lower case) and refuses a second account for it', async () => {
    const email = uniqueEmail('norm');
    const first = await register(t.app, { email: `  ${email.toUpperCase()} ` });
    expect(first.res.statusCode).toBe(201);
    expect(first.json.user).toMatchObject({ email });
    const again = await register(t.app, { email });
    expect(again.res.statusCode).toBe(409);
    expect(again.res.json()).toMatchObject({ code: 'email_taken', errors: [{ field: 'email' }] });
  });

  it('accepts 8 to 128 character passwords and refuses 7 and 129', async () => {
    expect((await register(t.app, { password: 'a'.repeat(7) })).res.statusCode).toBe(400);
    expect((await register(t.app, { password: 'a'.repeat(129) })).res.statusCode).toBe(400);
    expect((await register(t.app, { password: 'a'.repeat(8) })).res.statusCode).toBe(201);
    expect((await register(t.app, { password: 'a'.repeat(128) })).res.statusCode).toBe(201);
  });

  it('never truncates a long password: one that differs only at the 100th character fails', async () => {
    const email = uniqueEmail('long');
    const pw = `${'x'.repeat(99)}A`;
    await register(t.app, { email, password: pw });
    expect((await login({ email, password: `${'x'.repeat(99)}B` })).statusCode).toBe(401);
    expect((await login({ email, password: pw })).statusCode).toBe(200);
  });

  it('stores an argon2id hash, never the password', async () => {
    const email = uniqueEmail('hash');
    await register(t.app, { email });
    const row = await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });
});

describe('sign-in', () => {
  it('answers 200 with user and token for the right password', async () => {
    const { email } = await register(t.app);
    const res = await login({ email, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { email }, accessToken: expect.any(String) });
  });

  it('gives the same error for an unknown e-mail and a wrong password', async () => {
    const { email } = await register(t.app);
    const wrong = await login({ email, password: 'not the password' }, '10.0.0.2');
    const unknown = await login({ email: uniqueEmail('ghost'), password: 'not the password' }, '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (r: typeof wrong) => {
      const { requestId: _r, ...rest } = r.json();
      return rest;
    };
    expect(strip(wrong)).toEqual(strip(unknown));
    expect(strip(wrong).code).toBe('invalid_credentials');
  });

  it('blocks an account after repeated failures with 429 and Retry-After, even with the right password', async () => {
    const { email } = await register(t.app);
    for (let i = 0; i < 3; i++)
      expect((await login({ email, password: 'wrong-password' }, `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await login({ email, password: PASSWORD }, '10.1.0.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('access tokens', () => {
  it('GET /api/v1/me answers the user for a bearer token', async () => {
    const { json, email } = await register(t.app);
    const res = await t.app.inject({ url: '/api/v1/me', headers: bearer(json.accessToken) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: json.user.id,
      email,
      name: 'Test User',
      roles: ['learner'],
      createdAt: expect.any(String),
    });
  });

  it('refuses a request without credentials with 401 authentication_required', async () => {
    const res = await t.app.inject({ url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('authentication_required');
  });

  const secret = () => new TextEncoder().encode(t.config.jwtSecret);
  const claims = (sub: string) =>
    new SignJWT({ roles: ['learner'] }).setSubject(sub).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE);

  it('refuses an expired token with token_expired', async () => {
    const { json } = await register(t.app);
    const past = Math.floor(Date.now() / 1000) - 3600;
    const token = await claims(json.user.id)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(past)
      .setExpirationTime(past + 60)
      .sign(secret());
    const res = await t.app.inject({ url: '/api/v1/me', headers: bearer(token) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('token_expired');
  });

  it('refuses a tampered token', async () => {
    const { json } = await register(t.app);
    const [h, p, s] = json.accessToken.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.roles = ['admin'];
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const res = await t.app.inject({ url: '/api/v1/me', headers: bearer(forged) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_token');
  });

  it('refuses an alg:none token', async () => {
    const { json } = await register(t.app);
    const now = Math.floor(Date.now() / 1000);
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: json.user.id, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 600 })}.`;
    const res = await t.app.inject({ url: '/api/v1/me', headers: bearer(token) });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a token signed for another audience or issuer', async () => {
    const { json } = await register(t.app);
    const now = Math.floor(Date.now() / 1000);
    const other = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(json.user.id)
      .setIssuer('someone-else')
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(secret());
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(other) })).statusCode).toBe(401);
  });
});

describe('browser sessions', () => {
  it('authenticates with cookies and requires the CSRF header on unsafe methods', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: uniqueEmail('cookie'), password: PASSWORD, name: 'Cookie' },
    });
    const { header, values } = cookiesOf(res);
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: header } });
    expect(me.statusCode).toBe(200);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { cookie: header },
      payload: { currentPassword: PASSWORD, newPassword: 'another password' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
    const withCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { cookie: header, 'x-csrf-token': values.np_csrf! },
      payload: { currentPassword: PASSWORD, newPassword: 'another password' },
    });
    expect(withCsrf.statusCode).toBe(200);
  });

  it('refreshes from the cookie only with the CSRF header', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: (await register(t.app)).email, password: PASSWORD },
    });
    const { header, values } = cookiesOf(res);
    const bare = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: header },
    });
    expect(bare.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: header, 'x-csrf-token': values.np_csrf! },
    });
    expect(ok.statusCode).toBe(200);
    expect(cookiesOf(ok).values.np_rt).not.toBe(values.np_rt);
  });
});

describe('refresh tokens', () => {
  const refresh = (refreshToken: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });

  it('rotates on every use: the new token works once', async () => {
    const { json } = await register(t.app);
    const first = await refresh(json.refreshToken);
    expect(first.statusCode).toBe(200);
    const next = first.json().refreshToken as string;
    expect(next).toBeTruthy();
    expect(next).not.toBe(json.refreshToken);
    expect((await refresh(next)).statusCode).toBe(200);
  });

  it('when a refresh token is reused, answers 401 and revokes the whole family', async () => {
    const { json } = await register(t.app);
    const rotated = (await refresh(json.refreshToken)).json().refreshToken as string;
    const reuse = await refresh(json.refreshToken);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().code).toBe('refresh_token_reused');
    // The legitimate newer token died with its family.
    const after = await refresh(rotated);
    expect(after.statusCode).toBe(401);
  });

  it('stores only a hash of the refresh token', async () => {
    const { json } = await register(t.app);
    const rows = await t.database.db
      .selectFrom('refresh_tokens')
      .select('token_hash')
      .where('user_id', '=', json.user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.token_hash).not.toBe(json.refreshToken);
  });

  it('logout revokes the session', async () => {
    const { json } = await register(t.app);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: json.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    expect((await refresh(json.refreshToken)).statusCode).toBe(401);
  });

  it('changing the password signs out every other session', async () => {
    const { json, email } = await register(t.app);
    const other = (await login({ email, password: PASSWORD }, '10.3.0.1')).json().refreshToken;
    void other;
    const second = await login({ email, password: PASSWORD, client: 'api' }, '10.3.0.1');
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: bearer(json.accessToken),
      payload: { currentPassword: PASSWORD, newPassword: 'a brand new secret' },
    });
    expect(change.statusCode).toBe(200);
    expect((await refresh(second.json().refreshToken)).statusCode).toBe(401);
    expect((await refresh(change.json().refreshToken)).statusCode).toBe(200);
    expect((await login({ email, password: 'a brand new secret' }, '10.3.0.2')).statusCode).toBe(200);
  });

  it('refuses a password change with the wrong current password', async () => {
    const { json } = await register(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: bearer(json.accessToken),
      payload: { currentPassword: 'not it at all', newPassword: 'a brand new secret' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'wrong_password', errors: [{ field: 'currentPassword' }] });
  });
});

describe('my data', () => {
  it('exports my account as JSON without any secret', async () => {
    const { json, email } = await register(t.app);
    const res = await t.app.inject({ url: '/api/v1/me/export', headers: bearer(json.accessToken) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('nodeprep-export.json');
    const data = res.json();
    expect(data.user.email).toBe(email);
    expect(data.sessions).toHaveLength(1);
    expect(res.body).not.toContain('argon2');
    expect(res.body).not.toContain(json.refreshToken);
  });

  it('deletes my account and all its data with the password, and nothing without it', async () => {
    const { json, email } = await register(t.app);
    const wrong = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: bearer(json.accessToken),
      payload: { password: 'nope nope nope' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(
      await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(),
    ).toBeTruthy();
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: bearer(json.accessToken),
      payload: { password: PASSWORD },
    });
    expect(res.statusCode).toBe(204);
    expect(
      await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(),
    ).toBeUndefined();
    const tokens = await t.database.db
      .selectFrom('refresh_tokens')
      .select('id')
      .where('user_id', '=', json.user.id)
      .execute();
    expect(tokens).toHaveLength(0);
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(json.accessToken) })).statusCode).toBe(
      401,
    );
  });
});

describe('logs', () => {
  it('never contain passwords, tokens or cookies', async () => {
    const { json } = await register(t.app, { password: 'super-secret-password-in-logs?' });
    await t.app.inject({
      url: '/api/v1/me',
      headers: { ...bearer(json.accessToken), cookie: `np_rt=${json.refreshToken}` },
    });
    const all = t.logs.join('');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain('super-secret-password-in-logs?');
    expect(all).not.toContain(json.accessToken);
    expect(all).not.toContain(json.refreshToken);
  });
});
