/**
 * What an import could not put into a field, kept with the record it belongs to: the values of
 * source columns nobody mapped (by column name), and values a sensitive field could not take.
 * Nothing a club typed into its old program is dropped; the record's dialog shows these values
 * under "Weitere Angaben aus dem Import". On members this field is sensitive: a column of
 * unknown meaning may hold bank data, so only roles with sensitive fields read it.
 */
import { z } from 'zod';

/** An Access memo's usual content: the longest text any single value may have. */
export const LONG_TEXT_MAX = 65_535;
export const IMPORTED_VALUES_MAX_ENTRIES = 100;
export const IMPORTED_NAME_MAX = 200;
/**
 * All kept values of one record together, in UTF-8 bytes: with the longest notes (65,535
 * characters, at most 196,605 bytes) a record still stays under the 512 KiB a single mutation
 * may have (MAX_MUTATION_BYTES), so it syncs.
 */
export const IMPORTED_VALUES_MAX_BYTES = 256 * 1024;

const utf8 = new TextEncoder();

export type ImportedValues = Record<string, string>;

export const importedValues = z.preprocess(
  (v) =>
    v === undefined || (v !== null && typeof v === 'object' && Object.keys(v).length === 0)
      ? null
      : v,
  z
    .record(
      z.string().min(1).max(IMPORTED_NAME_MAX),
      z.string().max(LONG_TEXT_MAX, { error: 'validation.imported.valueTooLong' }),
    )
    .refine((values) => Object.keys(values).length <= IMPORTED_VALUES_MAX_ENTRIES, {
      error: 'validation.imported.tooMany',
      params: { max: IMPORTED_VALUES_MAX_ENTRIES },
    })
    .refine(
      (values) =>
        Object.entries(values).reduce(
          (sum, [k, v]) => sum + utf8.encode(k).length + utf8.encode(v).length,
          0,
        ) <= IMPORTED_VALUES_MAX_BYTES,
      {
        error: 'validation.imported.tooLarge',
        params: { kb: IMPORTED_VALUES_MAX_BYTES / 1024 },
      },
    )
    .nullable(),
);
