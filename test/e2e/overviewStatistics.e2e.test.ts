/**
 * Issue #24: the start page and the statistics, in the real `tutti start --browser` and
 * Debian's Chromium, on a club whose figures are known by hand (test/support/overviewClub.ts).
 * Tutti opens on "Übersicht"; its entries are the right ones and lead to where each is dealt
 * with; every chart renders under the strict CSP with the figures of the data, has its table,
 * and passes axe; the keyboard reaches the charts.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatGermanDate } from '../../shared/domain/dates.ts';
import { CHART_IDS } from '../../shared/domain/statistics/charts.ts';
import { seriousViolations } from '../support/axe.ts';
import { desktopSession } from '../support/desktopSession.ts';
import { fillOverviewClub, type OverviewClubFacts } from '../support/overviewClub.ts';
import type { TuttiApp } from './pages/tuttiApp.ts';

let facts: OverviewClubFacts;
const session = desktopSession({
  prefix: 'tutti-overview-',
  prepare: (store) => {
    facts = fillOverviewClub(store);
  },
  startOnOverview: true,
});
let page: Page;
let app: TuttiApp;
beforeAll(() => {
  ({ page, app } = session);
});

const card = (name: string) => page.getByTestId(`overview-${name}`);
const entries = (name: string) => card(name).locator('li');

/** A table's cells by row label and column: `table[row][series]`. */
async function tableOf(testId: string): Promise<Record<string, Record<string, string>>> {
  return page.getByTestId(testId).evaluate((table) => {
    const rows: Record<string, Record<string, string>> = {};
    for (const row of table.querySelectorAll('tbody tr')) {
      const label = row.querySelector('th')!.textContent!.trim();
      rows[label] = {};
      for (const cell of row.querySelectorAll('td'))
        rows[label][cell.getAttribute('data-series')!] = cell.textContent!.trim();
    }
    return rows;
  });
}

async function openChart(id: string): Promise<void> {
  await page.getByTestId(`chart-tab-${id}`).click();
  await page.getByTestId(`chart-${id}`).waitFor();
}

describe('Übersicht, the start page', () => {
  it('is what Tutti opens on', async () => {
    expect(await page.getByTestId('nav-overview').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('h1').textContent()).toBe('Übersicht');
  });

  it('lists round birthdays and jubilees of the next four weeks, with consent only', async () => {
    expect(await entries('occasions').allTextContents()).toEqual([
      facts.clarasJubilee,
      facts.annaBirthday,
    ]);
    // Bernd turns 50 in ten days but did not consent: counted, not named.
    expect(await card('occasions').textContent()).toContain(
      '1 weiteres Mitglied hat der Veröffentlichung nicht zugestimmt.',
    );
    expect(await card('occasions').textContent()).not.toContain('Bernd');
  });

  it('lists the overdue loan only (not the one due later, not the returned one)', async () => {
    expect(await entries('loans').allTextContents()).toEqual([facts.overdueLoan]);
    expect(await page.getByTestId('overview-loans-count').textContent()).toBe('1');
  });

  it('lists the instruments for the workshop: repair first, never serviced, then by date', async () => {
    const { repair, never, overdue, due } = facts.dueServices;
    expect(await entries('maintenance').allTextContents()).toEqual([repair, never, overdue, due]);
  });

  it('lists the honours of this year, the club’s own rule applied', async () => {
    const texts = await entries('honours').allTextContents();
    expect(texts).toContain('Bernd Becker: Vereinsnadel Bronze (10 Jahre)');
    expect(
      texts.some((t) => t.startsWith('Anna Adler: Vereinsnadel Bronze (10 Jahre, schon')),
    ).toBe(true);
  });

  it('says there is no backup yet and the profile is not connected', async () => {
    expect(await card('backup').textContent()).toContain(
      'Für diese Daten gibt es noch keine Sicherung.',
    );
    expect(await card('sync').textContent()).toContain('Nicht mit einem Vereinsserver verbunden');
  });

  it('leads from an overdue loan to the instrument’s loans, and from a birthday to the member', async () => {
    await entries('loans').first().getByRole('button').click();
    const dialog = app.dialog();
    await dialog.waitFor();
    expect(await page.getByTestId('tab-loans').getAttribute('aria-selected')).toBe('true');
    expect(await dialog.textContent()).toContain('Bernd Becker');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Opened again from the list, the instrument starts on its data, not on the loans.
    await app.row('T-1').click();
    await dialog.waitFor();
    expect(await page.getByTestId('tab-loans').getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Back on the instruments page later, nothing opens by itself.
    await app.goTo('registers');
    await app.goTo('instruments');
    await page.getByTestId('data-table').waitFor();
    expect(await app.dialog().count()).toBe(0);

    await app.goTo('overview');
    await entries('occasions').last().getByRole('button').click();
    await app.dialog().waitFor();
    expect(await app.field('lastName', app.dialog()).inputValue()).toBe('Adler');
    await page.keyboard.press('Escape');
    await app.dialog().waitFor({ state: 'detached' });

    await app.goTo('overview');
    await card('backup').getByRole('button', { name: 'Zur Datensicherung' }).click();
    await expect
      .poll(() => page.getByTestId('nav-backup').getAttribute('aria-current'))
      .toBe('page');
  });

  it('passes axe and is reached with the keyboard', async () => {
    await app.goTo('overview');
    await card('loans').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await entries('loans').first().getByRole('button').focus();
    await page.keyboard.press('Enter');
    await app.dialog().waitFor();
    await page.keyboard.press('Escape');
  });
});

describe('Statistik', () => {
  it('counts members by year from their history', async () => {
    await app.goTo('statistics');
    await openChart('membersByYear');
    const table = await tableOf('chart-membersByYear-table');
    const { year } = facts;
    // On 1 January three years ago: Anna, Bernd, Clara, Dieter (still active), Frieda.
    expect(table[String(year - 3)]).toMatchObject({ aktiv: '5', passiv: '0', unknown: '1' });
    // Two years ago Dieter was supporting; Frieda left in the summer after.
    expect(table[String(year - 2)]).toMatchObject({ aktiv: '4', passiv: '1', unknown: '1' });
    expect(table[String(year - 1)]).toMatchObject({ aktiv: '3', jugend: '0', passiv: '1' });
    // Today: Emil joined the youth last September; Greta's start is unknown.
    expect(table[`heute (${formatGermanDate(facts.today)})`]).toMatchObject({
      aktiv: '3',
      jugend: '1',
      passiv: '1',
      unknown: '1',
    });
    expect(Object.keys(table)).toHaveLength(11);
    expect(
      await page.getByTestId('chart-membersByYear').locator('svg .recharts-bar-rectangle').count(),
    ).toBeGreaterThan(0);
    // A wrong year is named at its field, and no chart is drawn from it.
    await app.fill({ toYear: String(year - 20) });
    await expect
      .poll(() => app.errorAt('toYear').textContent())
      .toBe('Das Bis-Jahr liegt vor dem Von-Jahr.');
    expect(await page.getByTestId('chart-membersByYear').count()).toBe(0);
    await app.fill({ toYear: String(year) });
    await page.getByTestId('chart-membersByYear').waitFor();
    // Years still to come have no figures: said at the field, nothing to print.
    await app.fill({ fromYear: String(year + 1), toYear: String(year + 3) });
    await expect
      .poll(() => app.errorAt('fromYear').textContent())
      .toBe('Dieses Jahr liegt in der Zukunft.');
    expect(await page.getByTestId('report-export-open').isDisabled()).toBe(true);
    await app.fill({ fromYear: String(year - 9), toYear: String(year) });
    await page.getByTestId('chart-membersByYear').waitFor();
  });

  it('draws the age pyramid by gender, the member without birth date said', async () => {
    await openChart('agePyramid');
    const table = await tableOf('chart-agePyramid-table');
    expect(table['40–49']).toMatchObject({ m: '1', w: '1', total: '2' });
    expect(table['50–59']).toMatchObject({ w: '1' });
    expect(table['70–79']).toMatchObject({ m: '1' });
    expect(table['10–19']).toMatchObject({ none: '1' });
    expect(await page.getByTestId('chart-agePyramid').textContent()).toContain(
      '1 Mitglied ohne Geburtsdatum ist nicht gezählt.',
    );
  });

  it('counts members per register, one in two registers in both', async () => {
    await openChart('membersPerRegister');
    const table = await tableOf('chart-membersPerRegister-table');
    expect(Object.keys(table)).toEqual(['Holz', 'Blech', 'Schlagwerk', 'ohne Register']);
    expect(table.Holz).toMatchObject({ aktiv: '2' });
    expect(table.Blech).toMatchObject({ aktiv: '2' });
    expect(table.Schlagwerk).toMatchObject({ jugend: '1' });
    expect(table['ohne Register']).toMatchObject({ passiv: '2' });
  });

  it('gives attendance rates per register and per member over the season', async () => {
    await openChart('attendanceByRegister');
    const byRegister = await tableOf('chart-attendanceByRegister-table');
    expect(byRegister.Holz).toEqual({
      present: '66,7 %',
      excused: '16,7 %',
      absent: '16,7 %',
      entries: '6',
    });
    expect(byRegister.Blech).toMatchObject({ present: '40,0 %', absent: '40,0 %', entries: '5' });

    await openChart('attendanceByMember');
    const byMember = await tableOf('chart-attendanceByMember-table');
    expect(byMember).toMatchObject({
      'Adler, Anna': { present: '100,0 %', entries: '3' },
      'Becker, Bernd': { present: '33,3 %', excused: '33,3 %', absent: '33,3 %', entries: '3' },
      'Conrad, Clara': { present: '50,0 %', absent: '50,0 %', entries: '2' },
    });
    await app.choose('registerId', 'Blech');
    await expect
      .poll(async () => Object.keys(await tableOf('chart-attendanceByMember-table')))
      .toEqual(['Becker, Bernd', 'Conrad, Clara']);
  });

  it('counts instruments by condition and by register', async () => {
    await openChart('instrumentsByCondition');
    const byCondition = await tableOf('chart-instrumentsByCondition-table');
    expect(byCondition).toMatchObject({
      neu: { instruments: '1' },
      gut: { instruments: '2' },
      gebraucht: { instruments: '1' },
      reparaturbedürftig: { instruments: '1' },
      defekt: { instruments: '0' },
      ausgemustert: { instruments: '1' },
    });
    await openChart('instrumentsByRegister');
    const byRegister = await tableOf('chart-instrumentsByRegister-table');
    expect(byRegister.Blech).toMatchObject({ neu: '1', gut: '1', gebraucht: '1', total: '3' });
    expect(byRegister['ohne Register']).toMatchObject({ ausgemustert: '1' });
  });

  it('renders every chart with no CSP violation and nothing serious for axe, in German and English', async () => {
    for (const language of ['de', 'en'] as const) {
      if (language === 'en') {
        await page.getByLabel('Sprache').click();
        await page.getByRole('option', { name: 'English' }).click();
      }
      for (const id of CHART_IDS) {
        await openChart(id);
        await page.getByTestId(`chart-${id}`).locator('svg').first().waitFor();
        expect(await seriousViolations(page), `${id} (${language})`).toEqual([]);
      }
    }
    expect(await page.getByTestId('chart-instrumentsByRegister-table').textContent()).toContain(
      'needs repair',
    );
    await page.getByLabel('Language').click();
    await page.getByRole('option', { name: 'Deutsch' }).click();
    expect(session.cspViolations).toEqual([]);
  });

  it('prints the chart shown, with its figures, as a PDF', async () => {
    await openChart('attendanceByRegister');
    await page.getByTestId('report-export-open').click();
    await page.getByTestId('report-export-dialog').waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-export-run').click(),
    ]);
    const path = join(session.temp.dir, 'anwesenheit.pdf');
    await file.saveAs(path);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Anwesenheit je Register');
    expect(text).toMatch(/Holz\s+66,7 %\s+16,7 %\s+16,7 %\s+6/);
    expect(text).toMatch(/Blech\s+40,0 %\s+20,0 %\s+40,0 %\s+5/);
  });

  it('moves between the charts with the arrow keys', async () => {
    await page.getByTestId('chart-tab-membersByYear').click();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('chart-tab-agePyramid').getAttribute('aria-selected'))
      .toBe('true');
    await page.getByTestId('chart-agePyramid-table').waitFor();
  });
});
