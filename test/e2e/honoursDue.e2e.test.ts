/**
 * Issue #22: the honours due and the annual federation report, with the legacy club imported
 * into the real `tutti start --browser`, in Chromium. The club chooses a federation's rules and
 * adds its own honour (a wrong number named at its field); the list of honours due says whether
 * it is complete, the secretary records two in one step and takes that back; the Stärkemeldung
 * is refused with what is missing; the screens pass axe in German and English, the English one
 * with the honours' English names.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { desktopSession } from '../support/desktopSession.ts';
import { makeTempDir } from '../support/tempDir.ts';
import type { TuttiApp } from './pages/tuttiApp.ts';

const session = desktopSession({ prefix: 'tutti-honours-due-', withLegacyClub: true });
let page: Page;
let app: TuttiApp;
const temp = makeTempDir('tutti-honours-due-files-');
beforeAll(() => {
  ({ page, app } = session);
});
afterAll(() => temp.cleanup());

const dueRows = () => page.getByTestId('honours-due').locator('tbody tr');
const notice = (text: string) => page.locator('.mantine-Notification-root', { hasText: text });

describe('honours due', () => {
  it('says the club follows no rules yet, and where to choose them', async () => {
    await app.goTo('honoursDue');
    await page.getByTestId('honours-no-rules').waitFor();
  });

  it('lets the club choose a federation and add its own honour, a wrong number named at its field', async () => {
    await app.goTo('club');
    await app.fill({ name: 'Musikverein Beispiel' });
    await page.getByRole('checkbox', { name: 'Volksmusikerbund NRW (DE)' }).check();
    await page.getByTestId('add-own-honour').click();
    await app.fill({
      'ownHonours.0.levels.0.years': 'zehn',
      'ownHonours.0.levels.0.name': 'Vereinsnadel für 10 Jahre',
    });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect
      .poll(() => app.errorAt('ownHonours.0.levels.0.years').textContent())
      .toBe('Bitte eine Zahl eingeben.');
    // Typing elsewhere in the honour keeps the message where the problem still is.
    await app.fill({ 'ownHonours.0.levels.0.name': 'Vereinsnadel für 10 Jahre aktiv' });
    expect(await app.errorAt('ownHonours.0.levels.0.years').count()).toBe(1);
    await app.fill({ 'ownHonours.0.levels.0.years': '10' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await notice('Gespeichert').waitFor();
    expect(await app.errorAt('ownHonours.0.levels.0.years').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists what is due in a year, says whether the list is complete, and names its sources', async () => {
    await app.goTo('honoursDue');
    await app.fill({ year: '2026' });
    await expect.poll(() => dueRows().count()).toBeGreaterThan(2);
    // Either state is said; an incomplete list names why.
    const state = page.locator(
      '[data-testid="honours-complete"], [data-testid="honours-incomplete"]',
    );
    await expect.poll(() => state.count()).toBe(1);
    const texts = await dueRows().allTextContents();
    expect(texts.some((t) => t.includes('VMB-Ehrennadel'))).toBe(true);
    expect(texts.some((t) => t.includes('Vereinsnadel für 10 Jahre aktiv'))).toBe(true);
    const sources = page.getByTestId('rule-sources');
    expect(await sources.textContent()).toContain('Kreismusikverband Olpe');
    expect(await seriousViolations(page)).toEqual([]);
    // A year that is none is named at the field, and nothing is computed from it.
    await app.fill({ year: '20x6' });
    await expect.poll(() => app.errorAt('year').count()).toBe(1);
    expect(await page.getByTestId('honours-due').count()).toBe(0);
    await app.fill({ year: '2026' });
  });

  it('records two honours in one step, and takes them back', async () => {
    await expect.poll(() => dueRows().count()).toBeGreaterThan(2);
    const before = await dueRows().count();
    const first = (await dueRows().nth(0).locator('td').nth(1).textContent())!;
    const second = (await dueRows().nth(1).locator('td').nth(1).textContent())!;
    await dueRows().nth(0).getByRole('checkbox').check();
    await dueRows().nth(1).getByRole('checkbox').check();
    await app.fill({ recordDate: '05.12.2026' });
    await page.getByTestId('record-chosen').click();
    await notice('2 Ehrungen eingetragen.').waitFor();
    await expect.poll(() => dueRows().count()).toBe(before - 2);

    await app.goTo('honours');
    await page.getByTestId('honour-search').fill(`05.12.2026 ${first.split(',')[0]}`);
    await expect.poll(() => app.row(first).count()).toBeGreaterThan(0);
    await page.getByTestId('honour-search').fill(`05.12.2026 ${second.split(',')[0]}`);
    await expect.poll(() => app.row(second).count()).toBeGreaterThan(0);

    await notice('2 Ehrungen eingetragen.').getByRole('button', { name: 'Rückgängig' }).click();
    await notice('wieder entfernt').waitFor();
    await app.goTo('honoursDue');
    await expect.poll(() => dueRows().count()).toBe(before);
  });
});

describe('printing the list of honours due', () => {
  it('prints the list as the screen shows it, saying in the file whether it is complete', async () => {
    await app.goTo('honoursDue');
    await app.fill({ year: '2026' });
    await expect.poll(() => dueRows().count()).toBeGreaterThan(2);
    const complete = (await page.getByTestId('honours-complete').count()) === 1;
    await page.getByTestId('report-export-open').click();
    await page.getByTestId('report-export-dialog').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-export-run').click(),
    ]);
    const path = join(temp.dir, 'ehrungen.pdf');
    await file.saveAs(path);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Fällige Ehrungen 2026');
    expect(text).toContain(complete ? 'Vollständig' : 'Unvollständig');
    expect(text).toContain('VMB-Ehrennadel');
  });
});

describe('Stärkemeldung', () => {
  it('is refused with what is missing: the federation number and the genders not stated', async () => {
    await app.goTo('staerkemeldung');
    await app.fill({ year: '2026' });
    const refused = page.getByTestId('staerkemeldung-refused');
    await refused.waitFor();
    const text = (await refused.textContent())!;
    expect(text).toContain('Die Stärkemeldung 2026 kann noch nicht erstellt werden');
    expect(text).toContain('die Mitgliedsnummer des Vereins bei seinem Verband');
    expect(text).toContain('das Geschlecht bei:');
    expect(await page.getByTestId('staerkemeldung').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('in English', () => {
  it('shows the honours by their English names and the report in English, axe-clean', async () => {
    await page.getByLabel('Sprache').click();
    await page.getByRole('option', { name: 'English' }).click();
    await app.goTo('honoursDue');
    await page.getByRole('heading', { name: 'Honours due' }).waitFor();
    await expect.poll(() => dueRows().count()).toBeGreaterThan(2);
    const texts = await dueRows().allTextContents();
    expect(texts.some((t) => t.includes('VMB pin in'))).toBe(true);
    expect(texts.some((t) => t.includes('VMB-Ehrennadel'))).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await app.goTo('staerkemeldung');
    await expect
      .poll(() => page.getByTestId('staerkemeldung-refused').textContent())
      .toContain('The annual report for 2026 cannot be made yet');
    expect(await seriousViolations(page)).toEqual([]);
    await app.goTo('club');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Language').click();
    await page.getByRole('option', { name: 'Deutsch' }).click();
  });
});
