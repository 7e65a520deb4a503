import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig, ConfigError, loadOrCreateSecrets, parseEnv } from './config.js';

describe('config', () => {
  it('has defaults that need no set-up: port 3000, embedded database in ./data', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./data');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('fails fast naming the bad variable', () => {
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv({ PORT: '' }).PORT).toBe(3000);
  });

  it('chooses PostgreSQL when DATABASE_URL is set', () => {
    const config = buildConfig(parseEnv({ DATABASE_URL: 'postgres://x@h/db', JWT_SECRET: 'k'.repeat(40) }));
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://x@h/db', poolMax: 10 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('creates the data folder and a secrets file (mode 600) on first start, and reuses it', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'np-config-')), 'data');
    const first = buildConfig(parseEnv({ DATA_DIR: dir }));
    const file = path.join(dir, 'secrets.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(buildConfig(parseEnv({ DATA_DIR: dir })).jwtSecret).toBe(first.jwtSecret);
    expect(loadOrCreateSecrets(dir).jwtSecret).toBe(first.jwtSecret);
  });

  it('refuses a corrupt secrets file instead of silently replacing it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'np-config-'));
    fs.writeFileSync(path.join(dir, 'secrets.json'), '{"jwtSecret":"x"}');
    expect(() => loadOrCreateSecrets(dir)).toThrow(/no valid jwtSecret/);
  });
});
