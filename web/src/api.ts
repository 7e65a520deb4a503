/**
 * Typed client for the nodeprep REST API (/api/v1).
 *
 * - Cookies carry the session (httpOnly, set by the server); requests use credentials 'same-origin'.
 * - Unsafe methods send the double-submit CSRF token from the readable cookie `np_csrf`
 *   in the `x-csrf-token` header.
 * - Errors are RFC 9457 problem details and are thrown as `ApiError`.
 * - A 401 from a non-auth call triggers one POST /auth/refresh and a retry; if that fails the
 *   registered signed-out handler runs.
 */

// ---------- Types ----------

export type Role = 'learner' | 'interviewer' | 'cohort_lead' | 'admin' | (string & {});
export type Level = 'junior' | 'mid' | 'senior';
export type CardKind = 'card' | 'predict';
export type CardSort = 'topic' | 'level' | '-difficulty' | 'difficulty' | 'question';

export interface User {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export interface AuthResponse {
  user: User;
  accessToken: string;
}

export interface TopicSummary {
  id: string;
  title: string;
  summary: string;
  order: number;
  cardCount: number;
  predictCount: number;
}

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

export interface Topic {
  id: string;
  title: string;
  summary: string;
  nodeVersion: string;
  guideHtml: string;
  toc: TocEntry[];
  cardCount: number;
}

export interface CardSummary {
  id: string;
  topicId: string;
  kind: CardKind;
  question: string;
  level: Level;
  difficulty: number;
  tags: string[];
}

export interface CardDetail extends CardSummary {
  answerHtml: string;
  keyPoints: string[];
  section?: string | null;
  followUpHtml?: string | null;
  exampleHtml?: string | null;
  exampleOutput?: string | null;
  codeHtml?: string | null;
  explanationHtml?: string | null;
}

export interface PageMeta {
  page: number;
  limit: number;
  total: number;
  pages: number;
}

export interface Paged<T> {
  data: T[];
  meta: PageMeta;
}

export interface CardQuery {
  topic?: string;
  level?: string;
  tag?: string;
  q?: string;
  page?: number;
  limit?: number;
  sort?: string;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}

// ---------- Errors ----------

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You need to sign in to do that.',
  403: 'You are not allowed to do that.',
  404: 'We could not find that.',
  409: 'That conflicts with existing data.',
  413: 'That is too large.',
  422: 'Some of the values are not valid.',
  429: 'Too many requests. Please wait a moment.',
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  /** Field name -> message, from problem `errors`. */
  readonly fieldErrors: Record<string, string>;
  /** Seconds from the Retry-After header, when present. */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: Problem, retryAfter?: number) {
    super(problem.detail || problem.title || STATUS_MESSAGES[status] || defaultMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.retryAfter = retryAfter;
    this.fieldErrors = {};
    for (const e of problem.errors ?? []) {
      const key = normaliseField(e.field);
      if (key && !(key in this.fieldErrors)) this.fieldErrors[key] = e.message;
    }
  }
}

function defaultMessage(status: number): string {
  if (status === 0) return 'Cannot reach the server. Check your connection and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return 'The request failed.';
}

/** "body.email", "/email", "email" -> "email". */
function normaliseField(field: string | undefined): string {
  if (!field) return '';
  const parts = field.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

/** A readable message for anything a query or mutation can throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong. Please try again.';
}

// ---------- Transport ----------

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal | undefined;
}

const API = '/api/v1';
const AUTH_PREFIX = `${API}/auth/`;
const UNSAFE_METHODS = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_COOKIE = 'np_csrf';
export const CSRF_HEADER = 'x-csrf-token';

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE_METHODS.has(method)) {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { code: 'network_error' });
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(res: Response): Promise<ApiError> {
  const body = await readJson(res);
  const problem: Problem = body && typeof body === 'object' ? (body as Problem) : {};
  return new ApiError(res.status, problem, parseRetryAfter(res.headers.get('retry-after')));
}

// ---------- Session refresh ----------

let refreshing: Promise<boolean> | null = null;
let signedOutHandler: () => void = () => {};

/** Called when the session is gone (refresh failed). */
export function onSignedOut(handler: () => void): void {
  signedOutHandler = handler;
}

/** One refresh at a time; concurrent 401s share it. */
function refreshSession(): Promise<boolean> {
  refreshing ??= send('POST', `${AUTH_PREFIX}refresh`, {})
    .then(
      (res) => res.ok,
      () => false,
    )
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** A wrong password is a 401 too, but it must not end the session. */
const CREDENTIAL_CODES = new Set(['invalid_credentials', 'invalid_password', 'wrong_password']);

async function needsRefresh(res: Response, path: string): Promise<boolean> {
  if (res.status !== 401 || path.startsWith(AUTH_PREFIX)) return false;
  const body = await readJson(res.clone());
  const code = body && typeof body === 'object' ? (body as Problem).code : undefined;
  return !code || !CREDENTIAL_CODES.has(code);
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, options);
  if (await needsRefresh(res, path)) {
    if (await refreshSession()) res = await send(method, path, options);
    if (res.status === 401) signedOutHandler();
  }
  if (!res.ok) throw await toApiError(res);
  return (await readJson(res)) as T;
}

function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

// ---------- Endpoints ----------

export const api = {
  register: (body: { name: string; email: string; password: string }) =>
    request<AuthResponse>('POST', `${API}/auth/register`, { body }),
  login: (body: { email: string; password: string }) =>
    request<AuthResponse>('POST', `${API}/auth/login`, { body }),
  logout: () => request<void>('POST', `${API}/auth/logout`),

  me: (signal?: AbortSignal) => request<User>('GET', `${API}/me`, { signal }),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    request<void>('POST', `${API}/me/password`, { body }),
  exportData: () => request<unknown>('GET', `${API}/me/export`),
  deleteAccount: (body: { password: string }) => request<void>('DELETE', `${API}/me`, { body }),

  topics: (signal?: AbortSignal) => request<{ data: TopicSummary[] }>('GET', `${API}/topics`, { signal }),
  topic: (id: string, signal?: AbortSignal) =>
    request<Topic>('GET', `${API}/topics/${encodeURIComponent(id)}`, { signal }),

  cards: (query: CardQuery, signal?: AbortSignal) =>
    request<Paged<CardSummary>>('GET', `${API}/cards${queryString(query)}`, { signal }),
  card: (id: string, signal?: AbortSignal) =>
    request<CardDetail>('GET', `${API}/cards/${encodeURIComponent(id)}`, { signal }),
};
