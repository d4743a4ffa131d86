/**
 * Printing and exporting a list from the UI (issue #23): the records shown — in the order and
 * with the search of the screen — and the columns chosen; the core builds the file with the
 * rights of the device, so a column the role may not read never leaves it.
 */
import { z } from 'zod';
import { isCalendarDate } from '../domain/dates.ts';
import { chartRequestSchema } from '../domain/statistics/charts.ts';

export const LIST_EXPORTS = [
  'members',
  'registers',
  'instruments',
  'loans',
  'events',
  'honours',
] as const;
export type ListExportEntity = (typeof LIST_EXPORTS)[number];
export const LIST_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** More rows than any club has, fewer than would let a request hold the core for long. */
export const MAX_EXPORT_ROWS = 100_000;

export const listExportRequestSchema = z.object({
  entity: z.enum(LIST_EXPORTS),
  ids: z.array(z.string().uuid()).max(MAX_EXPORT_ROWS),
  fields: z
    .array(z.string().regex(/^[A-Za-z]{1,60}$/))
    .min(1)
    .max(100),
  format: z.enum(LIST_FORMATS),
  language: z.enum(['de', 'en']),
});
export type ListExportRequest = z.output<typeof listExportRequestSchema>;

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes. */
  base64: string;
  /** Members left out, by name (labels and letters: no postal address). */
  leftOut?: string[];
  /** Members whose address fits no label even in the smallest type, by name. */
  tooLong?: string[];
  /** Characters the PDF's fonts cannot draw, as code points ("U+5C71"): missing from it. */
  undrawable?: string;
}

const ids = z.array(z.string().uuid()).min(1).max(MAX_EXPORT_ROWS);
const language = z.enum(['de', 'en']);

/** Address labels or serial letters for the members a list shows. */
export const memberPrintSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('labels'),
    ids,
    labelFormat: z.string().max(20),
    /** 1 = the sheet's top left label. */
    start: z.number().int().min(1).max(100),
    language,
  }),
  z.object({
    kind: z.literal('letters'),
    ids,
    subject: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(20_000),
    place: z.string().max(100),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    language,
  }),
]);
export type MemberPrint = z.output<typeof memberPrintSchema>;

const isoDay = z.string().refine(isCalendarDate);
const year = z.number().int().min(1900).max(2100);

/** A report printed or exported from its screen: the honours issue's, or a chart of the statistics. */
export const reportExportSchema = z.object({
  report: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('honours'), year, ceremonyDate: isoDay.nullable() }),
    z.object({ kind: z.literal('staerkemeldung'), year }),
    z
      .object({ kind: z.literal('birthdays'), from: isoDay, to: isoDay })
      // A period a list of greetings covers; a longer one would hold the core for minutes.
      .refine(
        (p) => p.from <= p.to && p.to <= `${Number(p.from.slice(0, 4)) + 10}${p.from.slice(4)}`,
      ),
    // The chart's figures as a table (and in the PDF the chart drawn above it).
    z.object({ kind: z.literal('statistics'), request: chartRequestSchema }),
  ]),
  format: z.enum(LIST_FORMATS),
  language,
});
export type ReportExport = z.output<typeof reportExportSchema>;
