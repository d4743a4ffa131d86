/**
 * How `npm run bench:ui` prints a figure: its median, a high percentile and the goal beside
 * them, `ok` or `OVER GOAL`.
 */

/** The value at quantile `q` (0…1) of the values: the upper one of two for an even median. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export interface ReportOptions {
  unit?: string;
  /** The high percentile printed beside the median (default 0.95). */
  tail?: number;
  /** A goal for that percentile too (issue #25's p99): the figure is over if either is. */
  tailGoal?: number;
}

export function report(
  label: string,
  values: readonly number[],
  goal: number,
  options: ReportOptions | string = {},
): void {
  const {
    unit = 'ms',
    tail = 0.95,
    tailGoal,
  } = typeof options === 'string' ? { unit: options } : options;
  const median = quantile(values, 0.5);
  const high = quantile(values, tail);
  const over = median > goal || (tailGoal !== undefined && high > tailGoal);
  const tailName = `p${Math.round(tail * 100)}`;
  const goals =
    tailGoal === undefined
      ? `goal ≤ ${goal} ${unit}`
      : `goal p50 ≤ ${goal} ${unit}, ${tailName} ≤ ${tailGoal} ${unit}`;
  console.log(
    `${label.padEnd(44)} median ${median.toFixed(2).padStart(8)} ${unit}   ${tailName} ${high.toFixed(2).padStart(8)} ${unit}   ${goals}   ${over ? 'OVER GOAL' : 'ok'}   (n=${values.length})`,
  );
}

/** A line of where a figure's time goes: the median and the tail of each part. */
export function reportPart(
  label: string,
  values: readonly number[],
  tail = 0.95,
  unit = 'ms',
): void {
  console.log(
    `    ${label.padEnd(58)} median ${quantile(values, 0.5).toFixed(1).padStart(7)} ${unit}   p${Math.round(tail * 100)} ${quantile(values, tail).toFixed(1).padStart(7)} ${unit}`,
  );
}
