import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import sjson from 'secure-json-parse';
import { AppError, type ErrorCode, errorCatalogue, type FieldError } from '../../core/errors.js';

/** RFC 9457 problem details, plus our stable `code`, the request id and field errors. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  requestId: string;
  errors?: FieldError[];
}

const PG_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

/** True for errors that mean "the database cannot be reached right now". */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (e.code && (PG_UNAVAILABLE.has(e.code) || e.code.startsWith('08'))) return true;
  const message = e.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

function fieldFromValidation(v: {
  keyword?: string;
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
}): FieldError[] {
  const keys = v.params?.keys as string[] | undefined;
  const base = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  if (v.keyword === 'unrecognized_keys' && keys?.length) {
    return keys.map((key) => ({
      field: base ? `${base}.${key}` : key,
      message: 'is not a known field',
    }));
  }
  return [{ field: base || '(root)', message: v.message ?? 'is not valid' }];
}

/** Maps any thrown value to the AppError the client is shown. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validationContext?: string };
  if (e?.validation) {
    const context = e.validationContext ?? 'body';
    const errors = e.validation.flatMap((v) =>
      fieldFromValidation(v as Parameters<typeof fieldFromValidation>[0]),
    );
    const fields = errors.map((f) => f.field).join(', ');
    return new AppError('validation_failed', `Invalid ${context}: ${fields}`, { errors });
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json', 'The request body could not be parsed as JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type', 'Send the body as application/json');
    case 'FST_ERR_HANDLER_TIMEOUT':
      return new AppError('request_timeout');
  }
  if (e?.statusCode === 429) return new AppError('rate_limited', undefined, { retryAfterS: 60 });
  if (isDatabaseUnavailable(err)) return new AppError('database_unavailable', undefined, { retryAfterS: 5 });
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code = (Object.entries(errorCatalogue) as [ErrorCode, { status: number }][]).find(
      ([, v]) => v.status === e.statusCode,
    )?.[0];
    if (code) return new AppError(code, e.message);
  }
  return new AppError('internal_error', 'An unexpected error occurred; it has been logged', {
    cause: err,
  });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const problem: Problem = {
    type: `urn:nodeprep:problem:${error.code}`,
    title: errorCatalogue[error.code].title,
    status: error.status,
    detail: error.message,
    instance: request.url.split('?')[0] ?? request.url,
    code: error.code,
    requestId: String(request.id),
    ...(error.errors ? { errors: error.errors } : {}),
  };
  // A Retry-After already set (by the rate limiter, with its real window) wins over our default.
  if (error.retryAfterS !== undefined && !reply.hasHeader('retry-after')) {
    reply.header('retry-after', String(error.retryAfterS));
  }
  return reply.code(error.status).type('application/problem+json').send(problem);
}

export interface ErrorsOptions {
  /** Handles unknown GET routes outside the API (the web app's client-side routes). */
  fallback?: (request: FastifyRequest, reply: FastifyReply) => boolean | Promise<boolean>;
}

/** One error format for everything: thrown errors, validation failures and unknown routes. */
export const errorsPlugin = fp<ErrorsOptions>(
  async (app: FastifyInstance, options) => {
    app.setErrorHandler(async (err, request, reply) => {
      const error = toAppError(err);
      if (error.status >= 500) {
        request.log.error({ err, code: error.code }, 'request failed');
      } else {
        request.log.info({ code: error.code, detail: error.message }, 'request rejected');
      }
      return sendProblem(request, reply, error);
    });

    // JSON bodies: __proto__ and constructor.prototype keys are refused by name, an empty body
    // is no body, and anything unparsable is malformed_json.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
      const text = String(body);
      if (text.trim() === '') return done(null, undefined);
      try {
        done(null, sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
      } catch (err) {
        const forbidden = /prototype/i.test((err as Error).message);
        done(
          forbidden
            ? new AppError('validation_failed', 'The body contains a forbidden key', {
                errors: [
                  {
                    field: /constructor/.test((err as Error).message) ? 'constructor' : '__proto__',
                    message: 'is a forbidden key',
                  },
                ],
              })
            : new AppError('malformed_json', `The request body is not valid JSON: ${(err as Error).message}`),
          undefined,
        );
      }
    });

    app.setNotFoundHandler(async (request, reply) => {
      if (options.fallback && (await options.fallback(request, reply))) return reply;
      return sendProblem(
        request,
        reply,
        new AppError('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
      );
    });
  },
  { name: 'errors' },
);
