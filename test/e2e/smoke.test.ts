/// <reference lib="dom" />
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/app.js';
import { watchErrors } from '../helpers/browser.js';
import { e2eSession, shots, signUp } from '../helpers/e2e.js';

const e2e = e2eSession();

/** The reviews the server stored for the learner with this e-mail. */
const reviewsOf = (email: string) =>
  e2e.server.app.database.db
    .selectFrom('reviews as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('r.reviewed_at')
    .where('u.email', '=', email)
    .execute();

describe('the web app in Chromium', () => {
  it('signs up, sees the dashboard, signs out, signs in again and signs out', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    const email = uniqueEmail('e2e');

    await page.goto(`${e2e.base}/signup`);
    await page.getByLabel('Name').fill('Grace Hopper');
    await page.getByLabel('Email').fill(email);
    await page.locator('input[name="password"]').fill('a long enough secret');
    await page.getByLabel('Confirm password').fill('a long enough secret');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Grace');
    await page.screenshot({ path: path.join(shots, 'dashboard.png') });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).count()).toBeGreaterThan(0);

    await page.goto(`${e2e.base}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.locator('input[name="password"]').fill('a long enough secret');
    await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Grace');

    // A reload keeps the session (httpOnly cookies), and the account page shows the user.
    await page.goto(`${e2e.base}/account`);
    await expect.poll(() => page.getByText(email).count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).count()).toBeGreaterThan(0);
    await page.goto(`${e2e.base}/account`);
    await expect.poll(() => page.url()).toContain('/signin');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('browses 300+ cards across 13 areas, reads a guide and reveals an answer', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${e2e.base}/topics`);
    await expect.poll(() => page.locator('main a[href^="/topics/"]').count()).toBeGreaterThanOrEqual(13);

    await page.goto(`${e2e.base}/cards`);
    await expect
      .poll(() => page.getByText(/of \d+ cards/).textContent())
      .toMatch(/of (3\d\d|[4-9]\d\d) cards/);
    await page.screenshot({ path: path.join(shots, 'cards.png') });

    // A search ranks the best matches first, and offers the other orders.
    await page.getByLabel('Search questions').fill('backpressure');
    const sortBy = page.getByLabel('Sort by');
    await expect.poll(() => sortBy.inputValue()).toBe('relevance');
    await expect.poll(() => page.getByText(/of \d+ cards?$/).textContent()).not.toMatch(/of 3\d\d/);
    const best = (
      await (await fetch(`${e2e.base}/api/v1/cards?q=backpressure&sort=relevance&limit=1`)).json()
    ).data[0].id;
    const first = page.locator('main a[href^="/cards/"]').first();
    await expect.poll(() => first.getAttribute('href')).toMatch(new RegExp(`^/cards/${best}(\\?|$)`));
    await sortBy.selectOption('difficulty');
    await expect.poll(() => page.url()).toContain('sort=difficulty');

    await page.goto(`${e2e.base}/topics/event-loop`);
    await expect.poll(() => page.locator('pre.shiki').count()).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(shots, 'guide.png') });

    await page.goto(`${e2e.base}/cards?topic=event-loop`);
    await page.locator('main a[href^="/cards/"]').first().click();
    await page.getByRole('button', { name: 'Reveal answer' }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByText(/key points/i).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'card.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('studies five cards with the keyboard alone, and the progress page shows them after a reload', async () => {
    // A learner in Los Angeles: their days (and so "Reviews today") start at midnight there.
    const page = await e2e.browser.newPage({
      viewport: { width: 1280, height: 800 },
      timezoneId: 'America/Los_Angeles',
    });
    const errors = watchErrors(page);
    const email = uniqueEmail('study');
    await signUp(page, e2e.base, 'Keyboard Learner', email);
    const reviews = async () => (await reviewsOf(email)).length;

    await page.goto(`${e2e.base}/study`);
    const counts = page.getByText(/^Left today:/);
    await expect.poll(() => counts.textContent()).toContain('20 new cards');
    for (let i = 1; i <= 5; i++) {
      await page.getByRole('button', { name: 'Reveal answer' }).waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Space');
      await page.getByText('How well did you remember it?').waitFor();
      await page.keyboard.press('3');
      await expect.poll(reviews, { timeout: 15_000 }).toBe(i);
    }
    // The counts follow the ratings at once, before the queue is fetched again.
    await expect.poll(() => counts.textContent()).toContain('15 new cards');
    await page.screenshot({ path: path.join(shots, 'study.png') });

    await page.goto(`${e2e.base}/progress`);
    await page.reload();
    const tile = page.getByText('Reviews today').locator('..');
    await expect.poll(() => tile.textContent()).toContain('5');
    // Personal FSRS parameters come later: the page says how many more reviews that takes.
    await page.getByText('You have 5 reviews: 395 more to go.').waitFor();
    // The charts draw: due in the next 30 days, retention and mastery by area.
    await expect.poll(() => page.locator('canvas').count(), { timeout: 15_000 }).toBe(3);
    await page.screenshot({ path: path.join(shots, 'progress.png'), fullPage: true });

    // Sign-up took the device's time zone, and the plan page shows it.
    await page.goto(`${e2e.base}/study/plan`);
    await expect.poll(() => page.getByLabel('Your time zone').inputValue()).toBe('America/Los_Angeles');
    await page.screenshot({ path: path.join(shots, 'plan.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a rating made offline, sends it once back online, and counts it when it was made', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const email = uniqueEmail('offline');
    await signUp(page, e2e.base, 'Offline Learner', email);
    const stored = () => reviewsOf(email);

    await page.goto(`${e2e.base}/study`);
    await page.getByRole('button', { name: 'Reveal answer' }).waitFor();
    await page.context().setOffline(true);
    const ratedAt = Date.now();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await page.getByText('How well did you remember it?').waitFor();
    await page.keyboard.press('3');
    await page.getByText('1 rating waiting to sync').first().waitFor();
    // Offline for a while: nothing reaches the server, and the rating waits in the outbox.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await stored()).toHaveLength(0);

    const backOnline = Date.now();
    await page.context().setOffline(false);
    await expect.poll(async () => (await stored()).length, { timeout: 15_000 }).toBe(1);
    const [review] = await stored();
    const at = new Date(review!.reviewed_at).getTime();
    // Stamped when it was rated (this machine's one clock), not when it arrived.
    expect(at).toBeGreaterThanOrEqual(ratedAt - 1000);
    expect(at).toBeLessThan(backOnline - 1500);
    await expect.poll(() => page.getByText('1 rating waiting to sync').count()).toBe(0);
    await page.close();
  });

  it("offers to follow the device's time zone when the learner's days follow another", async () => {
    const page = await e2e.browser.newPage({
      viewport: { width: 1280, height: 800 },
      timezoneId: 'Asia/Tokyo',
    });
    const errors = watchErrors(page);
    const email = uniqueEmail('zone');
    await signUp(page, e2e.base, 'Travelling Learner', email);
    const zoneOf = async () =>
      (
        await e2e.server.app.database.db
          .selectFrom('study_settings as s')
          .innerJoin('users as u', 'u.id', 's.user_id')
          .select('s.time_zone')
          .where('u.email', '=', email)
          .executeTakeFirstOrThrow()
      ).time_zone;
    await expect.poll(zoneOf).toBe('Asia/Tokyo');

    // Days set to UTC on the plan page (as for an account older than time zones).
    const toUtc = async () => {
      await page.goto(`${e2e.base}/study/plan`);
      await page.getByLabel('Your time zone').selectOption('UTC');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(zoneOf).toBe('UTC');
    };
    await toUtc();
    await page.goto(`${e2e.base}/study`);
    const notice = page.getByText(
      'Your study days start at midnight in UTC, but this device is set to Asia/Tokyo.',
    );
    await notice.waitFor();
    await page.screenshot({ path: path.join(shots, 'time-zone-notice.png') });
    await page.getByRole('button', { name: 'Use Asia/Tokyo' }).click();
    await expect.poll(zoneOf).toBe('Asia/Tokyo');
    await expect.poll(() => notice.count()).toBe(0);

    // "Keep" is remembered on this device.
    await toUtc();
    await page.goto(`${e2e.base}/study`);
    await page.getByRole('button', { name: 'Keep UTC' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'Reveal answer' }).waitFor();
    expect(await notice.count()).toBe(0);
    expect(await zoneOf()).toBe('UTC');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works on a phone-sized screen in dark mode', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 375, height: 740 }, colorScheme: 'dark' });
    const errors = watchErrors(page);
    await page.goto(`${e2e.base}/topics/realtime`);
    await expect.poll(() => page.locator('pre.shiki').count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(shots, 'phone-dark.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
