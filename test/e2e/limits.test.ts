import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/app.js';
import { e2eSession, signUp } from '../helpers/e2e.js';

// A server that allows two runs a minute per learner, so the limit is reached at once.
const e2e = e2eSession({ RUNS_PER_MINUTE: '2' });

describe('limits in Chromium', () => {
  it('past the run limit, the exercise page says when to run again and holds Run until then', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signUp(page, e2e.base, 'Busy Learner', uniqueEmail('limits'));
    await page.goto(`${e2e.base}/exercises/lru-cache`);
    await page.locator('.cm-content').waitFor();
    const runButton = page.getByRole('button', { name: 'Run', exact: true });
    const runOnce = async () => {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/runs')),
        runButton.click(),
      ]);
      return response.status();
    };
    expect(await runOnce()).toBe(200);
    await expect.poll(() => runButton.isEnabled()).toBe(true);
    expect(await runOnce()).toBe(200);
    await expect.poll(() => runButton.isEnabled()).toBe(true);
    expect(await runOnce()).toBe(429);
    const notice = page.getByText(
      /You have run code many times in a short while\. You can run it again in \d+ s\./,
    );
    await notice.waitFor();
    const seconds = Number((await notice.textContent())?.match(/in (\d+) s/)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(await runButton.isEnabled()).toBe(false);
    expect(await page.getByRole('button', { name: 'Submit' }).isEnabled()).toBe(false);
    await page.close();
  });
});
