import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../../core/access.js';
import { AppError } from '../../core/errors.js';
import type { TokenSigner } from '../modules/auth/tokens.js';

export const ACCESS_COOKIE = 'np_at';
export const REFRESH_COOKIE = 'np_rt';
export const CSRF_COOKIE = 'np_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** preValidation hook for routes that need a signed-in user (after rate limiting, before validation). */
    requireAuth: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Double-submit CSRF check for cookie-authenticated requests: the `np_csrf` cookie (readable by
 * our own pages only) must be echoed in the `x-csrf-token` header on unsafe methods.
 */
export function assertCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || !equal(cookie, header)) {
    throw new AppError('csrf_failed', `Send the ${CSRF_COOKIE} cookie's value in the ${CSRF_HEADER} header`);
  }
}

/** Bearer tokens for API clients, httpOnly cookies (plus CSRF) for browsers. */
export const authenticatePlugin = fp<{ signer: TokenSigner }>(
  async (app, { signer }) => {
    app.decorateRequest('actor', null);
    app.decorate('requireAuth', async (request: FastifyRequest) => {
      const header = request.headers.authorization;
      if (header !== undefined) {
        const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
        if (!match?.[1]) throw new AppError('invalid_token', 'Use the form "Authorization: Bearer <token>"');
        request.actor = await signer.verify(match[1]);
        return;
      }
      const cookie = request.cookies[ACCESS_COOKIE];
      if (!cookie) throw new AppError('authentication_required');
      request.actor = await signer.verify(cookie);
      assertCsrf(request);
    });
  },
  { name: 'authenticate', dependencies: ['@fastify/cookie'] },
);

/** The signed-in actor of a request that passed `requireAuth`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('authentication_required');
  return request.actor;
}
