/**
 * Issue #26: long work shows its progress and can be stopped where that is safe — here the
 * import preview of the large legacy club (6,000 members), in Chromium against the real
 * `tutti start --browser`: the progress says how many rows are checked, "Abbrechen" stops it,
 * the page says so in words, nothing was imported, and the same file previews again to the end.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { desktopSession } from '../support/desktopSession.ts';
import { fixture } from '../support/fixtures.ts';
import type { TuttiApp } from './pages/tuttiApp.ts';

const SLOW = { timeout: 30_000 };
const session = desktopSession({ prefix: 'tutti-long-work-' });
let page: Page;
let app: TuttiApp;
beforeAll(() => {
  ({ page, app } = session);
});

describe('the import preview of a large club', () => {
  it('shows its progress, stops on "Abbrechen", and runs to the end when asked again', async () => {
    await app.goTo('import');
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles(fixture('legacy', 'verein-gross.mdb'));
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-preview').waitFor(SLOW);

    await page.getByTestId('import-preview').click();
    const cancel = page.getByTestId('work-importPreview-cancel');
    await cancel.waitFor(SLOW);
    // Named for what it stops, and the progress says how far the check has come.
    expect(await cancel.getAttribute('aria-label')).toBe('Vorschau abbrechen');
    await expect
      .poll(() => page.getByTestId('work-importPreview-stage').innerText(), SLOW)
      .toMatch(/\d[\d.]* von \d[\d.]*/);
    expect(await seriousViolations(page)).toEqual([]);
    await cancel.click();
    const cancelled = page.getByTestId('import-preview-cancelled');
    await cancelled.waitFor(SLOW);
    expect(await cancelled.innerText()).toMatch(/abgebrochen/i);
    expect(await page.getByTestId('import-preview-note').count()).toBe(0);

    // The file is still open and the preview runs to its end.
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-preview-note').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-counts').innerText()).toMatch(/Mitglieder[^\n]*6000/);
    // Neither preview imported anything.
    await app.goTo('members');
    await expect.poll(() => page.getByText('Noch keine Mitglieder').count(), SLOW).toBe(1);
  }, 120_000);
});
