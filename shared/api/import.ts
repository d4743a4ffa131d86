/** What the import wizard and `tutti import` get back from the core. */

import type { ImportText } from '../import/importTextShape.ts';
import type { ColumnFate, ImportMapping } from '../import/mapping.ts';
import type { SourceCell, SourceColumn, SourceFormat } from '../import/sourceTable.ts';
import type { ImportEntity } from '../import/targets.ts';
import type { Message } from '../messages/message.ts';

export type { ImportText } from '../import/importTextShape.ts';

export interface ImportTableView {
  name: string;
  rowCount: number;
  columns: SourceColumn[];
  /** The first rows, for the wizard to show what a column holds. */
  sample: Record<string, SourceCell>[];
}

/** An opened file: its tables and the proposed (or loaded) mapping. */
export interface ImportSourceView {
  fileName: string;
  format: SourceFormat;
  tables: ImportTableView[];
  mapping: ImportMapping;
  /** What the reader noticed (the detected encoding, a column of pictures not read). */
  notes: Message[];
}

export type ImportMessageLevel = 'skipped' | 'duplicate' | 'warning';

/** One line of the report: a row to review, and why (`message`, `field`, `parts`). */
export interface ImportMessage extends ImportText {
  source: string;
  /** What the source table became: the field labels of the message are this kind's. */
  entity: ImportEntity;
  /** 1-based row of the source table (a CSV's header not counted); in Excel, Excel's row number. */
  row: number;
  /** How a person finds the row: its key and name ("MitgliedNr 17, Julia Werner"). */
  label: Message;
  level: ImportMessageLevel;
}

/** A harmless normalisation and how often it was made. */
export interface ImportCleaned extends ImportText {
  count: number;
}

export interface ImportTableReport {
  source: string;
  entity: ImportEntity;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Harmless normalisations and how often each was made, the most frequent first. */
  cleaned: ImportCleaned[];
  /** Loans made from a column naming the borrower (instrument tables). */
  loansCreated?: number;
  /** What became of every column of the table. */
  columns: ColumnFate[];
}

export interface ImportReport {
  fileName: string;
  format: SourceFormat;
  /** A preview: computed exactly like the import, then rolled back. */
  dryRun: boolean;
  at: string;
  durationMs: number;
  tables: ImportTableReport[];
  /**
   * Columns of imported tables without a field and not left out on purpose: "nicht
   * übernommen" at the top of the report; their values are kept with each record.
   */
  unmappedColumns: { source: string; column: string }[];
  /** The importing role's name, when the device belongs to a club server. */
  role: string | null;
  /** Tables the role may not write: not imported. */
  notAllowedTables: { source: string; entity: ImportEntity; rows: number }[];
  /**
   * Source columns whose values the role may not write (bank data, birth dates, kept values of
   * members), with how many rows had one: not stored.
   */
  withheld: { source: string; column: string; count: number }[];
  /** Tables of the file the mapping leaves out. */
  ignoredTables: { source: string; rows: number }[];
  messages: ImportMessage[];
  notes: Message[];
  /**
   * The safety generation made before the import (its ISO timestamp), or why there is none;
   * absent in a preview.
   */
  safetyBackup?: ImportSafetyBackup;
}

export type ImportSafetyBackup = { createdAt: string } | { skipped: 'not_configured' | 'no_data' };

export interface ImportProgress {
  running: boolean;
  done: number;
  total: number;
  /** A preview (it can be cancelled), not an import run (it cannot). */
  preview: boolean;
}
