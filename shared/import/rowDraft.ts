/**
 * One source row → the fields of one record, before references are resolved: every mapped
 * cell cleaned, member-specific repairs made (street and house number joined, a status from an
 * "Aktiv" flag, dates that contradict each other), and everything that could not be taken kept
 * as lines for the record's notes. Pure: the same row always gives the same draft, which is
 * what makes importing the same file twice create nothing.
 */
import { formatGermanDate } from '../domain/dates.ts';
import { cleanCell } from './cleanValues.ts';
import type { TableMapping } from './mapping.ts';
import type { SourceCell } from './sourceTable.ts';
import { IMPORT_TARGETS, type ImportEntity, type ImportTarget } from './targets.ts';

/** Raw reference values, resolved against the other tables by the importer. */
export interface RowReferences {
  register?: string;
  member?: string;
  instrument?: string;
  borrower?: string;
}

export interface RowDraft {
  fields: Record<string, unknown>;
  refs: RowReferences;
  /** Instruments: since when the borrower has it, when the source says so. */
  loanedSince: string | null;
  /** Lines for the notes: what the fields could not take. */
  keep: string[];
  /** Fields whose source value was refused (kept in the notes instead). */
  refused: string[];
  warnings: string[];
  cleaned: string[];
}

const REF_FIELDS = new Set(['register', 'member', 'instrument', 'borrower']);
const NOT_A_FIELD = new Set(['houseNumber', 'active', 'purchasePrice', 'loanedSince']);

function refText(cell: SourceCell): string | undefined {
  if (cell === null) return undefined;
  const text = String(cell).trim();
  return text === '' ? undefined : text;
}

interface MappedColumn {
  column: string;
  field: string;
  target: ImportTarget;
}

/** The mapping's columns with their targets, worked out once per mapping, not once per row. */
const mappedColumnsCache = new WeakMap<TableMapping, MappedColumn[]>();

function mappedColumns(entity: ImportEntity, mapping: TableMapping): MappedColumn[] {
  let columns = mappedColumnsCache.get(mapping);
  if (!columns) {
    columns = Object.entries(mapping.columns).flatMap(([column, field]) => {
      const target = IMPORT_TARGETS[entity].find((t) => t.field === field);
      return target ? [{ column, field, target }] : [];
    });
    mappedColumnsCache.set(mapping, columns);
  }
  return columns;
}

export function buildRowDraft(
  entity: ImportEntity,
  mapping: TableMapping,
  row: Record<string, SourceCell>,
  today: string,
): RowDraft {
  const draft: RowDraft = {
    fields: {},
    refs: {},
    loanedSince: null,
    keep: [],
    refused: [],
    warnings: [],
    cleaned: [],
  };
  const extra: Record<string, unknown> = {};
  for (const { column, field, target } of mappedColumns(entity, mapping)) {
    const cell = row[column] ?? null;
    if (REF_FIELDS.has(field)) {
      draft.refs[field as keyof RowReferences] = refText(cell);
      continue;
    }
    const result = cleanCell(target.kind, cell, target.label, today);
    if (result.cleaned) draft.cleaned.push(result.cleaned);
    if (result.warning) draft.warnings.push(result.warning);
    if (result.keep) {
      draft.keep.push(result.keep);
      if (result.value === null) draft.refused.push(field);
    }
    if (NOT_A_FIELD.has(field)) extra[field] = result.value;
    else draft.fields[field] = result.value;
  }
  if (entity === 'members') repairMember(draft, extra, row, mapping);
  if (entity === 'instruments') {
    if ('purchasePrice' in extra) draft.fields.purchasePriceCents = extra.purchasePrice;
    draft.loanedSince = (extra.loanedSince as string | null | undefined) ?? null;
  }
  return draft;
}

function repairMember(
  draft: RowDraft,
  extra: Record<string, unknown>,
  row: Record<string, SourceCell>,
  mapping: TableMapping,
): void {
  const f = draft.fields;
  const houseNumber = extra.houseNumber as string | null | undefined;
  if (houseNumber) f.street = f.street ? `${f.street} ${houseNumber}` : houseNumber;

  // A spreadsheet drops the leading zero of "01067": put it back for a German four-digit code.
  const postalColumn = Object.keys(mapping.columns).find(
    (c) => mapping.columns[c] === 'postalCode',
  );
  if (
    postalColumn &&
    typeof row[postalColumn] === 'number' &&
    /^\d{4}$/.test(String(f.postalCode))
  ) {
    const country = typeof f.country === 'string' ? f.country.toUpperCase() : 'DE';
    if (country === 'DE') f.postalCode = `0${f.postalCode}`;
  }

  if (f.sepaMandateReference && !f.iban) {
    // A mandate without a usable IBAN cannot be collected from: kept for the notes, said once
    // with the IBAN's own warning when there is one.
    const ibanWarning = draft.warnings.findIndex((w) => w.includes('IBAN'));
    if (ibanWarning >= 0) draft.warnings[ibanWarning] += ' Die Mandatsreferenz ebenso.';
    else draft.warnings.push('Mandatsreferenz ohne gültige IBAN; in die Bemerkung übernommen.');
    draft.keep.push(`Mandatsreferenz: ${f.sepaMandateReference}`);
    f.sepaMandateReference = null;
    draft.refused.push('sepaMandateReference');
    if (f.sepaMandateDate) {
      draft.keep.push(`Mandatsdatum: ${formatGermanDate(f.sepaMandateDate as string)}`);
      f.sepaMandateDate = null;
      draft.refused.push('sepaMandateDate');
    }
  }

  // An entry date that contradicts the birth or exit date is the doubtful one: it goes to the notes.
  const moveEntryDate = (why: string) => {
    const entry = formatGermanDate(f.entryDate as string);
    draft.warnings.push(`${why}; Eintritt in die Bemerkung übernommen.`);
    draft.keep.push(`Eintritt: ${entry}`);
    f.entryDate = null;
    draft.refused.push('entryDate');
  };
  if (f.entryDate && f.birthDate && (f.entryDate as string) < (f.birthDate as string)) {
    moveEntryDate(
      `Eintritt ${formatGermanDate(f.entryDate as string)} liegt vor dem Geburtsdatum ${formatGermanDate(f.birthDate as string)}`,
    );
  }
  if (f.entryDate && f.exitDate && (f.exitDate as string) < (f.entryDate as string)) {
    moveEntryDate(
      `Austritt ${formatGermanDate(f.exitDate as string)} liegt vor dem Eintritt ${formatGermanDate(f.entryDate as string)}`,
    );
  }

  if (f.status === undefined || f.status === null) {
    const active = extra.active as boolean | null | undefined;
    // Not compared with today: the same file must give the same status on every import.
    if (f.exitDate) f.status = 'ausgetreten';
    else if (active === true) f.status = 'aktiv';
    else if (active === false) f.status = 'passiv';
    else {
      f.status = 'aktiv';
      draft.cleaned.push('Status fehlte: „aktiv“ angenommen');
    }
  }
  if (f.status === 'ausgetreten' && !f.exitDate) {
    draft.warnings.push(
      'Status „ausgetreten“ ohne Austrittsdatum: als „passiv“ übernommen; bitte das Austrittsdatum nachtragen.',
    );
    draft.keep.push('Status: ausgetreten (ohne Austrittsdatum)');
    f.status = 'passiv';
  }
}

const KEPT_PREFIX = 'Aus dem Import (nicht in Felder übernommen): ';

/** Adds lines to the notes' "Aus dem Import" line (made when there is none yet). */
export function addKept(notes: unknown, lines: readonly string[]): string | null {
  const text = typeof notes === 'string' ? notes : '';
  if (lines.length === 0) return text === '' ? null : text;
  const existing = text.split('\n');
  const at = existing.findIndex((line) => line.startsWith(KEPT_PREFIX));
  if (at < 0) return notesWithKept(text, lines);
  existing[at] = `${existing[at]}; ${lines.join('; ')}`;
  return existing.join('\n');
}

/** The record's notes: its own, then what the import could not put into fields. */
export function notesWithKept(notes: unknown, keep: readonly string[]): string | null {
  const own = typeof notes === 'string' && notes.trim() !== '' ? notes.trim() : '';
  if (keep.length === 0) return own === '' ? null : own;
  const kept = `${KEPT_PREFIX}${keep.join('; ')}`;
  return own === '' ? kept : `${own}\n${kept}`;
}
