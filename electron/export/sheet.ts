/**
 * A list as every export format writes it: a title, typed columns and rows of typed cells.
 * Dates stay `YYYY-MM-DD`, money stays integer cents and a share stays a number of percent
 * here; each writer says them its way (CSV and PDF as German text, Excel as real dates,
 * numbers and percentages).
 */
import { formatCents, formatGermanDate } from '../../shared/domain/dates.ts';

/** `percent`: a share in percent with one decimal (33.3), as the statistics count it. */
export type CellKind = 'text' | 'date' | 'number' | 'money' | 'percent';
export type Cell = string | number | null;

export interface SheetColumn {
  heading: string;
  kind: CellKind;
}

export interface Sheet {
  /** What the list is: "Mitglieder", "Fällige Ehrungen 2026". */
  title: string;
  columns: SheetColumn[];
  rows: Cell[][];
  /**
   * Lines that belong with the list: what it covers, and what it could not include — a report
   * that is incomplete says so in the file too, never only on the screen.
   */
  notes?: string[];
}

/** Who printed it and when: the head and foot of every page. */
export interface SheetHead {
  clubName: string;
  /** The day it was made, `YYYY-MM-DD`. */
  date: string;
}

/** A share as the export's text says it: `33,3 %`. */
export function formatPercent(value: number): string {
  return `${value.toFixed(1).replace('.', ',')} %`;
}

/** A cell as a person reads it: dates `TT.MM.JJJJ`, money `1.234,50`, shares `33,3 %`. */
export function cellText(kind: CellKind, value: Cell): string {
  if (value === null || value === '') return '';
  if (kind === 'date' && typeof value === 'string') return formatGermanDate(value);
  if (kind === 'money' && typeof value === 'number') return formatCents(value);
  if (kind === 'percent' && typeof value === 'number') return formatPercent(value);
  return String(value);
}

/**
 * The rows as text, for CSV (numbers stay numbers). A share is German text (`33,3 %`), which
 * German Excel reads as a percentage; `33.3` it would read as text, and `1.5` as the 1st of May.
 */
export function sheetAsText(sheet: Sheet): { header: string[]; rows: Cell[][] } {
  return {
    header: sheet.columns.map((c) => c.heading),
    rows: sheet.rows.map((row) =>
      row.map((value, i) => {
        const kind = sheet.columns[i]!.kind;
        return kind === 'number' || (kind === 'text' && value === null)
          ? value
          : cellText(kind, value);
      }),
    ),
  };
}
