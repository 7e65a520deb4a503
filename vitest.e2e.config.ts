import { defineConfig } from 'vitest/config';

/** Browser tests: Playwright driving Debian's Chromium against a real nodeprep server. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { NODE_EXTRA_CA_CERTS: '' },
  },
});
