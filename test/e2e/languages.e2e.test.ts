/**
 * German first, English complete (issue #21): every page and dialog of the desktop, walked in
 * English with the legacy club imported, shows no German word of the UI — labels, buttons,
 * headings, messages at the fields, notices, choices — and the German UI shows no English one.
 * What the club typed (names, register names, notes, the import file's column names) is data
 * and stays as it is: table bodies and input values are not read.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { desktopSession } from '../support/desktopSession.ts';
import { fixture } from '../support/fixtures.ts';
import { ENGLISH, GERMAN, uiText } from '../support/uiLanguage.ts';
import { SECTIONS, type TuttiApp } from './pages/tuttiApp.ts';

const session = desktopSession({ prefix: 'tutti-languages-', withLegacyClub: true });
let page: Page;
let app: TuttiApp;
beforeAll(() => {
  ({ page, app } = session);
});

/** Names from the import file (its name, its tables' names): data, said as the file has them. */
const fileNames = new Set(['verein-beispiel.mdb']);

async function expectNone(words: RegExp, where: string): Promise<void> {
  let text = await uiText(page);
  for (const name of fileNames) text = text.replaceAll(name, '');
  const lines = text.split('\n').filter((line) => words.test(line));
  expect(lines, where).toEqual([]);
}

async function switchTo(language: 'de' | 'en'): Promise<void> {
  await page.getByLabel(language === 'en' ? 'Sprache' : 'Language').click();
  await page.getByRole('option', { name: language === 'en' ? 'English' : 'Deutsch' }).click();
}

/** Every page and dialog, with a refusal at a field where a form has one. */
async function walk(words: RegExp): Promise<void> {
  // Every page; the import's steps are walked below.
  for (const section of SECTIONS.filter((s) => s !== 'import')) {
    await app.goTo(section);
    await page.locator('h1').waitFor();
    await expectNone(words, section);
  }

  await app.goTo('members');
  await page.locator('[data-testid="data-table"] tbody tr').first().click();
  for (const tab of ['person', 'contact', 'club', 'history', 'bank']) {
    await app.memberTab(tab);
    await expectNone(words, `member, tab ${tab}`);
  }
  // A message at a field, said by the shared schema.
  await app.memberTab('contact');
  await app.fill({ email: 'anna@', postalCode: '123' });
  await app.dialog().getByTestId('save').click();
  await app.dialog().locator('.mantine-InputWrapper-error').first().waitFor();
  await expectNone(words, 'member with refused values');
  await app.discard();

  await app.goTo('registers');
  await page.locator('[data-testid="data-table"] tbody tr').first().click();
  await app.dialog().waitFor();
  await expectNone(words, 'register dialog');
  await page.keyboard.press('Escape');

  await app.goTo('instruments');
  await page.locator('[data-testid="data-table"] tbody tr').first().click();
  await expectNone(words, 'instrument dialog');
  for (const tab of ['tab-loans', 'tab-maintenance']) {
    await page.getByTestId(tab).click();
    await expectNone(words, `instrument, ${tab}`);
  }
  await page.keyboard.press('Escape');

  await app.goTo('events');
  await page.getByTestId('new-event').click();
  await app.dialog().waitFor();
  await expectNone(words, 'new event');
  await page.keyboard.press('Escape');

  await app.goTo('honours');
  await page.locator('[data-testid="data-table"] tbody tr').first().click();
  await app.dialog().waitFor();
  await expectNone(words, 'honour dialog');
  await page.keyboard.press('Escape');

  await app.goTo('club');
  await page.getByTestId('club-form').waitFor();
  await app.fill({ sepaCreditorId: 'DE00ZZZ00000000000' });
  await page
    .getByTestId('club-form')
    .getByRole('button', { name: /Speichern|Save/ })
    .click();
  await page.locator('[data-field="sepaCreditorId"][aria-invalid="true"]').waitFor();
  await expectNone(words, 'club details with a refused creditor id');

  await app.goTo('import');
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles(fixture('legacy', 'verein-beispiel.mdb'));
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-table-Mitglieder').waitFor();
  for (const id of await page
    .locator('[data-testid^="import-table-"]')
    .evaluateAll((tables) => tables.map((t) => t.getAttribute('data-testid')!)))
    fileNames.add(id.replace('import-table-', ''));
  await expectNone(words, 'import mapping');
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-preview-note').waitFor();
  await expectNone(words, 'import preview');
}

describe('one language at a time', () => {
  it('shows no German anywhere in the English UI', async () => {
    await switchTo('en');
    await walk(GERMAN);
  });

  it('shows no English UI word in the German UI', async () => {
    await page.evaluate(() => localStorage.setItem('tutti.language', 'de'));
    await page.reload();
    await page.getByTestId('nav-members').waitFor();
    await walk(ENGLISH);
  });
});
