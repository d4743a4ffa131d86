/**
 * A chart of the statistics (issue #24) as a file says it: its figures as a table — the
 * category, one column per series, for shares the entries each row is of, for stacked counts
 * the total — with the chart's notes, which is also what a screen reader and a spreadsheet
 * get; and for the PDF the same figures as a bar chart drawn above the table.
 */
import { formatGermanDate } from '../../shared/domain/dates.ts';
import type { Register } from '../../shared/domain/register.ts';
import {
  type ChartData,
  categoryTotal,
  labelText,
} from '../../shared/domain/statistics/chartData.ts';
import type { ChartRequest } from '../../shared/domain/statistics/charts.ts';
import type { Language } from '../../shared/messages/language.ts';
import { type MessageParams, msg } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
import type { BarChart } from '../export/pdfChart.ts';
import type { Sheet, SheetColumn } from '../export/sheet.ts';

const sayer = (language: Language) => (key: string, params?: MessageParams) =>
  translate(msg(`statistics.${key}`, params), language);

/** The chart's name and what it covers: the years, or the season (and the register). */
export function statisticsTitle(
  request: ChartRequest,
  chart: ChartData,
  registers: readonly Register[],
  language: Language,
): string {
  const say = sayer(language);
  const name = say(`charts.${request.chart}`);
  if (request.chart === 'membersByYear') {
    // The chart stops at this year (its last bar then today's), whatever the request asked for.
    const years = chart.categories.map((c) => Number(c.id)).filter(Number.isInteger);
    const from = request.fromYear;
    const to = years.length > 0 ? Math.max(...years) : request.toYear;
    return `${name} ${from >= to ? from : say('years', { from, to })}`;
  }
  if (request.chart === 'attendanceByRegister' || request.chart === 'attendanceByMember') {
    const season = say('season', {
      from: formatGermanDate(request.from),
      to: formatGermanDate(request.to),
    });
    const register =
      request.chart === 'attendanceByMember' && request.registerId !== null
        ? registers.find((r) => r.id === request.registerId)?.name
        : undefined;
    return [name, register, season].filter(Boolean).join(', ');
  }
  return name;
}

export function statisticsSheet(
  request: ChartRequest,
  chart: ChartData,
  registers: readonly Register[],
  language: Language,
): Sheet {
  const say = sayer(language);
  const shares = chart.unit === 'percent';
  const withBases = shares && chart.bases !== undefined;
  // A total of stacked counts; a share's row adds up to 100 % and a single count is its own.
  const withTotal = !shares && chart.series.length > 1;
  const columns: SheetColumn[] = [
    { heading: say(`category.${request.chart}`), kind: 'text' },
    ...chart.series.map(
      (s): SheetColumn => ({
        heading: labelText(s.label, language),
        kind: shares ? 'percent' : 'number',
      }),
    ),
    ...(withBases ? [{ heading: say('entries'), kind: 'number' } as const] : []),
    ...(withTotal ? [{ heading: say('total'), kind: 'number' } as const] : []),
  ];
  return {
    title: statisticsTitle(request, chart, registers, language),
    columns,
    rows: chart.categories.map((category, index) => [
      labelText(category.label, language),
      ...chart.values[index]!,
      ...(withBases ? [chart.bases![index]!] : []),
      ...(withTotal ? [categoryTotal(chart, index)] : []),
    ]),
    notes: chart.notes.map((note) => translate(note, language)),
  };
}

/** The same figures as bars; the age pyramid's first series (male) left of the axis. */
export function statisticsBarChart(
  request: ChartRequest,
  chart: ChartData,
  language: Language,
): BarChart {
  const say = sayer(language);
  return {
    categories: chart.categories.map((c) => labelText(c.label, language)),
    series: chart.series.map((s) => labelText(s.label, language)),
    values: chart.values,
    unit: chart.unit,
    mirrored: request.chart === 'agePyramid',
    texts: {
      continued: say('print.continued'),
      capped: (shown, total) => say('print.capped', { shown, total }),
    },
  };
}
