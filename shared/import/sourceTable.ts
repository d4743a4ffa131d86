/**
 * What a reader hands to the import: tables of cells, whatever the file was. Access dates and
 * Excel dates arrive already as `YYYY-MM-DD` (taken from the stored calendar day, never
 * shifted by a time zone); money from Access arrives as the exact decimal text it was stored as.
 */

import type { Message } from '../messages/message.ts';

export type SourceCell = string | number | boolean | null;

/** How the file itself typed a column; CSV columns are all `text`. */
export type SourceColumnType = 'text' | 'number' | 'money' | 'date' | 'boolean';

export interface SourceColumn {
  name: string;
  type: SourceColumnType;
}

export interface SourceTable {
  name: string;
  columns: SourceColumn[];
  /** One object per source row, keyed by column name. */
  rows: Record<string, SourceCell>[];
  /**
   * How the source numbers each row, where that is not simply its place (1 = first data row):
   * Excel's own row numbers, empty lines skipped.
   */
  rowNumbers?: number[];
}

export type SourceFormat = 'access' | 'csv' | 'xlsx';

export interface SourceFile {
  fileName: string;
  format: SourceFormat;
  tables: SourceTable[];
  /** What a reader noticed on the way (a detected encoding, a skipped column of pictures). */
  notes: Message[];
}
