/**
 * The figures behind one chart of the statistics (issue #24), as data both the screen and the
 * printed or exported file read: categories along one axis, series stacked in each, and the
 * notes that say what was not counted. Words are messages or the club's own names, so the
 * same figures are shown in German or English without being computed again.
 */
import type { Language } from '../../messages/language.ts';
import { type Message, msg } from '../../messages/message.ts';
import { translate } from '../../messages/translate.ts';
import type { Words } from '../catalogue/fieldDefinition.ts';

/**
 * A label: the club's own words (a register's name, a member's, a year), a message, or a
 * value's words from the field catalogue (an instrument's condition).
 */
export type ChartLabel = { text: string } | { message: Message } | { words: Words };

export interface ChartCategory {
  id: string;
  label: ChartLabel;
}

export interface ChartSeries {
  id: string;
  label: ChartLabel;
}

export interface ChartData {
  /** Along the axis: years, age bands, registers, members, conditions. */
  categories: ChartCategory[];
  /** Stacked in each category. */
  series: ChartSeries[];
  /** `values[category][series]`: counts, or shares in percent (`unit`). */
  values: number[][];
  unit: 'count' | 'percent';
  /** For shares: how many entries each category's shares are of (each rounded to 0.1). */
  bases?: number[];
  /** What was not counted and why, or how a figure is to be read. */
  notes: Message[];
}

/** A chart that cannot be drawn for this user or these data, with the reason. */
export type ChartOutcome = { ok: true; chart: ChartData } | { ok: false; reason: Message };

/**
 * Rounds a share to one decimal (half up), as it is shown. Multiply before dividing: with
 * `part / whole * 1000`, 201 of 400 (50.25 %) comes out as 502.4999… and is shown as 50.2.
 */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

/** Sum of a category's values (its bar's length). */
export function categoryTotal(chart: ChartData, index: number): number {
  return chart.values[index]!.reduce((sum, value) => sum + value, 0);
}

export function labelText(label: ChartLabel, language: Language): string {
  if ('text' in label) return label.text;
  if ('words' in label) return label.words[language];
  return translate(label.message, language);
}

/** Series named by the messages `statistics.series.<id>`. */
export function namedSeries(ids: readonly string[]): ChartSeries[] {
  return ids.map((id) => ({ id, label: { message: msg(`statistics.series.${id}`) } }));
}
