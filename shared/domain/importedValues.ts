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
/**
 * All kept values of one record together: far under the push limit, so a record with the
 * longest notes and these values still syncs as one mutation.
 */
export const IMPORTED_VALUES_MAX_CHARS = 131_070;

export type ImportedValues = Record<string, string>;

export const importedValues = z.preprocess(
  (v) =>
    v === undefined || (v !== null && typeof v === 'object' && Object.keys(v).length === 0)
      ? null
      : v,
  z
    .record(
      z.string().min(1).max(200),
      z.string().max(LONG_TEXT_MAX, {
        error: `Ein übernommener Wert ist zu lang (höchstens ${LONG_TEXT_MAX} Zeichen).`,
      }),
    )
    .refine((values) => Object.keys(values).length <= IMPORTED_VALUES_MAX_ENTRIES, {
      error: `Höchstens ${IMPORTED_VALUES_MAX_ENTRIES} übernommene Werte je Datensatz.`,
    })
    .refine(
      (values) =>
        Object.entries(values).reduce((sum, [k, v]) => sum + k.length + v.length, 0) <=
        IMPORTED_VALUES_MAX_CHARS,
      {
        error: `Die übernommenen Werte sind zusammen zu lang (höchstens ${IMPORTED_VALUES_MAX_CHARS} Zeichen).`,
      },
    )
    .nullable(),
);
