/**
 * `tutti report` on real encrypted profiles: the honours due, the Stärkemeldung and the round
 * birthdays, as text and CSV, in German and English, refused with what is missing, and
 * narrowed to what the role of an enrolled device may read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, GERMAN, reportProfiles } from '../../test/support/reportProfiles.ts';

const profiles = reportProfiles();
const { tutti } = profiles;

describe('tutti report honours', () => {
  it('lists the honours due in the year, with the level of the chosen rule set', async () => {
    const { code, stdout, stderr } = await tutti([
      'report',
      'honours',
      '--year',
      '2026',
      '--ceremony',
      '2026-11-14',
      '--profile',
      profiles.harmonie,
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Fällige Ehrungen 2026');
    expect(stdout).toContain('Ehrungstermin: 14.11.2026');
    expect(stdout).toContain('Ehrungsordnungen: Volksmusikerbund NRW');
    const header = lines.find((l) => l.startsWith('Mitglied'))!;
    expect(header).toMatch(/^Mitglied\s+Ehrung\s+Verleiht\s+Jahre\s+Stand\s+Antrag bis$/);
    const anna = lines.find((l) => l.startsWith('Meier, Anna'))!;
    expect(anna).toMatch(
      /^Meier, Anna\s+VMB-Ehrennadel in Bronze\s+Volksmusikerbund NRW\s+10\s+fällig\s+17\.10\.2026$/,
    );
    // Columns aligned: every cell starts where the header's does.
    expect(anna.indexOf('VMB-Ehrennadel')).toBe(header.indexOf('Ehrung'));
    expect(anna.indexOf('17.10.2026')).toBe(header.indexOf('Antrag bis'));
    // 20 years by 15 May 2026: the higher level only.
    expect(stdout).toMatch(/Schulz, Bernd\s+VMB-Ehrennadel in Altsilber\s+/);
    expect(stdout).not.toMatch(/Schulz, Bernd\s+VMB-Ehrennadel in Bronze/);
    expect(stdout).not.toMatch(/Wolf|Klein/);
    expect(stdout).toContain('Vollständig: Alle Regeln konnten');
  });

  it('writes CSV with ISO dates, and to a file with --out', async () => {
    const { code, stdout } = await tutti([
      'report',
      'honours',
      '--year=2026',
      '--ceremony=2026-11-14',
      '--profile',
      profiles.harmonie,
      '--format',
      'csv',
    ]);
    expect(code).toBe(0);
    const rows = csvRows(stdout);
    expect(rows[0]).toEqual(['Mitglied', 'Ehrung', 'Verleiht', 'Jahre', 'Stand', 'Antrag bis']);
    expect(rows).toContainEqual([
      'Meier, Anna',
      'VMB-Ehrennadel in Bronze',
      'Volksmusikerbund NRW',
      '10',
      'fällig',
      '2026-10-17',
    ]);
    const file = join(profiles.dir, 'ehrungen.csv');
    const written = await tutti([
      'report',
      'honours',
      '--year=2026',
      '--profile',
      profiles.harmonie,
      '--format=csv',
      '--out',
      file,
    ]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain(file);
    expect(csvRows(readFileSync(file, 'utf8'))[0]).toHaveLength(6);
  });

  it('prints an incomplete list with its problems, and says so on stderr too', async () => {
    const { code, stdout, stderr } = await tutti([
      'report',
      'honours',
      '--year',
      '2026',
      '--profile',
      profiles.lueckenhaft,
    ]);
    expect(code).toBe(3);
    expect(stdout).toMatch(/Lang, Paul\s+VMB-Ehrennadel in Bronze/);
    expect(stdout).toContain('Unvollständig: Für manche Mitglieder oder Regeln fehlen Angaben.');
    expect(stdout).toContain(
      'Roth, Eva: Beginn der Mitgliedschaft unbekannt (Eintrittsdatum fehlt) – „Volksmusikerbund NRW: Musikerinnen und Musiker“ nicht berechnet.',
    );
    expect(stdout).not.toContain('Vollständig');
    expect(stderr).toMatch(/^Unvollständig: /);
  });

  it('says when the club follows no rules of honour, with exit 1', async () => {
    const { code, stdout, stderr } = await tutti([
      'report',
      'honours',
      '--year',
      '2026',
      '--profile',
      profiles.ohneRegeln,
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'Fehler: Der Verein folgt noch keiner Ehrungsordnung. Unter „Verein“ wählen Administratoren die Ordnungen ihrer Verbände und legen eigene Ehrungen an.\n',
    );
  });
});

describe('tutti report staerkemeldung', () => {
  it('refuses a report with gaps, naming each: the federation number, a gender, a status', async () => {
    const { code, stdout, stderr } = await tutti([
      'report',
      'staerkemeldung',
      '--year',
      '2026',
      '--profile',
      profiles.lueckenhaft,
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      'Fehler: Die Stärkemeldung 2026 kann noch nicht erstellt werden. Es fehlt:',
      '  - die Mitgliedsnummer des Vereins bei seinem Verband (unter „Verein“)',
      '  - der Status am Stichtag (Eintrittsdatum oder Verlauf) bei: Eva Roth',
      '  - das Geschlecht bei: Paul Lang',
    ]);
  });

  it('prints the counts by status, gender and age band, and the active members', async () => {
    const { code, stdout, stderr } = await tutti([
      'report',
      'staerkemeldung',
      '--year',
      '2026',
      '--profile',
      profiles.harmonie,
    ]);
    expect(code, stderr).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Stärkemeldung 2026',
      'Verein: Musikverein Harmonie Olpe',
      'Volksmusikerbund NRW, Mitgliedsnummer 4711',
      'Stichtag 01.01.2026',
    ]);
    expect(stdout).toMatch(
      /Status\s+Gesamt\s+weiblich\s+männlich\s+divers\s+bis 17\s+18–26\s+27–40\s+41–60\s+ab 61\n/,
    );
    const row = (label: string) =>
      lines
        .find((l) => l.startsWith(`${label} `))
        ?.slice(label.length)
        .trim()
        .split(/\s+/);
    expect(row('aktiv')).toEqual(['2', '1', '1', '0', '0', '0', '1', '1', '0']);
    expect(row('Jugend')).toEqual(['1', '0', '1', '0', '1', '0', '0', '0', '0']);
    expect(row('passiv')).toEqual(['1', '1', '0', '0', '0', '0', '0', '0', '1']);
    expect(row('Pause')).toEqual(['0', '0', '0', '0', '0', '0', '0', '0', '0']);
    expect(row('Gesamt')).toEqual(['4', '2', '2', '0', '1', '0', '1', '1', '1']);
    expect(stdout).toContain('Davon in Funktion: Vorstand 0, Dirigent 0');
    expect(stdout).toContain('Aktive Mitglieder am Stichtag');
    expect(stdout).toMatch(/Meier, Anna\s+03\.05\.1976\s+weiblich\s+Trompete\s+01\.03\.2016/);
    expect(stdout).toMatch(/Schulz, Bernd\s+10\.07\.1990\s+männlich\s+Blech\s+15\.05\.2006/);
    expect(stdout).toMatch(/Klein, Jonas\s+01\.09\.2012\s+männlich\s+Klarinette\s+01\.09\.2020/);
    expect(stdout).not.toMatch(/Wolf, Clara\s+\d/);
  });

  it('writes the list of active members as CSV, as federations ask for it', async () => {
    const { code, stdout } = await tutti([
      'report',
      'staerkemeldung',
      '--year',
      '2026',
      '--profile',
      profiles.harmonie,
      '--format',
      'csv',
    ]);
    expect(code).toBe(0);
    expect(csvRows(stdout)).toEqual([
      ['Name', 'Geburtsdatum', 'Geschlecht', 'Instrument', 'Aktiv seit'],
      ['Klein, Jonas', '2012-09-01', 'männlich', 'Klarinette', '2020-09-01'],
      ['Meier, Anna', '1976-05-03', 'weiblich', 'Trompete', '2016-03-01'],
      ['Schulz, Bernd', '1990-07-10', 'männlich', 'Blech', '2006-05-15'],
    ]);
  });
});

describe('tutti report birthdays', () => {
  it('lists round birthdays and jubilees of consenting members, counting the others', async () => {
    const { code, stdout } = await tutti([
      'report',
      'birthdays',
      '--from',
      '2026-05-01',
      '--to',
      '2026-05-31',
      '--profile',
      profiles.harmonie,
    ]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Runde Geburtstage und Jubiläen vom 01.05.2026 bis 31.05.2026');
    expect(stdout).toMatch(/Datum\s+Mitglied\s+Anlass\n/);
    expect(stdout).toMatch(/03\.05\.2026\s+Meier, Anna\s+50\. Geburtstag\n/);
    expect(stdout).toMatch(/15\.05\.2026\s+Schulz, Bernd\s+20 Jahre Mitglied\n/);
    expect(stdout).not.toContain('Wolf');
    expect(stdout).toContain('1 Mitglied mit einem Anlass in diesem Zeitraum ist nicht aufgeführt');
  });

  it('writes CSV with ISO dates, and says when nothing falls in the period', async () => {
    const csv = await tutti([
      'report',
      'birthdays',
      '--from=2026-05-01',
      '--to=2026-05-31',
      '--profile',
      profiles.harmonie,
      '--format',
      'csv',
    ]);
    expect(csv.code).toBe(0);
    expect(csvRows(csv.stdout)).toEqual([
      ['Datum', 'Mitglied', 'Anlass'],
      ['2026-05-03', 'Meier, Anna', '50. Geburtstag'],
      ['2026-05-15', 'Schulz, Bernd', '20 Jahre Mitglied'],
    ]);
    expect(csv.stderr).toContain('1 Mitglied mit einem Anlass');
    const none = await tutti([
      'report',
      'birthdays',
      '--from=2026-06-01',
      '--to=2026-06-02',
      '--profile',
      profiles.harmonie,
    ]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain(
      'In diesem Zeitraum gibt es keinen runden Geburtstag und kein Jubiläum.',
    );
  });
});

describe('tutti report on a device whose role sees no birth dates', () => {
  const run = (...argv: string[]) => tutti(['report', ...argv, '--profile', profiles.vorstand]);

  it('leaves out the rules counting from an age and says the list is incomplete', async () => {
    const { code, stdout, stderr } = await run('honours', '--year', '2026');
    expect(code).toBe(3);
    expect(stdout).toMatch(/Meier, Anna\s+VMB-Ehrennadel in Bronze/);
    expect(stdout).toContain(
      'Blasmusikverband Karlsruhe (BVK) zählt ab einem Lebensjahr und wurde nicht berechnet: Ihre Rolle sieht keine Geburtsdaten.',
    );
    expect(stderr).toMatch(/^Unvollständig: /);
  });

  it('refuses the Stärkemeldung and lists only jubilees', async () => {
    const strength = await run('staerkemeldung', '--year', '2026');
    expect(strength.code).toBe(1);
    expect(strength.stderr).toContain(
      '  - Geburtsdaten: Ihre Rolle sieht keine, die Meldung braucht sie',
    );
    const birthdays = await run('birthdays', '--from', '2026-05-01', '--to', '2026-05-31');
    expect(birthdays.code).toBe(0);
    expect(birthdays.stdout).not.toContain('Geburtstag\n');
    expect(birthdays.stdout).toMatch(/15\.05\.2026\s+Schulz, Bernd\s+20 Jahre Mitglied/);
    expect(birthdays.stdout).toContain('Ihre Rolle sieht keine Geburtsdaten');
  });
});

describe('tutti report in English', () => {
  const english = (...argv: string[]) =>
    tutti(['report', ...argv, '--profile', profiles.harmonie, '--lang', 'en']);
  /** Data is data: member names, instruments, the club's and federation's names. */
  const withoutData = (text: string) =>
    text.replace(/Volksmusikerbund NRW|Musikverein Harmonie Olpe|Trompete|Klarinette|Blech/g, '');

  it('says every report in English, the honour by its English name', async () => {
    const honours = await english('honours', '--year', '2026', '--ceremony', '2026-11-14');
    expect(honours.code).toBe(0);
    expect(honours.stdout).toMatch(/^Honours due 2026\n/);
    expect(honours.stdout).toMatch(
      /Meier, Anna\s+VMB pin in bronze\s+Volksmusikerbund NRW\s+10\s+due\s+17\.10\.2026/,
    );
    expect(honours.stdout).not.toContain('Ehrennadel');
    const strength = await english('staerkemeldung', '--year', '2026');
    expect(strength.code).toBe(0);
    expect(strength.stdout).toContain('Reference date 01.01.2026');
    expect(strength.stdout).toMatch(/Meier, Anna\s+03\.05\.1976\s+female\s+Trompete/);
    const birthdays = await english('birthdays', '--from', '2026-05-01', '--to', '2026-05-31');
    expect(birthdays.code).toBe(0);
    expect(birthdays.stdout).toMatch(/03\.05\.2026\s+Meier, Anna\s+50th birthday/);
    for (const said of [honours, strength, birthdays]) {
      expect(withoutData(said.stdout)).not.toMatch(GERMAN);
      expect(said.stderr).not.toMatch(GERMAN);
    }
    const refused = await tutti([
      'report',
      'staerkemeldung',
      '--year=2026',
      '--profile',
      profiles.lueckenhaft,
      '--lang=en',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: The annual report for 2026 cannot be made yet/);
    expect(refused.stderr).not.toMatch(GERMAN);
  });
});

describe('tutti report with wrong arguments', () => {
  it.each([
    [['report'], /Welcher Bericht/],
    [['report', 'ehrungen', '--year', '2026'], /Welcher Bericht/],
    [['report', 'honours', '--year', '26'], /Ungültiges Jahr „26“/],
    [['report', 'honours', '--year', '1899'], /Ungültiges Jahr „1899“/],
    [['report', 'honours'], /--year JJJJ/],
    [['report', 'honours', '--year', '2026', '--ceremony', '2026-02-30'], /Ungültiges Datum/],
    [['report', 'honours', '--year', '2026', '--ceremony', ''], /Ungültiges Datum/],
    [['report', 'honours', '--year', '2026', '--ceremony', '2025-11-14'], /nicht im Jahr 2026/],
    [['report', 'staerkemeldung', '--year', '2026', '--ceremony', '2026-11-14'], /--ceremony/],
    [['report', 'birthdays', '--from', '2026-05-01'], /--from JJJJ-MM-TT --to JJJJ-MM-TT/],
    [['report', 'birthdays', '--from', '2026-05-31', '--to', '2026-05-01'], /liegt nach/],
    [['report', 'birthdays', '--from', '1.5.2026', '--to', '2026-05-31'], /Ungültiges Datum/],
    [['report', 'honours', '--year', '2026', '--format', 'xlsx'], /bitte --out DATEI angeben/],
    [['report', 'honours', '--year', '2026', '--format', 'pdf'], /bitte --out DATEI angeben/],
    [['report', 'honours', '--year', '2026', '--format', 'json'], /--format text/],
    [['report', 'honours', '--year', '2026'], /--profile ORDNER/],
  ])('%j: one line, exit 2', async (argv, said) => {
    const { code, stdout, stderr } = await tutti(argv);
    expect(code, stderr).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Fehler: /);
    expect(stderr).toMatch(said);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('says them in English', async () => {
    for (const argv of [
      ['report', 'honours', '--year', '26'],
      ['report', 'honours', '--year', '2026', '--format', 'xlsx'],
      ['report', 'birthdays', '--from', '2026-05-31', '--to', '2026-05-01'],
      ['report', 'honours', '--year', '2026', '--ceremony', '2025-11-14'],
    ]) {
      const { code, stderr } = await tutti([...argv, '--lang', 'en']);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^Error: /);
      expect(stderr).not.toMatch(GERMAN);
    }
  });

  it('names the report in the help', async () => {
    for (const lang of ['de', 'en']) {
      const { stdout } = await tutti(['--help', '--lang', lang]);
      expect(stdout).toContain('tutti report honours');
      expect(stdout).toContain('tutti report staerkemeldung');
      expect(stdout).toContain('tutti report birthdays');
    }
  });
});
