import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { testConfig } from './app.js';
import { launchBrowser } from './browser.js';
import { syncRealCurriculum } from './content-fixture.js';
import { freshDatabase } from './databases.js';

/** Where browser tests leave their screenshots. */
export const shots = path.resolve('.cache', 'e2e');

/** The built web app and API on a random port, with a fresh database holding the curriculum. */
export async function startE2eServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync('web/dist/index.html')) throw new Error('build the web app first: npm run build');
  fs.mkdirSync(shots, { recursive: true });
  const database = await freshDatabase();
  await syncRealCurriculum(database.db);
  return startServer(testConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }), {
    database,
    skipMigrations: true,
    syncContent: false,
    extend: (app) => {
      app.addHook('onClose', () => database.close());
    },
  });
}

/**
 * For a browser test file: the server (with `env` added to its configuration) and Chromium start
 * before its tests and stop after them.
 * Read the fields inside tests (they are set once `beforeAll` has run).
 */
export function e2eSession(env: Record<string, string> = {}): {
  readonly server: RunningServer;
  readonly base: string;
  readonly browser: Browser;
} {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startE2eServer(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the e2e server and browser start in beforeAll');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get base() {
      return started(server).url;
    },
    get browser() {
      return started(browser);
    },
  };
}

/** Signs up through the form and waits for the dashboard, which greets the user by name. */
export async function signUp(page: Page, base: string, name: string, email: string): Promise<void> {
  await page.goto(`${base}/signup`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.locator('input[name="password"]').fill('a long enough secret');
  await page.getByLabel('Confirm password').fill('a long enough secret');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(name.split(' ')[0] ?? name) }).waitFor();
}
