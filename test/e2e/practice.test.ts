/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/app.js';
import { watchErrors } from '../helpers/browser.js';
import { e2eSession, shots, signUp } from '../helpers/e2e.js';

const e2e = e2eSession();

/** Collects Content-Security-Policy violations reported in the page. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${(e.target as Element | null)?.outerHTML?.slice(0, 200)}`,
      ),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/**
 * Replaces the whole text of the CodeMirror editor as a learner would: select all, then paste.
 * (Playwright's fill() edits the contenteditable natively, where Chromium adds style attributes
 * that the CSP rightly refuses; CodeMirror handles a paste itself.)
 */
async function setEditorText(page: Page, text: string): Promise<void> {
  const content = page.locator('.cm-content');
  await content.click();
  await content.press('Control+a');
  await content.evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  const firstLine =
    text
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? '';
  await expect.poll(() => content.textContent()).toContain(firstLine);
}

describe('practice in Chromium', () => {
  it('solves an exercise: the reference solution passes every test, the starter fails some', async () => {
    const id = 'lru-cache';
    const solution = fs.readFileSync(path.resolve('content', 'exercises', id, 'solution.mjs'), 'utf8');
    const starter = fs.readFileSync(path.resolve('content', 'exercises', id, 'starter.mjs'), 'utf8');
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    const violations = await watchCsp(page);
    await signUp(page, e2e.base, 'Practice Learner', uniqueEmail('practice'));

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Exercises' })
      .first()
      .click();
    await expect.poll(() => page.getByText(/of \d+ exercises/).textContent()).toMatch(/of [2-9]\d exercises/);
    await page.goto(`${e2e.base}/exercises/${id}`);
    await page.locator('.cm-content').waitFor();

    // The editor is styled under the strict CSP: CodeMirror's sheet is adopted by its shadow root.
    const sheets = await page.evaluate(
      () => document.querySelector('.np-editor')?.shadowRoot?.adoptedStyleSheets.length,
    );
    expect(sheets).toBeGreaterThan(0);
    const gutterDisplay = await page.locator('.cm-gutters').evaluate((el) => getComputedStyle(el).display);
    expect(gutterDisplay).toBe('flex');

    // Typing over a selection of several lines is applied by the editor, not by Chromium (whose
    // own edit would add style attributes the CSP refuses).
    await page.locator('.cm-content').click();
    await page.locator('.cm-content').press('Control+a');
    await page.keyboard.type('typed over');
    await expect.poll(() => page.locator('.cm-content').textContent()).toBe('typed over');
    // Reset brings the starter back over what was typed.
    await page.getByRole('button', { name: 'Reset to starter' }).click();
    await expect
      .poll(() => page.locator('.cm-content').textContent())
      .toContain(starter.split('\n').find((l) => l.trim()) ?? '');

    await setEditorText(page, solution);
    await page.getByRole('button', { name: 'Submit' }).click();
    const summary = page.getByText(/^\d+ of \d+ tests passed$/).first();
    await summary.waitFor({ timeout: 60_000 });
    const [passed, total] = ((await summary.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
    expect(total).toBeGreaterThan(0);
    expect(passed).toBe(total);
    await page.screenshot({ path: path.join(shots, 'exercise-passed.png'), fullPage: true });

    // The starter, submitted with the keyboard shortcut from inside the editor, fails.
    await setEditorText(page, starter);
    await page.locator('.cm-content').press('Control+Shift+Enter');
    await page.getByText(/^Some tests failed/).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByRole('list', { name: 'Tests' }).getByText('Failed:').count())
      .toBeGreaterThan(0);

    // Both submissions are listed, newest first; the older one (the solution) loads back into the editor.
    const history = page.getByRole('region', { name: 'Your submissions' });
    const loads = history.getByRole('button', { name: /Load into editor/ });
    await expect.poll(() => loads.count()).toBe(2);
    await loads.last().click();
    await page.getByText('Loaded your submission into the editor.').waitFor();
    const solutionLine =
      solution
        .split('\n')
        .find((line) => line.trim().length > 20)
        ?.trim() ?? '';
    await expect.poll(() => page.locator('.cm-content').textContent()).toContain(solutionLine);
    await page.screenshot({ path: path.join(shots, 'exercise-failed.png'), fullPage: true });

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a wrong prediction of a predict-the-output card shows the line diff and the real output', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await signUp(page, e2e.base, 'Predicting Learner', uniqueEmail('predict'));
    await page.goto(`${e2e.base}/study?topic=event-loop`);

    // Rate ordinary cards until a predict-the-output card comes up.
    const box = page.getByLabel('What does this print?');
    for (let i = 0; i < 25; i++) {
      await page.getByRole('button', { name: 'Reveal answer' }).waitFor();
      if (await box.count()) break;
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Space');
      await page.getByText('How well did you remember it?').waitFor();
      await page.keyboard.press('3');
      await page.getByText('How well did you remember it?').waitFor({ state: 'detached' });
    }
    await box.waitFor();

    // Typing digits and spaces in the box must not rate or reveal the card.
    await box.fill('');
    await box.pressSequentially('1 2 3 4');
    expect(await box.inputValue()).toBe('1 2 3 4');
    await box.press('Control+Enter');

    await page.getByText('Not quite: the output differs.').waitFor({ timeout: 30_000 });
    const diff = page.getByRole('list', { name: 'Your prediction against the expected output' });
    await expect
      .poll(() => diff.getByText(/Expected, missing from your prediction/).count())
      .toBeGreaterThan(0);
    await expect.poll(() => diff.getByText(/In your prediction, not expected/).count()).toBe(1);
    await page.getByText('What it printed just now').waitFor();
    await expect.poll(() => page.getByRole('button', { name: /suggested/ }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'predict-wrong.png'), fullPage: true });

    // The learner still decides: 3 rates Good and the next card comes.
    await page.keyboard.press('3');
    await page.getByText('How well did you remember it?').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
