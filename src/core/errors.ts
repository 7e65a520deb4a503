/**
 * The error catalogue: every user-facing failure has a stable code, an HTTP status and a title.
 * Responses carry them as RFC 9457 problem details.
 */
export const errorCatalogue = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  authentication_required: { status: 401, title: 'Sign in to do this' },
  invalid_token: { status: 401, title: 'The access token is not valid' },
  token_expired: { status: 401, title: 'The access token has expired' },
  invalid_credentials: { status: 401, title: 'E-mail or password is wrong' },
  invalid_refresh_token: { status: 401, title: 'The session is no longer valid' },
  refresh_token_reused: { status: 401, title: 'The session was revoked' },
  wrong_password: { status: 403, title: 'The current password is wrong' },
  forbidden: { status: 403, title: 'You may not do this' },
  csrf_failed: { status: 403, title: 'The request is missing its CSRF token' },
  not_found: { status: 404, title: 'Not found' },
  route_not_found: { status: 404, title: 'No such route' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  email_taken: { status: 409, title: 'An account with this e-mail already exists' },
  conflict: { status: 409, title: 'Conflict' },
  optimization_in_progress: { status: 409, title: 'Your scheduling parameters are already being fitted' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  not_predict_card: { status: 422, title: 'This card is not a predict-the-output card' },
  not_enough_reviews: { status: 422, title: 'Not enough reviews to fit your own scheduling parameters' },
  rate_limited: { status: 429, title: 'Too many requests' },
  too_many_attempts: { status: 429, title: 'Too many failed sign-in attempts' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
  database_unavailable: { status: 503, title: 'The database is unavailable' },
  service_unavailable: { status: 503, title: 'The service is unavailable' },
  request_timeout: { status: 503, title: 'The request took too long' },
  queue_full: { status: 503, title: 'Too much work is waiting; try again shortly' },
  sandbox_unavailable: { status: 503, title: 'Code cannot be run on this server' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldError {
  field: string;
  message: string;
}

/** A failure the client should see, with a stable code from the catalogue. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly retryAfterS: number | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { errors?: FieldError[]; retryAfterS?: number; cause?: unknown } = {},
  ) {
    super(detail ?? errorCatalogue[code].title, { cause: options.cause });
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.errors = options.errors;
    this.retryAfterS = options.retryAfterS;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
