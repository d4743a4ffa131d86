/**
 * A chart's figures as a table: what a screen reader reads, and what one copies into the
 * annual report. Shares carry the number of entries they are of. A long one (attendance of a
 * federation's thousands of members) is shown a page at a time; the export has every row.
 */
import { Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartData, labelText } from '../../../shared/domain/statistics/chartData.ts';
import type { Language } from '../../../shared/messages/language.ts';
import { hasTotal, numberFormat, totals } from './chartRows.ts';

/** Rows on one page of the table. */
export const TABLE_PAGE_ROWS = 100;

export function ChartTable({
  chart,
  caption,
  categoryHeading,
  testId,
}: {
  chart: ChartData;
  caption: string;
  categoryHeading: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'de';
  const format = numberFormat(language, chart.unit);
  const counts = numberFormat(language, 'count');
  const withTotal = hasTotal(chart);
  const sums = withTotal ? totals(chart) : [];
  const pages = Math.ceil(chart.categories.length / TABLE_PAGE_ROWS);
  const [pageAsked, setPage] = useState(1);
  const page = Math.min(pageAsked, Math.max(1, pages));
  const first = (page - 1) * TABLE_PAGE_ROWS;
  const rows = chart.categories.slice(first, first + TABLE_PAGE_ROWS);
  const value = (n: number) =>
    chart.unit === 'percent'
      ? t('statisticsPage.percentValue', { value: format.format(n) })
      : format.format(n);
  const table = (
    <Table striped withTableBorder captionSide="top" data-testid={testId} fz="sm">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{categoryHeading}</Table.Th>
          {chart.series.map((series) => (
            <Table.Th scope="col" key={series.id} ta="right">
              {labelText(series.label, language)}
            </Table.Th>
          ))}
          {withTotal && (
            <Table.Th scope="col" ta="right">
              {t('statistics.total')}
            </Table.Th>
          )}
          {chart.bases && (
            <Table.Th scope="col" ta="right">
              {t('statistics.entries')}
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((category, index) => {
          const row = first + index;
          return (
            <Table.Tr key={category.id} data-category={category.id}>
              <Table.Th scope="row" fw={500}>
                {labelText(category.label, language)}
              </Table.Th>
              {chart.series.map((series, column) => (
                <Table.Td key={series.id} ta="right" data-series={series.id}>
                  {value(chart.values[row]![column]!)}
                </Table.Td>
              ))}
              {withTotal && (
                <Table.Td ta="right" data-series="total">
                  {counts.format(sums[row]!)}
                </Table.Td>
              )}
              {chart.bases && (
                <Table.Td ta="right" data-series="entries">
                  {counts.format(chart.bases[row]!)}
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
  if (pages <= 1) return table;
  return (
    <Stack gap="xs">
      <Text size="sm" aria-live="polite" data-testid={`${testId}-rows`}>
        {t('statisticsPage.rowsShown', {
          from: counts.format(first + 1),
          to: counts.format(first + rows.length),
          count: counts.format(chart.categories.length),
        })}
      </Text>
      {table}
      <Pagination
        total={pages}
        value={page}
        onChange={setPage}
        size="sm"
        getControlProps={(control) => ({
          'aria-label': t(`statisticsPage.pageControl.${control}`),
        })}
        getItemProps={(n) => ({ 'aria-label': t('statisticsPage.pageNumber', { page: n }) })}
      />
    </Stack>
  );
}
