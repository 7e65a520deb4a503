import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { ACCESS_COOKIE, CSRF_COOKIE, REFRESH_COOKIE } from '../../plugins/authenticate.js';
import type { Session } from './auth.service.js';

export const REFRESH_PATH = '/api/v1/auth';

/** Sets the browser's session cookies: access and refresh are httpOnly; CSRF is readable. */
export function setSessionCookies(reply: FastifyReply, session: Session, secure: boolean): void {
  const base = { secure, sameSite: 'strict' as const };
  reply.setCookie(ACCESS_COOKIE, session.accessToken, {
    ...base,
    httpOnly: true,
    path: '/',
    maxAge: session.expiresIn,
  });
  reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    ...base,
    httpOnly: true,
    path: REFRESH_PATH,
    expires: session.refreshExpiresAt,
  });
  reply.setCookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), {
    ...base,
    httpOnly: false,
    path: '/',
    expires: session.refreshExpiresAt,
  });
}

export function clearSessionCookies(reply: FastifyReply, secure: boolean): void {
  const base = { secure, sameSite: 'strict' as const };
  reply.clearCookie(ACCESS_COOKIE, { ...base, path: '/' });
  reply.clearCookie(REFRESH_COOKIE, { ...base, path: REFRESH_PATH });
  reply.clearCookie(CSRF_COOKIE, { ...base, path: '/' });
}
