/**
 * One chart of the statistics: the bars (Mantine's charts on recharts: SVG drawn by React, no
 * eval and no style attributes, so it runs under the strict CSP), the notes that say what was
 * not counted, and the table with every figure. The bars are one picture with a name for
 * screen readers; the table carries the figures for them.
 */
import { BarChart } from '@mantine/charts';
import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChartData } from '../../../shared/domain/statistics/chartData.ts';
import { labelText } from '../../../shared/domain/statistics/chartData.ts';
import type { Language } from '../../../shared/messages/language.ts';
import { messageText } from '../i18n/messageText.ts';
import { ChartTable } from './ChartTable.tsx';
import { chartRows, numberFormat } from './chartRows.ts';

/** Colours told apart also by people with a red-green weakness and in greyscale print. */
const COLOURS = [
  'blue.7',
  'orange.5',
  'teal.6',
  'grape.6',
  'gray.6',
  'yellow.5',
  'red.7',
  'cyan.4',
];

/** Bars the chart draws at most; the table lists every category. */
export const MAX_BARS = 40;

export interface FigureLayout {
  /** Bars side by side along the bottom (years), else rows with their labels on the left. */
  columns?: boolean;
  /** Above MAX_BARS the chart keeps the last categories (the recent years), not the first. */
  keepLast?: boolean;
  /** What the person can do to see fewer (choose a register), said with the cap. */
  fewerHint?: string;
  /** The first series to the left of the axis (the age pyramid). */
  mirrorFirst?: boolean;
}

export function ChartFigure({
  chart,
  title,
  categoryHeading,
  layout = {},
  testId,
}: {
  chart: ChartData;
  title: string;
  categoryHeading: string;
  layout?: FigureLayout;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'de';
  const capped = chart.categories.length > MAX_BARS;
  const part = <T,>(list: T[]) =>
    layout.keepLast ? list.slice(-MAX_BARS) : list.slice(0, MAX_BARS);
  const shown: ChartData = capped
    ? { ...chart, categories: part(chart.categories), values: part(chart.values) }
    : chart;
  const rows = chartRows(shown, language, layout.mirrorFirst);
  const format = numberFormat(language, chart.unit);
  const formatValue = (n: number) =>
    chart.unit === 'percent'
      ? t('statisticsPage.percentValue', { value: format.format(n) })
      : format.format(Math.abs(n));
  const series = shown.series.map((s, index) => ({
    name: s.id,
    label: labelText(s.label, language),
    color: COLOURS[index % COLOURS.length]!,
  }));
  // Counts are whole; shares run to 100; the pyramid's axis is the same length on both sides.
  const widest = Math.max(
    1,
    ...rows.flatMap((row) => shown.series.map((s) => Math.abs(Number(row[s.id])))),
  );
  const valueAxis =
    chart.unit === 'percent'
      ? {
          // Shares rounded one by one may add up to 100.1: the axis still ends at 100 %.
          domain: [0, 100],
          allowDataOverflow: true,
          ticks: [0, 25, 50, 75, 100],
          tickFormatter: (n: number) => `${n} %`,
        }
      : layout.mirrorFirst
        ? { domain: [-widest, widest], allowDecimals: false }
        : { allowDecimals: false };
  const height = layout.columns ? 320 : Math.max(160, rows.length * 30 + 90);
  const empty = chart.categories.length === 0;

  return (
    <Stack gap="sm" data-testid={testId}>
      {empty ? (
        <Text data-testid={`${testId}-empty`}>{t('statisticsPage.empty')}</Text>
      ) : (
        <div role="img" aria-label={t('statisticsPage.chartSummary', { title })}>
          <BarChart
            h={height}
            data={rows}
            dataKey="category"
            series={series}
            type={series.length > 1 ? 'stacked' : 'default'}
            orientation={layout.columns ? 'horizontal' : 'vertical'}
            withLegend={series.length > 1}
            // In the series' order (status, gender, condition), not alphabetically.
            legendProps={{ verticalAlign: 'bottom', itemSorter: null }}
            valueFormatter={formatValue}
            accessibilityLayer={false}
            tooltipAnimationDuration={0}
            barProps={{ isAnimationActive: false }}
            yAxisProps={layout.columns ? valueAxis : { width: 170 }}
            xAxisProps={layout.columns ? {} : valueAxis}
            barChartProps={layout.mirrorFirst ? { stackOffset: 'sign' } : {}}
          />
        </div>
      )}
      {capped && (
        <Text size="sm" c="dimmed" data-testid={`${testId}-capped`}>
          {t(layout.keepLast ? 'statisticsPage.chartCappedLast' : 'statisticsPage.chartCapped', {
            shown: MAX_BARS,
            count: chart.categories.length,
          })}{' '}
          {layout.fewerHint}
        </Text>
      )}
      {chart.notes.length > 0 && (
        <Alert color="gray" variant="light" p="xs">
          <List size="sm" spacing={2}>
            {chart.notes.map((note) => (
              <List.Item key={note.key}>{messageText(note)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {!empty && (
        <ChartTable
          chart={chart}
          caption={title}
          categoryHeading={categoryHeading}
          testId={`${testId}-table`}
        />
      )}
    </Stack>
  );
}
