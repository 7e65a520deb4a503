import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { isRole, roles } from '../core/access.js';
import { isAppError } from '../core/errors.js';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { memoryAttemptLimiter } from '../server/lib/attempt-limiter.js';
import { authRepo } from '../server/modules/auth/auth.repo.js';
import { authService } from '../server/modules/auth/auth.service.js';
import { createTokenSigner } from '../server/modules/auth/tokens.js';
import { startServer } from '../server/server.js';

const USAGE = `nodeprep: interview preparation for Node.js backend developers

Usage:
  nodeprep serve [--port N] [--host H]     start the web app and API (default http://localhost:3000)
  nodeprep db migrate                      apply pending database migrations
  nodeprep user promote <email> <role>     add a role (${roles.join(', ')}) to a user
  nodeprep help                            this text

Configuration comes from environment variables; see the README.`;

class UsageError extends Error {}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args: argv.slice(1),
        options: { port: { type: 'string' }, host: { type: 'string' } },
      });
      const base = loadConfig();
      const port = values.port === undefined ? base.port : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0-65535');
      const config = loadConfig({ port, host: values.host ?? base.host, jwtSecret: base.jwtSecret });
      await startServer(config);
      return -1; // keep running
    }
    case 'db': {
      if (sub !== 'migrate') throw new UsageError(`unknown db command "${sub ?? ''}"`);
      const applied = await withDatabase((d) => migrateToLatest(d.db));
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      return 0;
    }
    case 'user': {
      const [email, role] = rest;
      if (sub !== 'promote' || !email || !role)
        throw new UsageError('usage: nodeprep user promote <email> <role>');
      if (!isRole(role)) throw new UsageError(`role must be one of: ${roles.join(', ')}`);
      const config = loadConfig();
      const user = await withDatabase(async (d) => {
        await migrateToLatest(d.db);
        return authService({
          repo: authRepo(d.db),
          signer: createTokenSigner(config.jwtSecret, config.accessTokenTtlS),
          limiter: memoryAttemptLimiter(),
          accessTokenTtlS: config.accessTokenTtlS,
          refreshTokenTtlS: config.refreshTokenTtlS,
          loginLimits: config.loginLimits,
        }).promote(email.trim().toLowerCase(), role);
      });
      console.log(`${user.email} now has roles: ${user.roles.join(', ')}`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

export async function run(argv: string[]): Promise<void> {
  try {
    const code = await main(argv);
    if (code >= 0) process.exitCode = code;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`nodeprep: ${err.message}\n\n${USAGE}`);
      process.exitCode = 64;
    } else if (err instanceof ConfigError || isAppError(err)) {
      console.error(`nodeprep: ${err.message}`);
      process.exitCode = 1;
    } else {
      console.error(err);
      process.exitCode = 1;
    }
  }
}
