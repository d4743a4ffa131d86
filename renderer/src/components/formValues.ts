/**
 * Conversions between stored values and what a form field shows. A text that cannot be read
 * is passed on unchanged, so the shared schema rejects it with its German message at the field.
 */
import {
  formatCents,
  formatGermanDate,
  parseEuroToCents,
  parseGermanDate,
} from '../../../shared/domain/dates.ts';

export function dateToForm(iso: string | null | undefined): string {
  return formatGermanDate(iso);
}

export function dateFromForm(text: string): string | null {
  if (text.trim() === '') return null;
  return parseGermanDate(text) ?? text;
}

export function centsToForm(cents: number | null | undefined): string {
  return formatCents(cents);
}

export function centsFromForm(text: string): number | string | null {
  if (text.trim() === '') return null;
  return parseEuroToCents(text) ?? text;
}

/** A number field's value: empty is null; a text that is no number goes on for the schema to refuse. */
export function numberFromForm(value: number | string): number | string | null {
  if (typeof value === 'number') return value;
  if (value.trim() === '') return null;
  const number = Number(value.trim().replace(',', '.'));
  return Number.isFinite(number) ? number : value;
}
