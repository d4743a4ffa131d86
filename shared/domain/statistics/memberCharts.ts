/**
 * The member charts of the statistics (issue #24): members over the years by status, the age
 * pyramid by gender, and members per register. The years are read from each member's history
 * as it stood on 1 January, so a status changed later does not rewrite an earlier year — the
 * same reading as the Stärkemeldung.
 */
import { msg } from '../../messages/message.ts';
import { formatGermanDate } from '../dates.ts';
import type { Member } from '../member.ts';
import { historyOf } from '../memberships.ts';
import type { Register } from '../register.ts';
import { ageOn, REPORT_STATUSES, statusOn } from '../reports/staerkemeldung.ts';
import { type ChartCategory, type ChartOutcome, namedSeries } from './chartData.ts';

/** The statuses counted per year, and members whose status on that day is not known. */
export const YEAR_SERIES = [...REPORT_STATUSES, 'unknown'] as const;

/** Ten-year bands of the age pyramid, the last open. */
export const PYRAMID_BANDS = [0, 10, 20, 30, 40, 50, 60, 70, 80] as const;
/** Left of the axis, right of it, and the two that are neither (stacked right, said so). */
export const PYRAMID_SERIES = ['m', 'w', 'd', 'none'] as const;

/** A register chart's statuses: a member's current one. */
export const REGISTER_SERIES = ['aktiv', 'jugend', 'passiv', 'ehrenmitglied'] as const;
const NO_REGISTER = 'none';

export interface MemberChartInput {
  members: readonly Member[];
  registers: readonly Register[];
  /** The role sees birth dates (the age pyramid needs them). */
  birthDatesKnown: boolean;
  /** The role sees every member, not only its registers'. */
  allMembersVisible: boolean;
  today: string;
}

/**
 * A member today by the same reading as the yearly chart's "today": an exit "zum 31.12." entered
 * in autumn still counts until it takes effect, an entry dated next month not yet.
 */
function isMemberToday(member: Member, today: string): boolean {
  return statusOn(member, historyOf(member, today), today) !== null;
}

function partialNote(input: MemberChartInput) {
  return input.allMembersVisible ? [] : [msg('statistics.notes.membersHidden')];
}

/** The category of the state today, after the years. */
export const TODAY_CATEGORY = 'today';

/**
 * Members on 1 January of each year, by their status then — the reference day of the
 * Stärkemeldung, and one on which an exit "zum 31.12." has taken effect — and, when the range
 * reaches this year, today's state as a last category.
 */
export function membersByYear(
  input: MemberChartInput,
  fromYear: number,
  toYear: number,
): ChartOutcome {
  const thisYear = Number(input.today.slice(0, 4));
  if (fromYear > thisYear) return { ok: false, reason: msg('statistics.notes.yearsInFuture') };
  const days: { id: string; day: string; label: ChartCategory['label'] }[] = [];
  for (let year = fromYear; year <= Math.min(toYear, thisYear); year++)
    days.push({ id: String(year), day: `${year}-01-01`, label: { text: String(year) } });
  // On 1 January "today" is the year's own column.
  if (fromYear <= thisYear && toYear >= thisYear && input.today !== `${thisYear}-01-01`)
    days.push({
      id: TODAY_CATEGORY,
      day: input.today,
      label: { message: msg('statistics.todayLabel', { date: formatGermanDate(input.today) }) },
    });
  const values = days.map(() => YEAR_SERIES.map(() => 0));
  const histories = input.members.map((m) => [m, historyOf(m, input.today)] as const);
  days.forEach(({ day }, row) => {
    for (const [member, history] of histories) {
      const status = statusOn(member, history, day);
      if (status !== null) values[row]![YEAR_SERIES.indexOf(status)]!++;
    }
  });
  const unknown = values.reduce((sum, row) => sum + row[YEAR_SERIES.length - 1]!, 0);
  return {
    ok: true,
    chart: {
      categories: days.map(({ id, label }) => ({ id, label })),
      series: namedSeries(YEAR_SERIES),
      values,
      unit: 'count',
      notes: [
        msg('statistics.notes.yearStart'),
        ...(unknown > 0 ? [msg('statistics.notes.statusUnknown')] : []),
        ...partialNote(input),
      ],
    },
  };
}

function pyramidBand(age: number): number {
  let index = 0;
  while (index + 1 < PYRAMID_BANDS.length && age >= PYRAMID_BANDS[index + 1]!) index++;
  return index;
}

function bandLabel(index: number): ChartCategory['label'] {
  const from = PYRAMID_BANDS[index]!;
  const next = PYRAMID_BANDS[index + 1];
  return next === undefined
    ? { message: msg('statistics.bands.from', { from }) }
    : { message: msg('statistics.bands.range', { from, to: next - 1 }) };
}

/** Current members by age band (oldest on top) and gender; needs the right to birth dates. */
export function agePyramid(input: MemberChartInput): ChartOutcome {
  if (!input.birthDatesKnown)
    return { ok: false, reason: msg('statistics.notes.birthDatesHidden') };
  const values = PYRAMID_BANDS.map(() => PYRAMID_SERIES.map(() => 0));
  let withoutBirthDate = 0;
  for (const member of input.members) {
    if (!isMemberToday(member, input.today)) continue;
    if (!member.birthDate || member.birthDate > input.today) {
      withoutBirthDate++;
      continue;
    }
    const gender = member.gender ?? 'none';
    values[pyramidBand(ageOn(member.birthDate, input.today))]![PYRAMID_SERIES.indexOf(gender)]!++;
  }
  const order = PYRAMID_BANDS.map((_, index) => index).reverse();
  return {
    ok: true,
    chart: {
      categories: order.map((index) => ({
        id: String(PYRAMID_BANDS[index]),
        label: bandLabel(index),
      })),
      series: namedSeries(PYRAMID_SERIES),
      values: order.map((index) => values[index]!),
      unit: 'count',
      notes: [
        msg('statistics.notes.pyramidSides'),
        ...(withoutBirthDate > 0
          ? [msg('statistics.notes.withoutBirthDate', { count: withoutBirthDate })]
          : []),
        ...partialNote(input),
      ],
    },
  };
}

/** Registers in the club's order (then by name), the registers chart's categories. */
export function registerCategories(registers: readonly Register[]): ChartCategory[] {
  return registers
    .toSorted((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'de'))
    .map((r) => ({ id: r.id, label: { text: r.name } }));
}

/** Current members of each register by status; one in two registers counts in both. */
export function membersPerRegister(input: MemberChartInput): ChartOutcome {
  const categories = [
    ...registerCategories(input.registers),
    { id: NO_REGISTER, label: { message: msg('statistics.noRegister') } },
  ];
  const rowOf = new Map(categories.map((c, index) => [c.id, index]));
  const values = categories.map(() => REGISTER_SERIES.map(() => 0));
  for (const member of input.members) {
    if (!isMemberToday(member, input.today)) continue;
    const column = REGISTER_SERIES.indexOf(member.status as (typeof REGISTER_SERIES)[number]);
    const known = member.registerIds.filter((id) => rowOf.has(id));
    for (const id of known.length > 0 ? known : [NO_REGISTER]) values[rowOf.get(id)!]![column]!++;
  }
  return {
    ok: true,
    chart: {
      categories,
      series: namedSeries(REGISTER_SERIES),
      values,
      unit: 'count',
      notes: [msg('statistics.notes.severalRegisters'), ...partialNote(input)],
    },
  };
}
