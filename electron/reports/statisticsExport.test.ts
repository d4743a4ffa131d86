/**
 * The statistics' charts printed and exported (issue #24) from a real encrypted store with
 * known figures: the PDF has the chart and the table (read back with poppler's pdftotext), the
 * workbook typed numbers and percentages, the CSV the table's rows; a role without birth
 * dates gets no age pyramid, and an English file no German heading.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportExport } from '../../shared/api/export.ts';
import { CLUB_RECORD_ID } from '../../shared/domain/club.ts';
import { formatGermanDate, todayIso } from '../../shared/domain/dates.ts';
import type { Draft } from '../../shared/domain/entities.ts';
import { newId } from '../../shared/domain/ids.ts';
import type { ChartData } from '../../shared/domain/statistics/chartData.ts';
import type { ChartRequest } from '../../shared/domain/statistics/charts.ts';
import { BUILT_IN_ROLES } from '../../shared/rights/roles.ts';
import { csvRows, GERMAN } from '../../test/support/reportProfiles.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { saveRecord } from '../core/recordWriter.ts';
import { LocalStore } from '../store/localStore.ts';
import type { EnrolledDevice } from '../sync/enrolDevice.ts';
import { SyncSettings } from '../sync/syncSettings.ts';
import { exportReport } from './reportExport.ts';
import { statisticsBarChart } from './statisticsSheets.ts';

const YEAR = Number(todayIso().slice(0, 4));
const SEASON = { from: '2025-09-01', to: '2026-08-31' };

let temp: ReturnType<typeof makeTempDir>;
let store: LocalStore;
let blech: string;

function save(entity: Parameters<typeof saveRecord>[1], draft: Record<string, unknown>): string {
  const saved = saveRecord(store, entity, draft as Draft<typeof entity>);
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  return saved.value.id;
}

/**
 * Five members in two registers and none; ages chosen so their band holds all year, entry days
 * so that 2019 and 2021 count the same on any day of the year (Dora joins in 2020). Attendance
 * in the season: Anna 2 present 1 excused, Bernd 1 present 1 absent, Carl 1 present, Dora 1
 * absent — and one entry of Anna's before it, which does not count.
 */
function fillClub() {
  save('club', { id: CLUB_RECORD_ID, name: 'Musikverein Harmonie Olpe' });
  blech = save('registers', { name: 'Blech', sortOrder: 1 });
  const holz = save('registers', { name: 'Holz', sortOrder: 2 });
  const member = (more: Record<string, unknown>) => save('members', { status: 'aktiv', ...more });
  const anna = member({
    firstName: 'Anna',
    lastName: 'Meier',
    gender: 'w',
    birthDate: `${YEAR - 35}-01-01`,
    entryDate: '2015-01-01',
    registerIds: [holz],
  });
  const bernd = member({
    firstName: 'Bernd',
    lastName: 'Schulz',
    gender: 'm',
    birthDate: `${YEAR - 45}-06-15`,
    entryDate: '2010-01-01',
    registerIds: [blech],
  });
  const carl = member({
    firstName: 'Carl',
    lastName: 'Wagner',
    gender: 'm',
    status: 'jugend',
    birthDate: `${YEAR - 14}-03-03`,
    entryDate: '2018-06-15',
    registerIds: [blech],
  });
  member({
    firstName: 'Clara',
    lastName: 'Wolf',
    gender: 'w',
    status: 'passiv',
    birthDate: `${YEAR - 72}-07-07`,
    entryDate: '2000-01-01',
  });
  const dora = member({
    firstName: 'Dora',
    lastName: 'Lang',
    gender: 'd',
    entryDate: '2020-06-15',
    registerIds: [holz],
  });
  const instrument = (inventoryNumber: string, kind: string, more: Record<string, unknown>) =>
    save('instruments', { inventoryNumber, kind, ...more });
  instrument('I-1', 'Trompete', { registerId: blech, condition: 'gut' });
  instrument('I-2', 'Posaune', { registerId: blech, condition: 'defekt' });
  instrument('I-3', 'Klarinette', { registerId: holz, condition: 'gut' });
  instrument('I-4', 'Tuba', {});
  const event = (date: string) => save('events', { kind: 'probe', title: 'Probe', date });
  const [before, first, second, concert] = [
    '2024-01-10',
    '2025-10-01',
    '2025-11-05',
    '2026-05-01',
  ].map(event) as [string, string, string, string];
  const entry = (eventId: string, memberId: string, status: string) =>
    save('attendance', { eventId, memberId, status });
  entry(before, anna, 'absent');
  entry(first, anna, 'present');
  entry(second, anna, 'present');
  entry(concert, anna, 'excused');
  entry(first, bernd, 'present');
  entry(second, bernd, 'absent');
  entry(first, carl, 'present');
  entry(concert, dora, 'absent');
}

beforeAll(() => {
  temp = makeTempDir('tutti-statistics-export-');
  store = LocalStore.open(join(temp.dir, 'tutti.db'), randomBytes(32));
  fillClub();
});
afterAll(() => {
  store.close();
  temp.cleanup();
});

const CHARTS: Record<ChartRequest['chart'], ChartRequest> = {
  membersByYear: { chart: 'membersByYear', fromYear: 2019, toYear: 2021 },
  agePyramid: { chart: 'agePyramid' },
  membersPerRegister: { chart: 'membersPerRegister' },
  attendanceByRegister: { chart: 'attendanceByRegister', ...SEASON },
  attendanceByMember: { chart: 'attendanceByMember', ...SEASON, registerId: null },
  instrumentsByCondition: { chart: 'instrumentsByCondition' },
  instrumentsByRegister: { chart: 'instrumentsByRegister' },
};

async function exported(
  request: ChartRequest,
  format: ReportExport['format'],
  language: ReportExport['language'] = 'de',
) {
  const result = await exportReport(store.db, {
    report: { kind: 'statistics', request },
    format,
    language,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { ...result.value, bytes: Buffer.from(result.value.base64, 'base64') };
}

function pdfText(bytes: Buffer, name: string): string {
  const file = join(temp.dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function workbookRows(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const sheet = workbook.worksheets[0]!;
  return {
    workbook,
    sheet,
    rows: sheet.getRows(1, sheet.rowCount)!.map((r) => (r.values as unknown[]).slice(1)),
  };
}

/** The statistics' own German words that GERMAN does not know. */
const STATISTICS_GERMAN =
  /\b(Summe|Diagramm|Fortsetzung|Register|Saison|Zustand|Alter|Anwesenheit|Instrumente|Stand|Seite|männlich|divers|Angabe|Prozent)\b/;

const csvOf = (bytes: Buffer) => csvRows(bytes.toString('utf8'));
/** How often `word` stands in `text`: once in the chart and once in the table. */
const timesIn = (text: string, word: string) => text.split(word).length - 1;

describe('the statistics printed and exported (issue #24)', () => {
  it('prints members by year with the years in the title, the chart and the table with totals', async () => {
    const file = await exported(CHARTS.membersByYear, 'pdf');
    expect(file.fileName).toMatch(
      /^Mitglieder nach Jahren und Status 2019 bis 2021 \d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const text = pdfText(file.bytes, 'years.pdf');
    expect(text).toContain('Musikverein Harmonie Olpe');
    expect(text).toMatch(
      /Jahr\s+aktiv\s+Jugend\s+passiv\s+Ehrenmitglied\s+Pause\s+Status unbekannt\s+Summe/,
    );
    expect(text).toMatch(/2019\s+2\s+1\s+1\s+0\s+0\s+0\s+4/);
    expect(text).toMatch(/2021\s+3\s+1\s+1\s+0\s+0\s+0\s+5/);
    // The legend above the chart, the heading above the table.
    expect(timesIn(text, 'Ehrenmitglied')).toBe(2);
    expect(timesIn(text, '2021')).toBeGreaterThanOrEqual(3); // title, bar, row
    expect(text).toContain('Gezählt ist der Stand am');
  });

  it('exports members by year as a workbook with numbers and as CSV rows', async () => {
    const { rows } = await workbookRows((await exported(CHARTS.membersByYear, 'xlsx')).bytes);
    expect(rows[0]).toEqual([
      'Jahr',
      'aktiv',
      'Jugend',
      'passiv',
      'Ehrenmitglied',
      'Pause',
      'Status unbekannt',
      'Summe',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['2019', '2020', '2021']);
    expect(rows[1]).toEqual(['2019', 2, 1, 1, 0, 0, 0, 4]);
    expect(rows[3]).toEqual(['2021', 3, 1, 1, 0, 0, 0, 5]);
    const csv = csvOf((await exported(CHARTS.membersByYear, 'csv')).bytes);
    expect(csv[0]![0]).toBe('Jahr');
    expect(csv[3]).toEqual(['2021', '3', '1', '1', '0', '0', '0', '5']);
    // A range reaching this year ends there, with today's state.
    const now = await exported(
      { chart: 'membersByYear', fromYear: YEAR - 1, toYear: YEAR + 3 },
      'csv',
    );
    expect(now.fileName).toContain(`Mitglieder nach Jahren und Status ${YEAR - 1} bis ${YEAR} `);
    expect(csvOf(now.bytes).at(-1)).toEqual([
      `heute (${formatGermanDate(todayIso())})`,
      '3',
      '1',
      '1',
      '0',
      '0',
      '0',
      '5',
    ]);
  });

  it('prints the age pyramid with its bands oldest first and its counts in the table', async () => {
    const file = await exported(CHARTS.agePyramid, 'pdf');
    const text = pdfText(file.bytes, 'pyramid.pdf');
    expect(text).toContain('Alterspyramide');
    expect(text).toMatch(/Alter\s+männlich\s+weiblich\s+divers\s+ohne Angabe\s+Summe/);
    expect(text).toMatch(/70–79\s+0\s+1\s+0\s+0\s+1/);
    expect(text).toMatch(/40–49\s+1\s+0\s+0\s+0\s+1/);
    expect(text).toMatch(/10–19\s+1\s+0\s+0\s+0\s+1/);
    expect(text).toContain('80 und älter');
    expect(timesIn(text, '30–39')).toBe(2);
    expect(text).toContain('1 Mitglied ohne Geburtsdatum ist nicht gezählt.');
    const { rows } = await workbookRows((await exported(CHARTS.agePyramid, 'xlsx')).bytes);
    expect(rows.find((r) => r[0] === '30–39')).toEqual(['30–39', 0, 1, 0, 0, 1]);
  });

  it('draws the age pyramid mirrored (men left of the axis), and no other chart', () => {
    const chart: ChartData = { categories: [], series: [], values: [], unit: 'count', notes: [] };
    for (const request of Object.values(CHARTS))
      expect(statisticsBarChart(request, chart, 'de').mirrored, request.chart).toBe(
        request.chart === 'agePyramid',
      );
  });

  it('refuses the age pyramid for a role without birth dates, and counts the rest', async () => {
    const dir = makeTempDir('tutti-statistics-vorstand-');
    const vorstand = LocalStore.open(join(dir.dir, 'tutti.db'), randomBytes(32));
    try {
      const settings = new SyncSettings(vorstand.meta);
      settings.connect('https://verein.example:8443', {
        deviceId: 'geraet-1',
        privateKeyPem: '',
        certificatePem: '',
        caCertificatePem: '',
        notAfter: '2099-01-01T00:00:00Z',
        syncUrl: 'https://verein.example:8444',
      } satisfies EnrolledDevice);
      settings.setAccess({
        role: 'vorstand',
        grants: [...BUILT_IN_ROLES.vorstand.grants],
        registerIds: [],
        memberId: null,
      });
      const report = { kind: 'statistics', request: CHARTS.agePyramid } as const;
      const refused = await exportReport(vorstand.db, { report, format: 'pdf', language: 'de' });
      expect(refused).toEqual({
        ok: false,
        error: { code: 'forbidden', key: 'statistics.notes.birthDatesHidden' },
      });
      const registers = await exportReport(vorstand.db, {
        report: { kind: 'statistics', request: CHARTS.membersPerRegister },
        format: 'csv',
        language: 'de',
      });
      expect(registers.ok).toBe(true);
    } finally {
      vorstand.close();
      dir.cleanup();
    }
  });

  it('prints members per register with the register names in the chart and the table', async () => {
    const text = pdfText((await exported(CHARTS.membersPerRegister, 'pdf')).bytes, 'registers.pdf');
    expect(text).toMatch(/Register\s+aktiv\s+Jugend\s+passiv\s+Ehrenmitglied\s+Summe/);
    expect(text).toMatch(/Blech\s+1\s+1\s+0\s+0\s+2/);
    expect(text).toMatch(/Holz\s+2\s+0\s+0\s+0\s+2/);
    expect(text).toMatch(/ohne Register\s+0\s+0\s+1\s+0\s+1/);
    expect(timesIn(text, 'Holz')).toBe(2);
    const csv = csvOf((await exported(CHARTS.membersPerRegister, 'csv')).bytes);
    expect(csv.slice(1)).toEqual([
      ['Blech', '1', '1', '0', '0', '2'],
      ['Holz', '2', '0', '0', '0', '2'],
      ['ohne Register', '0', '0', '1', '0', '1'],
    ]);
  });

  it('prints attendance per register as shares on a 0–100 % axis, with the season and the entries', async () => {
    const file = await exported(CHARTS.attendanceByRegister, 'pdf');
    expect(file.fileName).toContain('Anwesenheit je Register, Saison 01.09.2025 bis 31.08.2026');
    const text = pdfText(file.bytes, 'attendance.pdf');
    expect(text).toMatch(/Register\s+anwesend\s+entschuldigt\s+unentschuldigt\s+Einträge/);
    expect(text).toMatch(/Blech\s+66,7 %\s+0,0 %\s+33,3 %\s+3/);
    expect(text).toMatch(/Holz\s+50,0 %\s+25,0 %\s+25,0 %\s+4/);
    // The axis's ticks; the table says 100,0 %.
    expect(text).toMatch(/0 ?%\s+20 %\s+40 %\s+60 %\s+80 %\s+100 %/);
    expect(text).toContain('Termine ohne Anwesenheitsliste zählen nicht');
  });

  it('exports attendance shares as percentages in the workbook and as German text in the CSV', async () => {
    const { sheet, rows } = await workbookRows(
      (await exported(CHARTS.attendanceByRegister, 'xlsx')).bytes,
    );
    expect(rows[0]).toEqual(['Register', 'anwesend', 'entschuldigt', 'unentschuldigt', 'Einträge']);
    expect(rows[1]).toEqual(['Blech', 0.667, 0, 0.333, 3]);
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('0.0%');
    const csv = csvOf((await exported(CHARTS.attendanceByRegister, 'csv')).bytes);
    expect(csv[2]).toEqual(['Holz', '50,0 %', '25,0 %', '25,0 %', '4']);
  });

  it('prints attendance per member by name, and of one register only with its name in the title', async () => {
    const text = pdfText((await exported(CHARTS.attendanceByMember, 'pdf')).bytes, 'members.pdf');
    expect(text).toMatch(/Lang, Dora\s+0,0 %\s+0,0 %\s+100,0 %\s+1/);
    expect(text).toMatch(/Meier, Anna\s+66,7 %\s+33,3 %\s+0,0 %\s+3/);
    expect(timesIn(text, 'Wagner, Carl')).toBe(2);
    const csv = csvOf((await exported(CHARTS.attendanceByMember, 'csv')).bytes);
    expect(csv.slice(1).map((r) => r[0])).toEqual([
      'Lang, Dora',
      'Meier, Anna',
      'Schulz, Bernd',
      'Wagner, Carl',
    ]);
    const one = await exported(
      { ...CHARTS.attendanceByMember, registerId: blech } as ChartRequest,
      'csv',
    );
    expect(one.fileName).toContain('Anwesenheit je Mitglied, Blech, Saison');
    expect(
      csvOf(one.bytes)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['Schulz, Bernd', 'Wagner, Carl']);
    // A register the device does not hold is refused, not printed as an empty list.
    const unknown = await exportReport(store.db, {
      report: {
        kind: 'statistics',
        request: { ...CHARTS.attendanceByMember, registerId: newId() } as ChartRequest,
      },
      format: 'csv',
      language: 'de',
    });
    expect(unknown.ok ? null : unknown.error).toMatchObject({
      code: 'bad_request',
      key: 'statistics.notes.registerUnknown',
    });
  });

  it('prints the instruments by condition and per register', async () => {
    const text = pdfText(
      (await exported(CHARTS.instrumentsByCondition, 'pdf')).bytes,
      'conditions.pdf',
    );
    expect(text).toMatch(/Zustand\s+Instrumente/);
    expect(text).toMatch(/gut\s+2/);
    expect(text).toMatch(/defekt\s+1/);
    expect(text).toMatch(/ohne Zustand\s+1/);
    expect(timesIn(text, 'reparaturbedürftig')).toBe(2);
    const { rows } = await workbookRows(
      (await exported(CHARTS.instrumentsByRegister, 'xlsx')).bytes,
    );
    expect(rows[0]).toEqual([
      'Register',
      'neu',
      'gut',
      'gebraucht',
      'reparaturbedürftig',
      'defekt',
      'ausgemustert',
      'ohne Zustand',
      'Summe',
    ]);
    expect(rows.slice(1)).toEqual([
      ['Blech', 0, 1, 0, 0, 1, 0, 0, 2],
      ['Holz', 0, 1, 0, 0, 0, 0, 0, 1],
      ['ohne Register', 0, 0, 0, 0, 0, 0, 1, 1],
    ]);
  });

  it('says every chart in English without a German heading or note', async () => {
    for (const request of Object.values(CHARTS)) {
      const pdf = pdfText((await exported(request, 'pdf', 'en')).bytes, `${request.chart}-en.pdf`);
      const { workbook } = await workbookRows((await exported(request, 'xlsx', 'en')).bytes);
      const csv = csvOf((await exported(request, 'csv', 'en')).bytes);
      const words = [
        ...csv[0]!,
        ...workbook.worksheets.flatMap((sheet) =>
          sheet.getRows(1, sheet.rowCount)!.flatMap((r) => (r.values as unknown[]).map(String)),
        ),
        ...pdf.split('\n'),
      ];
      // The club's own names are its words, not the file's.
      const german = words.filter((w) => {
        const said = w.replace('Musikverein Harmonie Olpe', '');
        return GERMAN.test(said) || STATISTICS_GERMAN.test(said);
      });
      expect(german, request.chart).toEqual([]);
    }
    const text = pdfText(
      (await exported(CHARTS.attendanceByRegister, 'pdf', 'en')).bytes,
      'en.pdf',
    );
    expect(text).toMatch(/Section\s+present\s+excused\s+absent without excuse\s+Entries/);
    expect(text).toContain('Attendance per section, Season 01.09.2025 to 31.08.2026');
  });
});
