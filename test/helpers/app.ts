import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildConfig, type Config, parseEnv } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { buildApp, REDACTED_PATHS } from '../../src/server/app.js';
import { freshDatabase, testRedisUrl } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Every log line the app wrote. */
  logs: string[];
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}, overrides: Partial<Config> = {}): Config {
  return buildConfig(
    parseEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATA_DIR: '/tmp/nodeprep-test-unused',
      AUTH_RATE_LIMIT_MAX: '10000',
      RATE_LIMIT_MAX: '10000',
      ...env,
    }),
    { jwtSecret: 'test-secret-that-is-long-enough-for-hs256-0123456789', ...overrides },
  );
}

/** Builds the app on a fresh database (PGlite or PostgreSQL, see databases.ts). */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { database?: Database; extend?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  const database = options.database ?? (await freshDatabase());
  const config = testConfig({ ...(testRedisUrl ? { REDIS_URL: testRedisUrl } : {}), ...env });
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const app = await buildApp(config, {
    database,
    skipMigrations: true,
    jobPrefix: `nodeprep-test:${process.pid}:${Math.random().toString(36).slice(2)}`,
    logger: { level: 'info', stream, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
  });
  options.extend?.(app);
  await app.ready();
  return {
    app,
    database,
    config,
    logs,
    async close() {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

let n = 0;
/** A unique e-mail per call, so tests in one database never collide. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${n++}@example.com`;
}

export const PASSWORD = 'correct horse battery';

export async function register(app: FastifyInstance, body: Record<string, unknown> = {}) {
  const email = (body.email as string) ?? uniqueEmail();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password: PASSWORD, name: 'Test User', client: 'api', ...body },
  });
  return {
    res,
    email,
    json: res.json() as { user: { id: string }; accessToken: string; refreshToken: string },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Turns set-cookie headers into a Cookie header and a name->value map. */
export function cookiesOf(res: LightMyRequestResponse): { header: string; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const c of res.cookies as { name: string; value: string }[]) values[c.name] = c.value;
  return {
    header: Object.entries(values)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}=${v}`)
      .join('; '),
    values,
  };
}

/** The fields a 400 problem response names, sorted. */
export function problemFields(res: LightMyRequestResponse): string[] {
  return (res.json().errors as { field: string }[]).map((e) => e.field).sort();
}
