import { describe, expect, it } from 'vitest';
import { msg } from '../../messages/message.ts';
import { formatGermanDate } from '../dates.ts';
import { validateRecord } from '../entities.ts';
import { newId } from '../ids.ts';
import type { Member } from '../member.ts';
import { followMembership } from '../memberships.ts';
import type { Register } from '../register.ts';
import type { ChartData, ChartOutcome } from './chartData.ts';
import {
  agePyramid,
  type MemberChartInput,
  membersByYear,
  membersPerRegister,
  PYRAMID_SERIES,
  REGISTER_SERIES,
  YEAR_SERIES,
} from './memberCharts.ts';

const TODAY = '2026-04-15';

function member(fields: Record<string, unknown>): Member {
  const result = validateRecord('members', {
    id: newId(),
    lastName: 'M',
    status: 'aktiv',
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

/** A member as the screens save them: entered on the first day, each change on its own day. */
function saved(
  first: { today: string; fields: Record<string, unknown> },
  ...changes: { today: string; fields: Record<string, unknown> }[]
): Member {
  let current = member({
    ...first.fields,
    memberships: followMembership(null, first.fields, first.today),
  });
  for (const change of changes) {
    const after = { ...current, ...change.fields };
    current = member({ ...after, memberships: followMembership(current, after, change.today) });
  }
  return current;
}

function register(name: string, sortOrder: number): Register {
  const result = validateRecord('registers', { id: newId(), name, sortOrder });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

const input = (members: Member[], more: Partial<MemberChartInput> = {}): MemberChartInput => ({
  members,
  registers: [],
  birthDatesKnown: true,
  allMembersVisible: true,
  today: TODAY,
  ...more,
});

function chartOf(outcome: ChartOutcome): ChartData {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason.key}`);
  return outcome.chart;
}

/** The value in a category (by id) and series (by id), so a test reads like the chart. */
function at(chart: ChartData, category: string, series: string): number {
  const row = chart.categories.findIndex((c) => c.id === category);
  const column = chart.series.findIndex((s) => s.id === series);
  if (row < 0 || column < 0) throw new Error(`no ${category}/${series}`);
  return chart.values[row]![column]!;
}

/** A year's counts by status, without the zeros. */
function yearCounts(chart: ChartData, year: number | 'today'): Record<string, number> {
  const row = chart.categories.findIndex((c) => c.id === String(year));
  const counts: Record<string, number> = {};
  chart.series.forEach((s, column) => {
    const n = chart.values[row]![column]!;
    if (n > 0) counts[s.id] = n;
  });
  return counts;
}

const noteKeys = (chart: ChartData) => chart.notes.map((n) => n.key);

describe('members by year', () => {
  const anna = saved(
    {
      today: '2015-03-01',
      fields: { firstName: 'Anna', entryDate: '2015-03-01', status: 'aktiv' },
    },
    { today: '2020-05-10', fields: { status: 'passiv' } },
    { today: '2023-06-30', fields: { status: 'ausgetreten', exitDate: '2023-06-30' } },
  );

  it('reads each year from the history as it stood on 1 January', () => {
    const chart = chartOf(membersByYear(input([anna]), 2013, 2026));
    expect(chart.series.map((s) => s.id)).toEqual([...YEAR_SERIES]);
    expect(chart.unit).toBe('count');
    for (const year of [2013, 2014, 2015]) expect(yearCounts(chart, year)).toEqual({});
    for (const year of [2016, 2017, 2018, 2019, 2020])
      expect(yearCounts(chart, year), String(year)).toEqual({ aktiv: 1 });
    for (const year of [2021, 2022, 2023])
      expect(yearCounts(chart, year), String(year)).toEqual({ passiv: 1 });
    for (const year of [2024, 2025, 2026] as const)
      expect(yearCounts(chart, year), String(year)).toEqual({});
    expect(yearCounts(chart, 'today')).toEqual({});
    expect(noteKeys(chart)).toEqual(['statistics.notes.yearStart']);
  });

  it('counts an exit "zum 31.12." in that year and not in the next', () => {
    const leaving = saved(
      { today: '2010-01-10', fields: { entryDate: '2010-01-10', status: 'aktiv' } },
      { today: '2022-11-20', fields: { status: 'ausgetreten', exitDate: '2022-12-31' } },
    );
    const chart = chartOf(membersByYear(input([leaving]), 2022, 2023));
    expect(yearCounts(chart, 2022)).toEqual({ aktiv: 1 });
    expect(yearCounts(chart, 2023)).toEqual({});
  });

  it('labels the years with the years themselves', () => {
    const chart = chartOf(membersByYear(input([anna]), 2019, 2021));
    expect(chart.categories).toEqual([
      { id: '2019', label: { text: '2019' } },
      { id: '2020', label: { text: '2020' } },
      { id: '2021', label: { text: '2021' } },
    ]);
  });

  it('counts a status changed on 31 December from the next year on', () => {
    const bert = saved(
      { today: '2010-01-10', fields: { entryDate: '2010-01-10', status: 'jugend' } },
      { today: '2018-12-31', fields: { status: 'aktiv' } },
    );
    const chart = chartOf(membersByYear(input([bert]), 2017, 2019));
    expect(yearCounts(chart, 2017)).toEqual({ jugend: 1 });
    expect(yearCounts(chart, 2018)).toEqual({ jugend: 1 });
    expect(yearCounts(chart, 2019)).toEqual({ aktiv: 1 });
  });

  it('shows a member without entry date as status unknown, and says why', () => {
    const noEntry = member({ firstName: 'Otto', status: 'aktiv' });
    const chart = chartOf(membersByYear(input([anna, noEntry]), 2021, 2024));
    expect(yearCounts(chart, 2021)).toEqual({ passiv: 1, unknown: 1 });
    expect(yearCounts(chart, 2024)).toEqual({ unknown: 1 });
    expect(noteKeys(chart)).toContain('statistics.notes.statusUnknown');
    const known = chartOf(membersByYear(input([anna]), 2021, 2024));
    expect(noteKeys(known)).not.toContain('statistics.notes.statusUnknown');
  });

  it('adds today after the years and produces no future years', () => {
    const leavingInSummer = saved(
      { today: '2000-01-01', fields: { entryDate: '2000-01-01', status: 'aktiv' } },
      { today: '2026-03-01', fields: { status: 'ausgetreten', exitDate: '2026-07-31' } },
    );
    const enteringInMay = saved({
      today: '2026-04-01',
      fields: { entryDate: '2026-05-01', status: 'jugend' },
    });
    const changedToday = saved(
      { today: '2001-01-01', fields: { entryDate: '2001-01-01', status: 'aktiv' } },
      { today: TODAY, fields: { status: 'ehrenmitglied' } },
    );
    const chart = chartOf(
      membersByYear(input([leavingInSummer, enteringInMay, changedToday]), 2025, 2030),
    );
    expect(chart.categories.map((c) => c.id)).toEqual(['2025', '2026', 'today']);
    expect(chart.categories[2]!.label).toEqual({
      message: { key: 'statistics.todayLabel', params: { date: formatGermanDate(TODAY) } },
    });
    expect(yearCounts(chart, 2025)).toEqual({ aktiv: 2 });
    expect(yearCounts(chart, 2026)).toEqual({ aktiv: 2 });
    // Today the one leaving in July is still aktiv, the one entering in May not yet counted.
    expect(yearCounts(chart, 'today')).toEqual({ aktiv: 1, ehrenmitglied: 1 });
  });

  it('refuses a range that lies wholly in the future, saying why', () => {
    const outcome = membersByYear(input([anna]), 2027, 2030);
    expect(outcome).toEqual({ ok: false, reason: msg('statistics.notes.yearsInFuture') });
  });

  it('has no second column for today on 1 January', () => {
    const chart = chartOf(membersByYear(input([anna], { today: '2026-01-01' }), 2025, 2026));
    expect(chart.categories.map((c) => c.id)).toEqual(['2025', '2026']);
  });

  it('says so when the role sees only some members', () => {
    const chart = chartOf(membersByYear(input([anna], { allMembersVisible: false }), 2020, 2021));
    expect(noteKeys(chart)).toContain('statistics.notes.membersHidden');
  });
});

describe('who counts as a member today (pyramid, registers)', () => {
  // Entered in autumn: an exit at the end of the year, and an entry next month.
  const leavingAtYearEnd = saved(
    { today: '2010-01-10', fields: { entryDate: '2010-01-10', status: 'aktiv', gender: 'w' } },
    { today: TODAY, fields: { status: 'ausgetreten', exitDate: '2026-12-31' } },
  );
  const enteringNextMonth = saved({
    today: TODAY,
    fields: { entryDate: '2026-05-01', status: 'aktiv', gender: 'm' },
  });
  const withBirthDates = [leavingAtYearEnd, enteringNextMonth].map((m) => ({
    ...m,
    birthDate: '1990-01-01',
  }));

  it('is the same as the yearly chart’s today: an exit counts when it takes effect', () => {
    const years = chartOf(membersByYear(input(withBirthDates), 2026, 2026));
    expect(yearCounts(years, 'today')).toEqual({ aktiv: 1 });
    const pyramid = chartOf(agePyramid(input(withBirthDates)));
    const total = pyramid.values.flat().reduce((sum, n) => sum + n, 0);
    expect(total).toBe(1);
    expect(pyramid.values.flat().length).toBeGreaterThan(0);
    const band = pyramid.categories.findIndex((c) => c.id === '30');
    expect(pyramid.values[band]).toEqual([0, 1, 0, 0]); // the woman leaving at the year's end
  });
});

describe('age pyramid', () => {
  const current = (fields: Record<string, unknown>) => member({ status: 'aktiv', ...fields });

  it('puts a member into the band of the completed years on today', () => {
    const birthdayTomorrow = current({ birthDate: '2006-04-16', gender: 'w' });
    const birthdayToday = current({ birthDate: '2006-04-15', gender: 'm' });
    const chart = chartOf(agePyramid(input([birthdayTomorrow, birthdayToday])));
    expect(at(chart, '10', 'w')).toBe(1);
    expect(at(chart, '20', 'm')).toBe(1);
    expect(at(chart, '20', 'w')).toBe(0);
  });

  it('makes someone born on 29 February a year older on 1 March in a common year', () => {
    const leapling = current({ birthDate: '2000-02-29', gender: 'd' });
    const onThe28th = chartOf(agePyramid(input([leapling], { today: '2030-02-28' })));
    expect(at(onThe28th, '20', 'd')).toBe(1);
    const onThe1st = chartOf(agePyramid(input([leapling], { today: '2030-03-01' })));
    expect(at(onThe1st, '30', 'd')).toBe(1);
    const inALeapYear = chartOf(agePyramid(input([leapling], { today: '2040-02-29' })));
    expect(at(inALeapYear, '40', 'd')).toBe(1);
  });

  it('lists the bands oldest first, the last one open', () => {
    const chart = chartOf(agePyramid(input([])));
    expect(chart.categories.map((c) => c.id)).toEqual([
      '80',
      '70',
      '60',
      '50',
      '40',
      '30',
      '20',
      '10',
      '0',
    ]);
    expect(chart.categories[0]!.label).toEqual({
      message: msg('statistics.bands.from', { from: 80 }),
    });
    expect(chart.categories.at(-1)!.label).toEqual({
      message: msg('statistics.bands.range', { from: 0, to: 9 }),
    });
    expect(chart.series.map((s) => s.id)).toEqual([...PYRAMID_SERIES]);
  });

  it('counts the very old and the very young at the ends', () => {
    const chart = chartOf(
      agePyramid(
        input([
          current({ birthDate: '1930-01-01', gender: 'm' }),
          current({ birthDate: '2026-01-01', gender: 'w' }),
        ]),
      ),
    );
    expect(at(chart, '80', 'm')).toBe(1);
    expect(at(chart, '0', 'w')).toBe(1);
  });

  it('counts every current member, whatever their status', () => {
    const chart = chartOf(
      agePyramid(
        input(
          (['aktiv', 'passiv', 'jugend', 'ehrenmitglied'] as const).map((status) =>
            current({ status, birthDate: '1990-06-01', gender: 'w' }),
          ),
        ),
      ),
    );
    expect(at(chart, '30', 'w')).toBe(4);
  });

  it('counts a member without a gender as "none"', () => {
    const chart = chartOf(agePyramid(input([current({ birthDate: '1990-06-01' })])));
    expect(at(chart, '30', 'none')).toBe(1);
  });

  it('leaves members without birth date out of the bands and counts them in a note', () => {
    const chart = chartOf(
      agePyramid(
        input([
          current({ birthDate: '1990-06-01', gender: 'w' }),
          current({ gender: 'm' }),
          current({ gender: 'w' }),
        ]),
      ),
    );
    const total = chart.values.flat().reduce((sum, n) => sum + n, 0);
    expect(total).toBe(1);
    expect(chart.notes).toContainEqual(msg('statistics.notes.withoutBirthDate', { count: 2 }));
  });

  it('has no note about birth dates when every member has one', () => {
    const chart = chartOf(agePyramid(input([current({ birthDate: '1990-06-01' })])));
    expect(chart.notes.map((n) => n.key)).not.toContain('statistics.notes.withoutBirthDate');
  });

  it('does not count former members', () => {
    const left = member({
      birthDate: '1980-01-01',
      gender: 'm',
      entryDate: '2000-01-01',
      status: 'ausgetreten',
      exitDate: '2020-01-01',
    });
    const chart = chartOf(agePyramid(input([left])));
    expect(chart.values.flat().every((n) => n === 0)).toBe(true);
    expect(chart.notes.map((n) => n.key)).not.toContain('statistics.notes.withoutBirthDate');
  });

  it('is refused to a role that does not see birth dates', () => {
    const outcome = agePyramid(
      input([current({ birthDate: '1990-06-01' })], { birthDatesKnown: false }),
    );
    expect(outcome).toEqual({ ok: false, reason: msg('statistics.notes.birthDatesHidden') });
  });
});

describe('members per register', () => {
  it('orders the registers by the club’s order, then by name as German sorts it', () => {
    const registers = [
      register('Vokal', 2),
      register('Holz', 3),
      register('Übrige', 2),
      register('Blech', 1),
      register('Trompeten', 2),
    ];
    const chart = chartOf(membersPerRegister(input([], { registers })));
    expect(chart.categories.map((c) => c.label)).toEqual([
      { text: 'Blech' },
      { text: 'Trompeten' },
      { text: 'Übrige' },
      { text: 'Vokal' },
      { text: 'Holz' },
      { message: msg('statistics.noRegister') },
    ]);
  });

  it('counts a member in two registers in both, one in none under "ohne Register"', () => {
    const blech = register('Blech', 1);
    const holz = register('Holz', 2);
    const chart = chartOf(
      membersPerRegister(
        input(
          [
            member({ registerIds: [blech.id, holz.id], status: 'aktiv' }),
            member({ registerIds: [holz.id], status: 'jugend' }),
            member({ registerIds: [], status: 'passiv' }),
            // Its register was deleted: it is in none the club has.
            member({ registerIds: [newId()], status: 'ehrenmitglied' }),
          ],
          { registers: [holz, blech] },
        ),
      ),
    );
    expect(chart.series.map((s) => s.id)).toEqual([...REGISTER_SERIES]);
    expect(chart.values).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 1, 1],
    ]);
    expect(chart.notes.map((n) => n.key)).toContain('statistics.notes.severalRegisters');
  });

  it('does not count former members', () => {
    const blech = register('Blech', 1);
    const chart = chartOf(
      membersPerRegister(
        input(
          [
            member({
              registerIds: [blech.id],
              status: 'ausgetreten',
              entryDate: '2000-01-01',
              exitDate: '2020-01-01',
            }),
            member({ status: 'ausgetreten', entryDate: '2000-01-01', exitDate: '2020-01-01' }),
          ],
          { registers: [blech] },
        ),
      ),
    );
    expect(chart.values.flat().every((n) => n === 0)).toBe(true);
  });
});
