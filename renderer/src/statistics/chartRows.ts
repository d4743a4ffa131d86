/**
 * A chart's figures as rows for the bar chart and the table, in the UI's language: labels as
 * words, numbers formatted the way the language writes them.
 */
import {
  type ChartData,
  categoryTotal,
  labelText,
} from '../../../shared/domain/statistics/chartData.ts';
import type { Language } from '../../../shared/messages/language.ts';

export interface ChartRow {
  /** The category's words: the bar's label and the table's first cell. */
  category: string;
  [seriesId: string]: string | number;
}

/**
 * Rows for the bar chart; `mirrorFirst` puts the first series left of the axis (the pyramid's
 * men), as negative values that the chart's labels show without their sign.
 */
export function chartRows(chart: ChartData, language: Language, mirrorFirst = false): ChartRow[] {
  return chart.categories.map((category, row) => {
    const entry: ChartRow = { category: labelText(category.label, language) };
    chart.series.forEach((series, column) => {
      const value = chart.values[row]![column]!;
      entry[series.id] = mirrorFirst && column === 0 ? -value : value;
    });
    return entry;
  });
}

/** Whether the table gets a total column: a stacked count of more than one series. */
export function hasTotal(chart: ChartData): boolean {
  return chart.unit === 'count' && chart.series.length > 1;
}

export function totals(chart: ChartData): number[] {
  return chart.categories.map((_, index) => categoryTotal(chart, index));
}

export function numberFormat(language: Language, unit: ChartData['unit']): Intl.NumberFormat {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE', {
    maximumFractionDigits: unit === 'percent' ? 1 : 0,
    minimumFractionDigits: unit === 'percent' ? 1 : 0,
  });
}
