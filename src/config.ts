import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads `process.env`. Everything else receives a frozen `Config`.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: list.default([]),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: bool.optional(),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(300)
    .max(365 * 86_400)
    .default(30 * 86_400),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).default(60),
  AUTH_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(20),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  LOGIN_FAILURE_WINDOW_S: z.coerce.number().int().min(1).default(900),
  CONTENT_DIR: z.string().min(1).default('./content'),
  CONTENT_CHECK_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .default('postgres://postgres@127.0.0.1:5432/postgres'),
  CONTENT_CHECK_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  WEB_DIR: z.string().min(1).default('./web/dist'),
  RUNNER_SANDBOX: z.enum(['auto', 'strict']).default('auto'),
  RUNNER_POOL_SIZE: z.coerce.number().int().min(0).max(64).default(0),
  RUNNER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  RUNNER_MEMORY_MB: z.coerce.number().int().min(32).max(4096).default(128),
  RUNNER_OUTPUT_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(64 * 1024),
  RUNS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  FSRS_OPTIMIZE_MIN_REVIEWS: z.coerce.number().int().min(50).max(1_000_000).default(400),
  FSRS_OPTIMIZE_EVERY: z.coerce.number().int().min(1).max(1_000_000).default(200),
  FSRS_OPTIMIZE_MIN_INTERVAL_S: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .default(3600),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  readonly env: Env['NODE_ENV'];
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** `embedded` uses PGlite in dataDir; `postgres` uses DATABASE_URL. */
  readonly database:
    | { readonly kind: 'embedded'; readonly dir: string }
    | { readonly kind: 'postgres'; readonly url: string; readonly poolMax: number };
  readonly redisUrl: string | undefined;
  readonly jwtSecret: string;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly corsOrigins: readonly string[];
  readonly trustProxy: boolean;
  readonly cookieSecure: boolean;
  readonly requestTimeoutMs: number;
  readonly bodyLimitBytes: number;
  readonly accessTokenTtlS: number;
  readonly refreshTokenTtlS: number;
  /** Requests per window per IP; `authMax` for the sign-in, sign-up and password routes. */
  readonly rateLimit: { readonly max: number; readonly windowS: number; readonly authMax: number };
  readonly loginLimits: {
    readonly perAccount: number;
    readonly perIp: number;
    readonly windowS: number;
  };
  readonly contentDir: string;
  /** Services the content check gives to examples that declare `needs`, and its stamp file. */
  readonly contentCheck: {
    readonly postgresUrl: string;
    readonly redisUrl: string;
    readonly stampFile: string;
    readonly renderCacheFile: string;
  };
  readonly webDir: string;
  /**
   * The sandboxed runner: `strict` refuses to run learner code without bubblewrap; a pool size
   * of 0 means one process per core. `runsPerMinute` limits each user's runs and submissions.
   */
  readonly runner: {
    readonly sandbox: 'auto' | 'strict';
    readonly poolSize: number;
    readonly timeoutMs: number;
    readonly memoryMb: number;
    readonly outputLimitBytes: number;
    readonly runsPerMinute: number;
  };
  /** Fitting a learner's own FSRS parameters: first at `minReviews` reviews, then every `every` more. */
  readonly fsrsOptimization: {
    readonly minReviews: number;
    readonly every: number;
    /** Automatic fits of one learner at most this often (a scripted client cannot make it fit non-stop). */
    readonly minIntervalMs: number;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (default: `process.env`) into a frozen Config, or throws naming the bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

interface SecretsFile {
  jwtSecret: string;
}

/** Reads the generated secrets from the data folder, creating them (mode 600) on first start. */
export function loadOrCreateSecrets(dataDir: string): SecretsFile {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'secrets.json');
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SecretsFile>;
    if (typeof parsed.jwtSecret === 'string' && parsed.jwtSecret.length >= 32) {
      return { jwtSecret: parsed.jwtSecret };
    }
    throw new ConfigError(`${file} exists but holds no valid jwtSecret; delete it to regenerate`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secrets: SecretsFile = { jwtSecret: randomBytes(48).toString('base64url') };
  // `wx` never overwrites a file another process created a moment earlier.
  try {
    fs.writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecrets(dataDir);
    throw err;
  }
  return secrets;
}

/** Builds the runtime Config from a parsed environment. */
export function buildConfig(env: Env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(env.DATA_DIR);
  const jwtSecret = env.JWT_SECRET ?? overrides.jwtSecret ?? loadOrCreateSecrets(dataDir).jwtSecret;
  const config: Config = {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX }
      : { kind: 'embedded', dir: path.join(dataDir, 'pglite') },
    redisUrl: env.REDIS_URL,
    jwtSecret,
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    accessTokenTtlS: env.ACCESS_TOKEN_TTL_S,
    refreshTokenTtlS: env.REFRESH_TOKEN_TTL_S,
    rateLimit: {
      max: env.RATE_LIMIT_MAX,
      windowS: env.RATE_LIMIT_WINDOW_S,
      authMax: env.AUTH_RATE_LIMIT_MAX,
    },
    loginLimits: {
      perAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perIp: env.LOGIN_MAX_FAILURES_PER_IP,
      windowS: env.LOGIN_FAILURE_WINDOW_S,
    },
    contentDir: path.resolve(env.CONTENT_DIR),
    runner: {
      sandbox: env.RUNNER_SANDBOX,
      poolSize: env.RUNNER_POOL_SIZE,
      timeoutMs: env.RUNNER_TIMEOUT_MS,
      memoryMb: env.RUNNER_MEMORY_MB,
      outputLimitBytes: env.RUNNER_OUTPUT_LIMIT_BYTES,
      runsPerMinute: env.RUNS_PER_MINUTE,
    },
    contentCheck: {
      postgresUrl: env.CONTENT_CHECK_DATABASE_URL,
      redisUrl: env.CONTENT_CHECK_REDIS_URL,
      stampFile: path.resolve('.cache', 'content-check.json'),
      renderCacheFile: path.resolve('.cache', 'render-cache.json'),
    },
    webDir: path.resolve(env.WEB_DIR),
    fsrsOptimization: {
      minReviews: env.FSRS_OPTIMIZE_MIN_REVIEWS,
      every: env.FSRS_OPTIMIZE_EVERY,
      minIntervalMs: env.FSRS_OPTIMIZE_MIN_INTERVAL_S * 1000,
    },
    ...overrides,
  };
  return Object.freeze(config);
}

/** The content check's settings alone: needs no data folder or secrets. */
export function contentCheckConfig(env: Env = parseEnv(process.env)) {
  return {
    contentDir: path.resolve(env.CONTENT_DIR),
    postgresUrl: env.CONTENT_CHECK_DATABASE_URL,
    redisUrl: env.CONTENT_CHECK_REDIS_URL,
    stampFile: path.resolve('.cache', 'content-check.json'),
    renderCacheFile: path.resolve('.cache', 'render-cache.json'),
  };
}

/** Reads and validates the process environment once. */
export function loadConfig(overrides: Partial<Config> = {}): Config {
  return buildConfig(parseEnv(process.env), overrides);
}

/** Flags the CLI reads from the environment besides the config (kept here: the only env reader). */
export function cliEnvironment(): { ci: boolean; noColor: boolean } {
  return { ci: Boolean(process.env.CI), noColor: Boolean(process.env.NO_COLOR) };
}
