import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import { actorOf, assertCsrf, REFRESH_COOKIE } from '../../plugins/authenticate.js';
import { clearSessionCookies, setSessionCookies } from './auth.cookies.js';
import {
  changePasswordBody,
  deleteAccountBody,
  loginBody,
  refreshBody,
  registerBody,
  sessionView,
  userView,
} from './auth.schema.js';
import type { AuthService, Session } from './auth.service.js';

export interface AuthRoutesOptions {
  service: AuthService;
  cookieSecure: boolean;
  /** Requests per minute per IP on the sign-in, sign-up and password routes. */
  authRateLimit: number;
}

const userAgentOf = (request: FastifyRequest) => request.headers['user-agent']?.slice(0, 300) ?? null;

/** Accounts: `/api/v1/auth/*` and `/api/v1/me`. */
export async function authRoutes(
  app: FastifyInstance,
  { service, cookieSecure, authRateLimit }: AuthRoutesOptions,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const strict = { rateLimit: { max: authRateLimit, timeWindow: '1 minute' } };

  /** Browsers get cookies; API clients (`client: "api"`) get the refresh token in the body. */
  const answer = (reply: Parameters<typeof setSessionCookies>[0], s: Session, client: 'browser' | 'api') => {
    if (client === 'browser') setSessionCookies(reply, s, cookieSecure);
    return {
      user: s.user,
      accessToken: s.accessToken,
      expiresIn: s.expiresIn,
      ...(client === 'api' ? { refreshToken: s.refreshToken } : {}),
    };
  };

  r.post(
    '/api/v1/auth/register',
    {
      config: strict,
      schema: {
        tags: ['auth'],
        summary: 'Create an account and sign in',
        body: registerBody,
        response: { 201: sessionView },
      },
    },
    async (request, reply) => {
      const { client, ...input } = request.body;
      const session = await service.register(input, userAgentOf(request));
      return reply.code(201).send(answer(reply, session, client));
    },
  );

  r.post(
    '/api/v1/auth/login',
    {
      config: strict,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        body: loginBody,
        response: { 200: sessionView },
      },
    },
    async (request, reply) => {
      const { client, ...input } = request.body;
      const session = await service.login(input, request.ip, userAgentOf(request));
      return answer(reply, session, client);
    },
  );

  r.post(
    '/api/v1/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Rotate the refresh token and get a new access token',
        description:
          'Send the refresh token in the body (API clients) or rely on the httpOnly cookie plus the x-csrf-token header (browsers). Each refresh token works once; reusing one revokes its whole session.',
        body: refreshBody,
        response: { 200: sessionView },
      },
    },
    async (request, reply) => {
      const fromBody = request.body?.refreshToken;
      const token = fromBody ?? request.cookies[REFRESH_COOKIE];
      if (!token) throw new AppError('invalid_refresh_token', 'No refresh token was sent');
      if (!fromBody) assertCsrf(request);
      try {
        const session = await service.refresh(token, userAgentOf(request));
        return answer(reply, session, fromBody ? 'api' : 'browser');
      } catch (err) {
        if (!fromBody) clearSessionCookies(reply, cookieSecure);
        throw err;
      }
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: revoke this session',
        body: refreshBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const fromBody = request.body?.refreshToken;
      if (!fromBody && request.cookies[REFRESH_COOKIE]) assertCsrf(request);
      await service.logout(fromBody ?? request.cookies[REFRESH_COOKIE]);
      clearSessionCookies(reply, cookieSecure);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/me',
    {
      preValidation: app.requireAuth,
      schema: { tags: ['account'], summary: 'The signed-in user', response: { 200: userView } },
    },
    async (request) => service.me(actorOf(request)),
  );

  r.post(
    '/api/v1/me/password',
    {
      preValidation: app.requireAuth,
      config: strict,
      schema: {
        tags: ['account'],
        summary: 'Change the password; every other session is signed out',
        body: changePasswordBody,
        response: { 200: sessionView },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const session = await service.changePassword(
        actor,
        request.body.currentPassword,
        request.body.newPassword,
        userAgentOf(request),
      );
      const viaCookie = request.headers.authorization === undefined;
      return answer(reply, session, viaCookie ? 'browser' : 'api');
    },
  );

  r.get(
    '/api/v1/me/export',
    {
      preValidation: app.requireAuth,
      schema: {
        tags: ['account'],
        summary: 'Export all of my data as JSON',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (request, reply) => {
      reply.header('content-disposition', 'attachment; filename="nodeprep-export.json"');
      return service.exportData(actorOf(request));
    },
  );

  r.delete(
    '/api/v1/me',
    {
      preValidation: app.requireAuth,
      config: strict,
      schema: {
        tags: ['account'],
        summary: 'Delete my account and all of its data (needs the password)',
        body: deleteAccountBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.deleteAccount(actorOf(request), request.body.password);
      clearSessionCookies(reply, cookieSecure);
      return reply.code(204).send(null);
    },
  );
}
