/**
 * Printing and exporting a list from the UI (issue #23): the records shown — in the order and
 * with the search of the screen — and the columns chosen; the core builds the file with the
 * rights of the device, so a column the role may not read never leaves it.
 */
import { z } from 'zod';

export const LIST_EXPORTS = ['members', 'registers', 'instruments', 'loans', 'events', 'honours'] as const;
export type ListExportEntity = (typeof LIST_EXPORTS)[number];
export const LIST_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** More rows than any club has, fewer than would let a request hold the core for long. */
export const MAX_EXPORT_ROWS = 100_000;

export const listExportRequestSchema = z.object({
  entity: z.enum(LIST_EXPORTS),
  ids: z.array(z.string().uuid()).max(MAX_EXPORT_ROWS),
  fields: z.array(z.string().regex(/^[A-Za-z]{1,60}$/)).min(1).max(100),
  format: z.enum(LIST_FORMATS),
  language: z.enum(['de', 'en']),
});
export type ListExportRequest = z.output<typeof listExportRequestSchema>;

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes. */
  base64: string;
}
