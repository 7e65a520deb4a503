import { STATUS_CODES } from 'node:http';

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance']);

export class HttpError extends Error {
  constructor(status, detail, options = {}) {
    super(detail);
    this.name = 'HttpError';
    this.status = status;
    this.detail = detail;
    this.type = options.type ?? 'about:blank';
    this.title = options.title ?? STATUS_CODES[status] ?? 'Error';
    this.extensions = options.extensions ?? {};
    this.expose = true;
  }
}

function statusOf(err) {
  for (const candidate of [err?.status, err?.statusCode]) {
    if (Number.isInteger(candidate) && candidate >= 400 && candidate <= 599) return candidate;
  }
  return 500;
}

export function problemDetails({ log = () => {} } = {}) {
  return function problemDetailsHandler(err, req, res, next) {
    if (res.headersSent) return next(err);
    const status = statusOf(err);
    if (status >= 500) log(err, req);
    const isHttpError = err instanceof HttpError;
    const body = {};
    if (isHttpError) {
      for (const [key, value] of Object.entries(err.extensions)) {
        if (!STANDARD_MEMBERS.has(key)) body[key] = value;
      }
    }
    body.type = isHttpError ? err.type : 'about:blank';
    body.title = isHttpError ? err.title : (STATUS_CODES[status] ?? 'Error');
    body.status = status;
    if ((isHttpError || err?.expose === true) && typeof err.message === 'string' && err.message) {
      body.detail = err.message;
    }
    body.instance = req.originalUrl;
    res.status(status).set('Content-Type', 'application/problem+json').json(body);
  };
}
